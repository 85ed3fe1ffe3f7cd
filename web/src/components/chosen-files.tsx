import { useI18n } from '../i18n/i18n-context';
import type { CommentFileState } from '../tickets/comment-upload-state';

/**
 * The files chosen for a form and not sent yet, each by name and size with «Quitar» (QA S57: «3
 * archivos seleccionados» and a refusal left no way but to choose all the good ones again); a
 * file's refusal, when given, beside it. Nothing while none is chosen. With `states`, each file
 * says where it is («En espera», «Subiendo… 45 %», «Adjuntado»); the one going up has «Cancelar»
 * (`onCancel`) instead of «Quitar», and a waiting one keeps «Quitar» while the others go up
 * (QA S65c #1).
 */
export function ChosenFiles({
  files,
  size,
  onRemove,
  refusals,
  states,
  onCancel,
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
  /** Per file, where it is (QA S62 #5, S65c #3). */
  states?: readonly (CommentFileState | undefined)[];
  /** Stops the file going up (its «Cancelar»). */
  onCancel?: () => void;
  /** «Quitar» is not offered (the form is busy); a waiting file keeps it. */
  disabled?: boolean;
  testId: string;
  /** The file chooser's id: the focus goes there once the last file is removed. */
  chooserId: string;
}) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="upload-list" data-testid={testId}>
      {files.map((file, i) => {
        const state = states?.[i];
        return (
          <li key={`${i}-${file.name}`} className="upload-item" data-status={state?.kind}>
            <span className="upload-name">{file.name}</span>
            <span className="muted">{size(file.size)}</span>
            {state?.kind === 'waiting' && (
              <span className="upload-result small nowrap" data-testid={`${testId}-state`}>
                {t.attachments.progressWaiting}
              </span>
            )}
            {state?.kind === 'attached' && (
              <span className="upload-result small nowrap" data-testid={`${testId}-state`}>
                {t.attachments.progressDone}
              </span>
            )}
            {state?.kind === 'uploading' && (
              <span className="upload-result small">
                <progress
                  max={100}
                  value={state.percent}
                  aria-label={t.attachments.progressLabel(file.name)}
                  data-testid="upload-progress"
                />{' '}
                {/* One line on a phone too (QA S65c #3: «Subiendo… / 47 %» broke in two). */}
                <span className="nowrap" data-testid={`${testId}-state`}>
                  {t.attachments.progressUploading(state.percent)}
                </span>
              </span>
            )}
            {refusals?.[i] && (
              <span className="field-error" data-testid={`${testId}-refusal`}>
                {refusals[i]}
              </span>
            )}
            {state?.kind === 'uploading' && onCancel ? (
              <button
                type="button"
                className="button small"
                aria-label={t.attachments.cancelUploadLabel(file.name)}
                onClick={onCancel}
              >
                {t.attachments.cancelUpload}
              </button>
            ) : (
              <button
                type="button"
                className="button small"
                disabled={disabled && state?.kind !== 'waiting'}
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
            )}
          </li>
        );
      })}
    </ul>
  );
}
