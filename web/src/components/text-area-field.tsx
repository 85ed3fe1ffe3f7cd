import type { ReactNode, TextareaHTMLAttributes } from 'react';

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby'
>;

/**
 * A labelled textarea in the form grid, like `TextField`: the label names it (`htmlFor`), the
 * value is controlled, and an optional hint below is announced with it (`aria-describedby`).
 */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  hint,
  className,
  ...textarea
}: TextAreaProps & {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-describedby={hintId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...textarea}
      />
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A form's own check that failed before any request (e.g. a required field left empty). */
export function FormProblem({ problem }: { problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p className="notice notice-error span-all" role="alert">
      {problem}
    </p>
  );
}
