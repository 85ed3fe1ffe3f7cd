import { useI18n } from '../i18n/i18n-context';

/**
 * A file input that speaks the app's language (QA S16: the native one read «Choose Files / No
 * file chosen» in a Spanish page, in the browser's language). The native input stays the control:
 * it is transparent over the button it looks like, so a click, a keyboard focus (Space or Enter
 * opens the picker), a dropped file and playwright's setInputFiles all reach it; the field's own
 * label names it and the count of chosen files describes it.
 *
 * The parent holds the chosen files: the input is emptied after each choice, so the same file
 * can be chosen again after it was removed from the parent's list.
 */
export function FileChooser({
  id,
  count,
  onChoose,
  describedBy,
  accept,
  invalid,
  disabled,
}: {
  id: string;
  /** How many files the parent holds as chosen (and not yet sent). */
  count: number;
  onChoose: (files: File[]) => void;
  /** Ids of the field's hints, read after the count. */
  describedBy?: string;
  accept?: string;
  invalid?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const statusId = `${id}-chosen`;
  return (
    <div className="file-chooser">
      <span className="file-chooser-control">
        <input
          id={id}
          name={id}
          type="file"
          multiple
          accept={accept}
          disabled={disabled}
          aria-describedby={describedBy ? `${statusId} ${describedBy}` : statusId}
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => {
            onChoose(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
        <span className="button file-chooser-face" aria-hidden="true">
          {t.fileChooser.choose}
        </span>
      </span>
      <span id={statusId} className="file-chooser-chosen muted" aria-live="polite">
        {t.fileChooser.chosen(count)}
      </span>
    </div>
  );
}
