import { useMemo, useSyncExternalStore } from 'react';
import { uploadAttachment } from '../api/attachments';
import { ApiError } from '../api/graphql-client';
import { ErrorMessage } from '../components/error-message';
import { formatFileSize } from '../i18n/file-size';
import { useI18n } from '../i18n/i18n-context';
import { isTransientRefusal } from './upload-queue';
import { ticketUploads } from './ticket-uploads';
import { inFlight, type SendFile, type TrackedUpload, uploadPercent } from './upload-tracker';

/** Sends a file as the registrant's own (not for a comment), with the session's token. */
export function sendWithToken(token: string | undefined): SendFile<File> {
  return (ticket, file, onProgress) =>
    uploadAttachment(ticket, file, token, false, false, onProgress);
}

/** The tab's uploads to `ticket`, oldest first; the component renders again on each change. */
export function useTrackedUploads(ticket: string | undefined): readonly TrackedUpload[] {
  const all = useSyncExternalStore(ticketUploads.subscribe, ticketUploads.snapshot);
  return useMemo(() => (ticket ? all.filter((u) => u.ticket === ticket) : []), [all, ticket]);
}

/**
 * Each upload by name and size with where it is: «En espera», «Subiendo… 45 %» (with a progress
 * bar), «Adjuntado», or its refusal in words, with «Reintentar» when the network or the server
 * failed for a moment (the file is still in the tab). `notAttached` leads a refusal the server did
 * not word itself («No se pudo adjuntar «x»…»).
 */
export function TrackedUploadList({
  uploads,
  notAttached,
  testId,
}: {
  uploads: readonly TrackedUpload[];
  notAttached: (name: string) => string;
  testId: string;
}) {
  const { t, language } = useI18n();
  const a = t.attachments;
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-list" data-testid={testId} aria-label={a.progressTitle}>
      {uploads.map((upload) => {
        const percent = uploadPercent(upload);
        const invalid =
          upload.error instanceof ApiError && upload.error.code === 'VALIDATION_FAILED';
        return (
          <li
            key={upload.id}
            className={`upload-item ${upload.status}`}
            data-status={upload.status}
          >
            <span className="upload-name">{upload.name}</span>{' '}
            <span className="muted small nowrap">{formatFileSize(upload.size, language)}</span>{' '}
            {upload.status === 'waiting' && (
              <span className="upload-result small">{a.progressWaiting}</span>
            )}
            {upload.status === 'uploading' && (
              <>
                <progress
                  max={100}
                  value={percent}
                  aria-label={a.progressLabel(upload.name)}
                  data-testid="upload-progress"
                />{' '}
                <span className="upload-result small">{a.progressUploading(percent)}</span>
              </>
            )}
            {upload.status === 'uploaded' && (
              <span className="upload-result small">{a.progressDone}</span>
            )}
            {upload.status === 'failed' && (
              <div className="upload-failure">
                {/* A refusal the server worded leads with this sentence instead of «Revise lo
                    siguiente:», so the file is not said twice (QA S57). */}
                {!invalid && <p>{notAttached(upload.name)}</p>}
                <ErrorMessage
                  error={upload.error}
                  overrides={{ VALIDATION_FAILED: notAttached(upload.name) }}
                />
                {isTransientRefusal(upload.error) && (
                  <button
                    type="button"
                    className="button small"
                    aria-label={a.retryLabel(upload.name)}
                    onClick={() => void ticketUploads.retry(upload.id)}
                  >
                    {a.retry}
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Whether any of `uploads` is still to end. */
export function anyInFlight(uploads: readonly TrackedUpload[]): boolean {
  return uploads.some(inFlight);
}
