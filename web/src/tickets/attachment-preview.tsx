import { useEffect, useId, useRef, useState } from 'react';
import {
  type Attachment,
  downloadAttachment,
  fetchAttachmentBlob,
  fetchAttachmentStart,
} from '../api/attachments';
import { ApiError } from '../api/graphql-client';
import { ErrorMessage } from '../components/error-message';
import { formatFileSize } from '../i18n/file-size';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import {
  decodePreviewText,
  previewBlobType,
  previewKind,
  type PreviewText,
  TEXT_PREVIEW_MAX_BYTES,
} from './previewable';
import { withPdfTitle } from './pdf-title';

// L3-11 previews of a ticket's images, PDFs and text files. The bytes come as a download does
// (fetch with the session's token, never a bare link to the file). Images and PDFs are shown from
// an object URL that is revoked as soon as the thumbnail or the dialog is gone; the blob is typed
// from the preview allow-list (`previewable.ts`), so the browser renders an image or a PDF and
// nothing else. Text is never handed to the browser to render: its first 256 KB are decoded and
// put in the page as a text node (React escapes it), so a log holding `<script>` shows it.

/**
 * What `map` makes of an attachment's bytes (`request.fetch`ed with the session's token) while a
 * `request` is given and the component mounted: one request per `request.key`, stopped when the
 * key changes or the component goes, and `release` called on a value once it is dropped. `error`
 * when the bytes could not be read; a file deleted since the list was read calls `onGone` (the
 * list shows it as deleted). The key names everything the request depends on; the token is read
 * when the request starts, so a fresh session (the password changed) does not fetch the same
 * bytes again, and neither do the new closures of a later render.
 */
function useAttachmentFetch<R, T>(
  request:
    | {
        /** Names what is fetched: a new key, a new request. */
        key: string;
        fetch: (token: string | undefined, signal: AbortSignal) => Promise<R>;
      }
    | undefined,
  {
    map,
    release,
    onGone,
  }: { map: (raw: R) => T; release?: (value: T) => void; onGone?: () => void },
): { value?: T; error?: unknown } {
  const { token } = useSession();
  const key = request?.key;
  const fetch = request?.fetch;
  const [state, setState] = useState<{ key: string; value?: T; error?: unknown }>();
  // The latest render's token and callbacks, read by the request without restarting it.
  const latest = useRef({ token, fetch, map, release, onGone });
  latest.current = { token, fetch, map, release, onGone };

  useEffect(() => {
    const { token: now, fetch: load, map: make, release: drop } = latest.current;
    if (key === undefined || !load) return;
    const abort = new AbortController();
    // Boxed: a mapped value may itself be falsy.
    let made: { value: T } | undefined;
    load(now, abort.signal).then(
      (raw) => {
        if (abort.signal.aborted) return;
        made = { value: make(raw) };
        setState({ key, value: made.value });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ key, error });
        if (error instanceof ApiError && error.reason === 'ATTACHMENT_DELETED')
          latest.current.onGone?.();
      },
    );
    return () => {
      abort.abort();
      if (made) drop?.(made.value);
      setState(undefined);
    };
  }, [key]);

  return key !== undefined && state?.key === key ? state : {};
}

/**
 * An object URL of the attachment's bytes while `active` (and the component mounted), typed from
 * the preview allow-list; revoked and the request stopped when either ends. A PDF also gets
 * `viewUrl`, a copy titled with the file's name for the browser's viewer (`pdf-title.ts`), while
 * `url` stays the file as stored, for «Descargar».
 */
function useAttachmentUrl(
  attachment: Attachment,
  active: boolean,
  onGone?: () => void,
): { url?: string; viewUrl?: string; error?: unknown } {
  const type = previewBlobType(attachment);
  const { downloadUrl, fileName } = attachment;
  const titled = previewKind(attachment) === 'pdf';
  const { value, error } = useAttachmentFetch(
    active && downloadUrl && type
      ? {
          key: `${downloadUrl}|${type}|${titled ? fileName : ''}`,
          fetch: async (token, signal) => {
            const blob = await fetchAttachmentBlob(downloadUrl, type, token, signal);
            if (!titled) return { blob };
            const bytes = new Uint8Array(await blob.arrayBuffer());
            return { blob, view: new Blob([withPdfTitle(bytes, fileName)], { type }) };
          },
        }
      : undefined,
    {
      map: ({ blob, view }: { blob: Blob; view?: Blob }) => ({
        url: URL.createObjectURL(blob),
        viewUrl: view && URL.createObjectURL(view),
      }),
      release: ({ url, viewUrl }) => {
        URL.revokeObjectURL(url);
        if (viewUrl) URL.revokeObjectURL(viewUrl);
      },
      onGone,
    },
  );
  return { url: value?.url, viewUrl: value?.viewUrl, error };
}

/** A text file's first part, decoded, and whether the file goes on past it. */
type ShownText = PreviewText & { readonly cut: boolean };

/**
 * The first {@link TEXT_PREVIEW_MAX_BYTES} bytes of a text file while `active` (one Range
 * request), decoded (UTF-8, else Latin-1); the request stops when the dialog is gone.
 */
function useAttachmentText(
  attachment: Attachment,
  active: boolean,
  onGone?: () => void,
): { text?: ShownText; error?: unknown } {
  const { downloadUrl, sizeBytes } = attachment;
  const { value, error } = useAttachmentFetch(
    active && downloadUrl
      ? {
          key: `${downloadUrl}|${sizeBytes}`,
          fetch: (token, signal) =>
            fetchAttachmentStart(downloadUrl, TEXT_PREVIEW_MAX_BYTES, token, signal),
        }
      : undefined,
    {
      map: (bytes): ShownText => {
        const cut = bytes.length < sizeBytes;
        return { ...decodePreviewText(bytes, cut), cut };
      },
      onGone,
    },
  );
  return { text: value, error };
}

/**
 * A small thumbnail of a listed image, fetched only once its place in the list is on screen.
 * Clicking it opens the preview; the keyboard's way is the row's «Ver» button, so the picture
 * itself is not a second stop in the tab order. A failed fetch shows nothing («Ver» says why).
 */
export function AttachmentThumbnail({
  attachment,
  onOpen,
}: {
  attachment: Attachment;
  onOpen: () => void;
}) {
  const box = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || visible) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);

  const { url, error } = useAttachmentUrl(attachment, visible);
  // Bytes the browser cannot draw (a damaged file): no broken-image icon, just no thumbnail.
  const [broken, setBroken] = useState<string>();

  return (
    <span
      ref={box}
      className="attachment-thumb"
      data-testid="attachment-thumbnail"
      data-state={error ? 'failed' : !url ? 'waiting' : broken === url ? 'undrawable' : 'shown'}
    >
      {url && broken !== url && (
        <img
          src={url}
          alt={attachment.fileName}
          decoding="async"
          onClick={onOpen}
          onError={() => setBroken(url)}
        />
      )}
    </span>
  );
}

/**
 * The preview of one image, PDF or text file in a modal dialog: labelled by the file's name, with
 * its size, «Descargar» and «Cerrar». Focus moves to «Cerrar» when it opens (the list puts it back on the
 * row's «Ver» once it is gone, however it went); Escape, «Cerrar» and a click outside close it.
 * The image is scaled to fit; a PDF shows in the browser's own viewer (an iframe of the blob: URL,
 * which takes the app's origin, so the blob's type is always `application/pdf`), titled with the
 * file's name rather than the blob's UUID. Text shows its
 * first 256 KB monospaced and wrapped, saying so when the file is longer; its «Descargar» fetches
 * the whole file.
 */
export function AttachmentPreviewDialog({
  attachment,
  onClose,
  onGone,
}: {
  attachment: Attachment;
  onClose: () => void;
  /** The file was deleted meanwhile: the list is read again (and closes the dialog). */
  onGone: () => void;
}) {
  const { t, language } = useI18n();
  const a = t.attachments;
  const kind = previewKind(attachment);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const sizeId = useId();
  const { token } = useSession();
  const {
    url,
    viewUrl,
    error: urlError,
  } = useAttachmentUrl(attachment, kind === 'image' || kind === 'pdf', onGone);
  const { text, error: textError } = useAttachmentText(attachment, kind === 'text', onGone);
  const error = kind === 'text' ? textError : urlError;
  const ready = kind === 'text' ? text !== undefined : url !== undefined;
  const [undrawable, setUndrawable] = useState<string>();
  const [downloadError, setDownloadError] = useState<unknown>();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Modal: the rest of the page is inert and Escape sends `cancel`.
    if (!element.open) element.showModal();
    closeButton.current?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="preview-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={sizeId}
      data-testid="attachment-preview"
      onCancel={(e) => {
        // Escape: closed by the page's state, so the focus goes back as with «Cerrar».
        e.preventDefault();
        onClose();
      }}
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog itself (its content fills it).
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="preview-content">
        <header className="preview-header">
          <div className="preview-title">
            <h2 id={titleId}>{attachment.fileName}</h2>
            <p id={sizeId} className="muted small">
              {formatFileSize(attachment.sizeBytes, language)}
            </p>
          </div>
          <button ref={closeButton} type="button" className="button small" onClick={onClose}>
            {a.previewClose}
          </button>
        </header>
        <div className="preview-body" aria-busy={!ready && !error ? true : undefined}>
          {!ready && !error && <p role="status">{a.previewLoading}</p>}
          <ErrorMessage error={error} />
          {url && kind === 'image' && undrawable !== url && (
            <img
              className="preview-image"
              src={url}
              alt={attachment.fileName}
              onError={() => setUndrawable(url)}
            />
          )}
          {url && undrawable === url && <p className="muted">{a.previewUndrawable}</p>}
          {viewUrl && kind === 'pdf' && (
            // Titled with the file's name: the viewer would otherwise show the blob's UUID (QA S60b #11).
            <iframe className="preview-frame" src={viewUrl} title={attachment.fileName} />
          )}
          {text && (
            // A text node in a box of its own: nothing in the file is markup here.
            <pre
              className="preview-text"
              role="region"
              aria-label={a.previewTextLabel(attachment.fileName)}
              tabIndex={0}
              data-testid="attachment-text"
            >
              {text.text}
            </pre>
          )}
        </div>
        <footer className="preview-footer">
          {kind === 'pdf' && <p className="muted small">{a.previewPdfHint}</p>}
          {text && (text.cut || text.encoding === 'latin1') && (
            <p className="muted small" data-testid="attachment-text-notice">
              {text.cut &&
                a.previewTextCut(
                  formatFileSize(TEXT_PREVIEW_MAX_BYTES, language),
                  formatFileSize(attachment.sizeBytes, language),
                )}
              {text.cut && text.encoding === 'latin1' && ' '}
              {text.encoding === 'latin1' && a.previewTextLatin1}
            </p>
          )}
          <ErrorMessage error={downloadError} />
          {text && attachment.downloadUrl && (
            // The whole file, as the list's own link downloads it (the preview holds only its start).
            <a
              className="button primary"
              href={attachment.downloadUrl}
              aria-label={a.download(attachment.fileName)}
              onClick={(e) => {
                e.preventDefault();
                setDownloadError(undefined);
                const { downloadUrl, fileName } = attachment;
                if (!downloadUrl) return;
                downloadAttachment({ downloadUrl, fileName }, token).catch(setDownloadError);
              }}
            >
              {a.previewDownload}
            </a>
          )}
          {url && (
            <a
              className="button primary"
              href={url}
              download={attachment.fileName}
              aria-label={a.download(attachment.fileName)}
            >
              {a.previewDownload}
            </a>
          )}
        </footer>
      </div>
    </dialog>
  );
}
