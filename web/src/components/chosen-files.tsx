import { useI18n } from '../i18n/i18n-context';

/**
 * The files chosen for a form and not sent yet, each by name and size with «Quitar» (QA S57: «3
 * archivos seleccionados» and a refusal left no way but to choose all the good ones again); a
 * file's refusal, when given, beside it. Nothing while none is chosen.
 */
export function ChosenFiles({
  files,
  size,
  onRemove,
  refusals,
  uploading,
  disabled,
  testId,
  chooserId,
}: {
  files: readonly File[];
  /** Words a byte count («2 KB»). */
  size: (bytes: number) => string;
  onRemove: (index: number) => void;
  /** Per file, what the server would refuse it for (undefined: it fits). */
  refusals?: readonly (string | undefined)[];
  /** The file going up now and how far, in whole percent (QA S62 #5). */
  uploading?: { readonly file: File; readonly percent: number };
  disabled?: boolean;
  testId: string;
  /** The file chooser's id: the focus goes there once the last file is removed. */
  chooserId: string;
}) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="upload-list" data-testid={testId}>
      {files.map((file, i) => (
        <li key={`${i}-${file.name}`} className="upload-item">
          <span className="upload-name">{file.name}</span>
          <span className="muted">{size(file.size)}</span>
          {uploading?.file === file && (
            <span className="upload-result small">
              <progress
                max={100}
                value={uploading.percent}
                aria-label={t.attachments.progressLabel(file.name)}
                data-testid="upload-progress"
              />{' '}
              {t.attachments.progressUploading(uploading.percent)}
            </span>
          )}
          {refusals?.[i] && (
            <span className="field-error" data-testid={`${testId}-refusal`}>
              {refusals[i]}
            </span>
          )}
          <button
            type="button"
            className="button small"
            disabled={disabled}
            aria-label={t.attachments.removeLabel(file.name)}
            onClick={(event) => {
              const list = event.currentTarget.closest('ul');
              onRemove(i);
              // The keyboard stays in the list (QA S58: it fell to the page): on the «Quitar» that
              // took this one's place, else the one before, else the chooser.
              setTimeout(() => {
                const buttons = list?.isConnected ? list.querySelectorAll('button') : [];
                const next = buttons[i] ?? buttons[i - 1] ?? document.getElementById(chooserId);
                next?.focus();
              });
            }}
          >
            {t.attachments.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
