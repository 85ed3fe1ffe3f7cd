import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { describedBy, refusedBy } from './field-error';
import { TextCount } from './text-count';
import { countId } from './text-count-text';

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby' | 'maxLength'
>;

/**
 * A labelled textarea in the form grid, like `TextField`: the label names it (`htmlFor`), the
 * value is controlled, and an optional hint below is announced with it (`aria-describedby`). With
 * a `limit` (`TEXT_LIMITS`), its count shows near and past it (`TextCount`). `problemId`: the id
 * of the message refusing it (a `FormProblem`'s), which then describes it first and marks it
 * `aria-invalid` (QA S59), as the action forms do.
 */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  hint,
  limit,
  className,
  problemId,
  ...textarea
}: TextAreaProps & {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** The most characters the API accepts. */
  limit?: number;
  /** The id of the message refusing the field, while one does. */
  problemId?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const counted = limit ? countId(`${id}-count`, value, limit) : undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        {...refusedBy(problemId, describedBy(hintId, counted))}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...textarea}
      />
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {limit && <TextCount id={`${id}-count`} value={value} limit={limit} />}
    </div>
  );
}

/**
 * A form's own check that failed before any request (e.g. a required field left empty). `id`: for
 * the refused field's `problemId` (or `refusedBy`).
 */
export function FormProblem({ problem, id }: { problem: string | undefined; id?: string }) {
  if (!problem) return null;
  return (
    <p className="notice notice-error span-all" role="alert" id={id}>
      {problem}
    </p>
  );
}
