import type { InputHTMLAttributes, ReactNode } from 'react';
import { SpelledDate, spelledDateId } from './spelled-date';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/**
 * A labelled input in the form grid: the label always names the input (`htmlFor`), and the value
 * is controlled, so a form keeps what was typed when a request fails. A date control says the day
 * it holds in words under it ({@link SpelledDate}), and is described by them.
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
  const dated = input.type === 'date' || input.type === 'datetime-local';
  const spelledId = spelledDateId(id);
  const describedBy = dated
    ? [input['aria-describedby'], spelledId].filter(Boolean).join(' ')
    : input['aria-describedby'];
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...input}
        aria-describedby={describedBy}
      />
      {dated && <SpelledDate id={spelledId} value={value} />}
      {children}
    </div>
  );
}
