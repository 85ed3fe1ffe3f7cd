import { ErrorMessage, SuccessMessage } from './error-message';

interface Props {
  /** The form's state from `useMutationForm` (busy disables the button). */
  form: { busy: boolean; error: unknown; done: string | undefined };
  label: string;
  buttonClassName?: string;
  /** Also disables the button while the form is not ready (e.g. its data still loads). */
  disabled?: boolean;
}

/** The end of a form-grid form: its submit button, then its error or success note. */
export function FormFooter({ form, label, buttonClassName = 'button', disabled = false }: Props) {
  return (
    <>
      <div className="form-actions span-all">
        <button type="submit" className={buttonClassName} disabled={form.busy || disabled}>
          {label}
        </button>
      </div>
      <div className="span-all">
        <ErrorMessage error={form.error} />
        <SuccessMessage text={form.done} />
      </div>
    </>
  );
}
