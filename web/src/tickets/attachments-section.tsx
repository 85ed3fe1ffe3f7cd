import { type DragEvent, type FormEvent, useState } from 'react';
import {
  type Attachment,
  type AttachmentPolicy,
  DELETE_ATTACHMENT,
  downloadAttachment,
  TICKET_ATTACHMENTS,
  uploadAttachment,
} from '../api/attachments';
import { ApiError } from '../api/graphql-client';
import { useTicketChanges } from '../api/live';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FormProblem } from '../components/text-area-field';
import { useQuery } from '../components/use-query';
import { formatFileSize } from '../i18n/file-size';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { useLocalTime } from './ticket-bits';

/** The lowercase extension of a file name, or '' (as the server reads it). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * A ticket's files (L3-11): the list (name, size, who, when) with a download that sends the
 * session's token, and, while the ticket is open, an upload (chooser or drag and drop) checked
 * here against the server's own limits before it is sent; a refusal is shown in words. The
 * uploader (while the ticket is open) and provider staff may delete a file; a deleted file stays
 * in the list, greyed, with who deleted it and when, and no download (its bytes are gone). The
 * list follows the ticket live: a file someone else attaches or deletes appears without a reload.
 */
export function AttachmentsSection({
  number,
  open,
  staff,
}: {
  number: string;
  open: boolean;
  staff: boolean;
}) {
  const { t, language } = useI18n();
  const a = t.attachments;
  const words = t.serverErrors.attachments;
  const { user, token, call } = useSession();
  const { format } = useLocalTime();
  const query = useQuery(TICKET_ATTACHMENTS, { number });
  // An upload or deletion notifies the ticket's live feed (as a transition does); the ticket
  // page's subscription shares this socket.
  useTicketChanges(() => void query.reload(), number);
  const files = query.data?.ticket.attachments ?? [];
  // Deleted files take no place under the limit.
  const live = files.filter((f) => !f.deletedAt);
  const deletedCount = files.length - live.length;
  const policy = query.data?.attachmentPolicy;

  const [file, setFile] = useState<File>();
  const [inputKey, setInputKey] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const size = (bytes: number) => formatFileSize(bytes, language);
  const types = (p: AttachmentPolicy) => p.allowedExtensions.map((e) => `.${e}`).join(', ');

  /** The refusal the server would give, said before sending (same words). */
  const check = (chosen: File | undefined, p: AttachmentPolicy): string | undefined => {
    if (!chosen) return words.missing;
    if (!p.allowedExtensions.includes(extensionOf(chosen.name))) {
      return words.typeNotAllowed(chosen.name, types(p));
    }
    if (chosen.size === 0) return words.empty(chosen.name);
    if (chosen.size > p.maxBytes) return words.tooLarge(chosen.name, size(p.maxBytes));
    if (live.length >= p.maxPerTicket) return words.limit(String(p.maxPerTicket));
    return undefined;
  };

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setDone(undefined);
    setError(undefined);
    setProblem(chosen && policy ? check(chosen, policy) : undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!policy) return;
    setDone(undefined);
    const refused = check(file, policy);
    setProblem(refused);
    if (refused || !file) {
      document.getElementById('attachment-file')?.focus();
      return;
    }
    setError(undefined);
    setBusy('upload');
    try {
      const stored = await uploadAttachment(number, file, token);
      setFile(undefined);
      setInputKey((k) => k + 1);
      setDone(a.uploaded(stored.fileName));
      await query.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const download = async (attachment: Attachment) => {
    const { downloadUrl } = attachment;
    if (!downloadUrl) return;
    setError(undefined);
    setBusy(`download-${attachment.id}`);
    try {
      await downloadAttachment({ downloadUrl, fileName: attachment.fileName }, token);
    } catch (err) {
      setError(err);
      // Someone deleted it since the list was read: show it as deleted.
      if (err instanceof ApiError && err.reason === 'ATTACHMENT_DELETED') await query.reload();
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async (attachment: Attachment) => {
    if (!window.confirm(a.confirmDelete(attachment.fileName))) return;
    setDone(undefined);
    setError(undefined);
    setBusy(`delete-${attachment.id}`);
    try {
      await call(DELETE_ATTACHMENT, { id: attachment.id });
      setDone(a.deleted(attachment.fileName));
      await query.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const mayDelete = (attachment: Attachment) =>
    !attachment.deletedAt &&
    (staff || (open && user !== undefined && attachment.uploadedById === user.id));

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (open) choose(event.dataTransfer.files[0]);
  };

  return (
    <section
      className={`card${dragging ? ' drop-target' : ''}`}
      aria-labelledby="attachments-title"
      data-testid="attachments"
      onDragOver={(e) => {
        if (!open) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id="attachments-title">{a.title}</h2>
      <p className="muted">{a.intro}</p>
      {query.loading && !query.data && <p role="status">{t.loading}</p>}
      {query.data && files.length === 0 && <p className="muted">{a.empty}</p>}
      {files.length > 0 && (
        <div className="table-wrap">
          <table data-testid="attachment-list">
            <thead>
              <tr>
                <th scope="col">{a.name}</th>
                <th scope="col" className="num">
                  {a.size}
                </th>
                <th scope="col">{a.uploadedBy}</th>
                <th scope="col">{a.uploadedAt}</th>
                <th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr
                  key={f.id}
                  className={f.deletedAt ? 'muted' : undefined}
                  data-deleted={f.deletedAt ? 'true' : undefined}
                >
                  <th scope="row">
                    {f.downloadUrl ? (
                      <a
                        href={f.downloadUrl}
                        aria-label={a.download(f.fileName)}
                        onClick={(e) => {
                          e.preventDefault();
                          void download(f);
                        }}
                      >
                        {f.fileName}
                      </a>
                    ) : (
                      <span>
                        {f.fileName}
                        {f.deletedAt && ` — ${a.deletedBy(f.deletedByName, format(f.deletedAt))}`}
                      </span>
                    )}
                    {busy === `download-${f.id}` && (
                      <span className="muted small block" role="status">
                        {a.downloading}
                      </span>
                    )}
                  </th>
                  <td className="num nowrap">{size(f.sizeBytes)}</td>
                  <td>{f.uploadedByName ?? a.someone}</td>
                  <td>
                    <time dateTime={f.uploadedAt}>{format(f.uploadedAt)}</time>
                  </td>
                  <td>
                    {mayDelete(f) && (
                      <button
                        type="button"
                        className="button danger small"
                        aria-label={a.deleteLabel(f.fileName)}
                        disabled={busy !== undefined}
                        onClick={() => void remove(f)}
                      >
                        {busy === `delete-${f.id}` ? a.deleting : a.delete}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {policy && files.length > 0 && (
        <p className="muted small">
          {deletedCount > 0
            ? a.countWithDeleted(live.length, policy.maxPerTicket, deletedCount)
            : a.count(live.length, policy.maxPerTicket)}
        </p>
      )}
      <ErrorMessage error={query.error ?? error} />
      <SuccessMessage text={done} />
      {!open && <p className="muted">{a.closed}</p>}
      {open && policy && (
        <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
          <div className="field span-all">
            <label htmlFor="attachment-file">{a.choose}</label>
            <input
              key={inputKey}
              id="attachment-file"
              name="file"
              type="file"
              accept={policy.allowedExtensions.map((e) => `.${e}`).join(',')}
              aria-describedby="attachment-hint"
              aria-invalid={problem ? true : undefined}
              onChange={(e) => choose(e.target.files?.[0])}
            />
            <p id="attachment-hint" className="hint muted small">
              {a.hint(size(policy.maxBytes), types(policy))} {a.dropHere}
              {staff && ` ${a.agentNotice}`}
            </p>
            <FormProblem problem={problem} />
          </div>
          <div className="span-all">
            <button type="submit" className="button primary" disabled={busy !== undefined}>
              {busy === 'upload' ? a.uploading : a.upload}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
