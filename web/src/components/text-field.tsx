import type { InputHTMLAttributes, ReactNode } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/**
 * A labelled input in the form grid: the label always names the input (`htmlFor`), and the value
 * is controlled, so a form keeps what was typed when a request fails.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  className,
  children,
  ...input
}: InputProps & {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Extra content after the input (e.g. a datalist). */
  children?: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
      {children}
    </div>
  );
}
