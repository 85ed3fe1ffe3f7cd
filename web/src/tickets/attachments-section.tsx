import { type DragEvent, type FormEvent, Fragment, useEffect, useRef, useState } from 'react';
import {
  type Attachment,
  DELETE_ATTACHMENT,
  downloadAttachment,
  TICKET_ATTACHMENTS,
  uploadAttachment,
} from '../api/attachments';
import { ApiError } from '../api/graphql-client';
import { useTicketChanges } from '../api/live';
import { describeError } from '../components/describe-error';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FileChooser } from '../components/file-chooser';
import { InlineConfirmRow } from '../components/inline-confirm';
import { FormProblem } from '../components/text-area-field';
import { useQuery } from '../components/use-query';
import { formatFileSize } from '../i18n/file-size';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { AttachmentPreviewDialog, AttachmentThumbnail } from './attachment-preview';
import { previewKind, showsThumbnail } from './previewable';
import { useLocalTime } from './ticket-bits';
import {
  addFiles,
  allowedTypes,
  isTransientRefusal,
  type QueuedFile,
  refusalOf,
  removeQueued,
  reviewQueue,
  updateQueued,
  uploadSummary,
} from './upload-queue';
import { useNotice } from '../components/use-notice';
import { TrackedUploadList, useTrackedUploads } from './tracked-uploads';
import { missingNotTracked, uploadPercent } from './upload-tracker';
import { UploadCancelled } from '../api/attachment-upload';

/**
 * A ticket's files (L3-11): the list (name, size, who, when) with a download that sends the
 * session's token, and, while the ticket is open, an upload of one or several files (chooser or
 * drag and drop). The chosen files are listed at once (name, size, and a refusal the server would
 * give, checked here against its own limits), may be taken out of the list, and go up one after
 * another when «Adjuntar» is pressed; each says whether it was stored or refused and why, and a
 * refusal does not stop the others. The uploader (while the ticket is open) and provider staff
 * may delete a file; a deleted file stays in the list, greyed, with who deleted it and when, and
 * no download (its bytes are gone). The list follows the ticket live: a file someone else
 * attaches or deletes appears without a reload. Provider staff may tick «Solo para el equipo
 * (interno)» before uploading: those files are marked «Interno», never listed to the client nor
 * emailed to them (the server keeps them from clients); clients see no such option.
 * Images (PNG, JPEG, GIF, WebP) show a small thumbnail (up to 5 MB), and images, PDFs and text
 * files (.txt, .log, .csv, .json, .xml) a «Ver» that opens them in a dialog
 * (`attachment-preview.tsx`); deleted files and other types do not.
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
  const { format, zone } = useLocalTime();
  const query = useQuery(TICKET_ATTACHMENTS, { number });
  // An upload or deletion notifies the ticket's live feed (as a transition does); the ticket
  // page's subscription shares this socket.
  useTicketChanges(() => void query.reload(), number);
  const files = query.data?.ticket.attachments ?? [];
  // Deleted files take no place under the limit; internal files have places of their own (a client
  // is never held to files it cannot see).
  const live = files.filter((f) => !f.deletedAt);
  const liveShared = live.filter((f) => !f.internal).length;
  const liveInternal = live.length - liveShared;
  const deletedCount = files.length - live.length;
  const policy = query.data?.attachmentPolicy;
  // QA S62 #5: the files sent with the registration from this tab, still going up or refused, and
  // those announced then that never arrived (the tab was closed mid-upload): told to the
  // registrant with a way to attach them again, to everyone else (staff) as a fact.
  const tracked = useTrackedUploads(number);
  const notEnded = tracked.filter((u) => u.status !== 'uploaded');
  const missing = missingNotTracked(query.data?.ticket.missingAnnouncedFiles ?? [], tracked);
  const registrant = user !== undefined && user.id === query.data?.ticket.registrantId;

  const [queue, setQueue] = useState<QueuedFile<File>[]>([]);
  const nextKey = useRef(1);
  // QA S65c #1: the upload going on can be stopped («Cancelar»), and a waiting file removed
  // («Quitar») while others go up; the sending loop skips what was removed.
  const stopUpload = useRef<AbortController | undefined>(undefined);
  const removedKeys = useRef(new Set<number>());
  const [cancelledNames, setCancelledNames] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useNotice();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useNotice();
  // What the last upload run stored and refused (green only when nothing was refused).
  // What the last sending stored and refused, worded when shown (it follows the language switch).
  const [sent, setSent] = useState<{ stored: string[]; refused: number }>();
  const summary = sent && uploadSummary(sent.stored, sent.refused, a);
  const [busy, setBusy] = useState<string>();
  // How far each file going up has gone, by its key in the list (QA S62 #5).
  const [progress, setProgress] = useState<ReadonlyMap<number, number>>(new Map());
  // Staff only: the files uploaded now are internal (default off).
  const [internal, setInternal] = useState(false);
  const uploadingInternal = staff && internal;
  /** The live files the files uploaded now are counted with. */
  const liveOfKind = uploadingInternal ? liveInternal : liveShared;
  // The file shown in the preview dialog; none once it is deleted or gone from the list.
  const [previewId, setPreviewId] = useState<string>();
  /** The file whose deletion is being asked about, in the page (QA S55). */
  const [deletingId, setDeletingId] = useState<string>();
  const previewing = files.find((f) => f.id === previewId && previewKind(f) !== undefined);
  const title = useRef<HTMLHeadingElement>(null);
  // When the dialog is gone (closed, or its file deleted meanwhile), the focus goes back to the
  // row's «Ver» (also when the thumbnail opened it), or to the card's heading when the file has
  // left the list. Done here, not in the dialog's unmount: the list outlives it.
  const shownPreview = useRef<string>(undefined);
  useEffect(() => {
    const before = shownPreview.current;
    shownPreview.current = previewing?.id;
    if (!before || previewing) return;
    const opener = title.current
      ?.closest('section')
      ?.querySelector<HTMLElement>(`[data-preview-for="${CSS.escape(before)}"]`);
    (opener ?? title.current)?.focus();
  }, [previewing?.id]);

  const size = (bytes: number) => formatFileSize(bytes, language);
  // What the server would say of each waiting file, were the list sent now.
  const problems = policy
    ? reviewQueue(queue, policy, liveOfKind, words, size)
    : new Map<number, string>();
  // The files that would go up (a refused one is marked so, not sent).
  const readyCount = queue.filter((q) => q.status === 'pending' && !problems.has(q.key)).length;

  /** The server's refusal of one file (or a failed request), in words. */
  const refusalText = (err: unknown) => {
    const { text, detail } = describeError(err, t, {}, { language, timeZone: zone });
    return detail ?? text;
  };

  /** Why a file in the list was refused, here (by the policy) or by the server, in words. */
  const refusedText = (item: QueuedFile<File>) => {
    const here = item.problem;
    return (
      (here && refusalOf(item.file, here.policy, here.liveCount, words, size)) ??
      refusalText(item.error)
    );
  };

  const choose = (chosen: readonly File[]) => {
    if (chosen.length === 0) return;
    // Keys taken now: the updater may run later, after another choice took more.
    const first = nextKey.current;
    nextKey.current += chosen.length;
    setQueue((q) => addFiles(q, chosen, first));
    setDone(undefined);
    setSent(undefined);
    setError(undefined);
    setProblem(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!policy || busy) return;
    const pending = queue.filter((q) => q.status === 'pending');
    if (pending.length === 0) {
      setDone(undefined);
      setSent(undefined);
      setProblem(({ t }) => t.serverErrors.attachments.missing);
      document.getElementById('attachment-file')?.focus();
      return;
    }
    setProblem(undefined);
    await send(pending);
  };

  /**
   * Sends `items` one after another, each checked as the server will (the count grows with each
   * stored), and says what was stored and what refused.
   */
  const send = async (items: readonly QueuedFile<File>[]) => {
    if (!policy) return;
    setDone(undefined);
    setSent(undefined);
    setError(undefined);
    setBusy('upload');
    setCancelledNames([]);
    let count = liveOfKind;
    const stored: string[] = [];
    let refusedCount = 0;
    for (const item of items) {
      if (removedKeys.current.has(item.key)) continue;
      if (refusalOf(item.file, policy, count, words, size)) {
        refusedCount += 1;
        const problem = { policy, liveCount: count };
        setQueue((q) => updateQueued(q, item.key, { status: 'refused', problem }));
        continue;
      }
      setQueue((q) =>
        updateQueued(q, item.key, { status: 'uploading', problem: undefined, error: undefined }),
      );
      const controller = new AbortController();
      stopUpload.current = controller;
      try {
        const saved = await uploadAttachment(
          number,
          item.file,
          token,
          uploadingInternal,
          false,
          ({ loaded, total }) =>
            setProgress((p) =>
              new Map(p).set(item.key, uploadPercent({ status: 'uploading', loaded, total })),
            ),
          controller.signal,
        );
        count += 1;
        stored.push(saved.fileName);
        setQueue((q) => updateQueued(q, item.key, { status: 'uploaded' }));
      } catch (err) {
        if (err instanceof UploadCancelled) {
          // Cancelled: off the list, nothing stored; the others go on.
          setQueue((q) => q.filter((queued) => queued.key !== item.key));
          setCancelledNames((names) => [...names, item.file.name]);
          continue;
        }
        refusedCount += 1;
        setQueue((q) => updateQueued(q, item.key, { status: 'refused', error: err }));
      } finally {
        stopUpload.current = undefined;
      }
    }
    setBusy(undefined);
    // Every file cancelled: nothing to sum up (the cancellation is said on its own).
    if (stored.length > 0 || refusedCount > 0) setSent({ stored, refused: refusedCount });
    if (stored.length > 0) await query.reload();
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
    setDeletingId(undefined);
    setDone(undefined);
    setSent(undefined);
    setError(undefined);
    setBusy(`delete-${attachment.id}`);
    try {
      await call(DELETE_ATTACHMENT, { id: attachment.id });
      setDone((w) => w.t.attachments.deleted(attachment.fileName));
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
    if (open && policy) choose(Array.from(event.dataTransfer.files));
  };

  return (
    <section
      className={`card${dragging ? ' drop-target' : ''}`}
      aria-labelledby="attachments-title"
      data-testid="attachments"
      data-dragging={dragging ? 'true' : undefined}
      onDragOver={(e) => {
        if (!open || !policy) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        // Moving over the card's own rows and buttons is not leaving it.
        if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
        setDragging(false);
      }}
      onDrop={onDrop}
    >
      {/* Focusable by script: where the focus goes when a previewed file has left the list. */}
      <h2 id="attachments-title" ref={title} tabIndex={-1}>
        {a.title}
      </h2>
      <p className="muted">{a.intro}</p>
      {query.loading && !query.data && <p role="status">{t.loading}</p>}
      <TrackedUploadList
        uploads={notEnded}
        notAttached={t.tickets.newFileNotAttached}
        testId="registration-uploads"
      />
      {missing.length > 0 && (
        <div className="notice notice-warning" role="status" data-testid="files-not-arrived">
          <p>{registrant && open ? a.missingOwn(missing) : a.missingOthers(missing)}</p>
          {registrant && open && policy && (
            <button
              type="button"
              className="button small"
              // The section's own chooser: the files go up as any other, with their progress.
              onClick={() => document.getElementById('attachment-file')?.click()}
            >
              {a.missingAttach}
            </button>
          )}
        </div>
      )}
      {query.data && files.length === 0 && <p className="muted">{a.empty}</p>}
      {files.length > 0 && (
        <div className="table-wrap">
          <table data-testid="attachment-list" className="stack-on-phone">
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
                <Fragment key={f.id}>
                  <tr
                    className={f.deletedAt ? 'muted' : undefined}
                    data-deleted={f.deletedAt ? 'true' : undefined}
                    data-internal={f.internal ? 'true' : undefined}
                  >
                    <th scope="row">
                      {showsThumbnail(f) && (
                        <AttachmentThumbnail attachment={f} onOpen={() => setPreviewId(f.id)} />
                      )}
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
                      {f.internal && (
                        <span className="badge internal" data-testid="attachment-internal">
                          {a.internalBadge}
                        </span>
                      )}
                      {busy === `download-${f.id}` && (
                        <span className="muted small block" role="status">
                          {a.downloading}
                        </span>
                      )}
                    </th>
                    <td className="num nowrap" data-label={a.size}>
                      {size(f.sizeBytes)}
                    </td>
                    <td data-label={a.uploadedBy}>{f.uploadedByName ?? a.someone}</td>
                    <td data-label={a.uploadedAt}>
                      <time dateTime={f.uploadedAt}>{format(f.uploadedAt)}</time>
                    </td>
                    <td>
                      {previewKind(f) && (
                        <>
                          <button
                            type="button"
                            className="button small"
                            aria-label={a.viewLabel(f.fileName)}
                            aria-haspopup="dialog"
                            data-preview-for={f.id}
                            onClick={() => setPreviewId(f.id)}
                          >
                            {a.view}
                          </button>{' '}
                        </>
                      )}
                      {mayDelete(f) && (
                        <button
                          type="button"
                          className="button danger small"
                          aria-label={a.deleteLabel(f.fileName)}
                          disabled={busy !== undefined}
                          onClick={() => setDeletingId(f.id)}
                        >
                          {busy === `delete-${f.id}` ? a.deleting : a.delete}
                        </button>
                      )}
                    </td>
                  </tr>
                  {/* Asked in place, under the file's row (QA S55: not the browser's confirm). */}
                  {deletingId === f.id && (
                    <InlineConfirmRow
                      columns={5}
                      id="attachment-delete"
                      title={a.confirmDelete(f.fileName)}
                      text={a.confirmDeleteText}
                      yes={a.deleteYes}
                      no={a.cancel}
                      busy={busy !== undefined}
                      onYes={() => void remove(f)}
                      onNo={() => setDeletingId(undefined)}
                    />
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {policy && files.length > 0 && (
        <p className="muted small">
          {deletedCount > 0
            ? a.countWithDeleted(liveShared, policy.maxPerTicket, deletedCount)
            : a.count(liveShared, policy.maxPerTicket)}
          {liveInternal > 0 && ` ${a.countInternal(liveInternal, policy.maxPerTicket)}`}
        </p>
      )}
      {previewing && (
        <AttachmentPreviewDialog
          key={previewing.id}
          attachment={previewing}
          onClose={() => setPreviewId(undefined)}
          onGone={() => void query.reload()}
        />
      )}
      <ErrorMessage error={query.error ?? error} />
      <SuccessMessage text={done} />
      {summary && summary.tone !== 'success' ? (
        <p
          className={`notice ${summary.tone === 'partial' ? 'notice-warning' : 'notice-error'}`}
          role="status"
          data-testid="upload-summary"
        >
          {summary.text}
        </p>
      ) : (
        <SuccessMessage text={summary?.text} />
      )}
      {cancelledNames.length > 0 && (
        <p className="notice" role="status" data-testid="upload-cancelled">
          {a.cancelled(cancelledNames)}
        </p>
      )}
      {!open && <p className="muted">{a.closed}</p>}
      {open && policy && (
        <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
          <div className="field span-all">
            <label htmlFor="attachment-file">{a.choose}</label>
            {/* The list holds the chosen files; the chooser counts the ones not sent yet. */}
            <FileChooser
              id="attachment-file"
              count={queue.filter((q) => q.status === 'pending').length}
              onChoose={choose}
              accept={policy.allowedExtensions.map((e) => `.${e}`).join(',')}
              describedBy="attachment-hint"
              invalid={Boolean(problem) || problems.size > 0}
            />
            <p id="attachment-hint" className="hint muted small">
              {a.hint(size(policy.maxBytes), allowedTypes(policy))}{' '}
              {/* A touch screen has nothing to drag files from (QA S56): the sentence is hidden there. */}
              <span className="drop-here">{a.dropHere}</span>
              {/* Staff: who hears of the files; internal ones go to nobody outside the team. */}
              {staff &&
                (internal ? ` ${a.internalNotice}` : ` ${a.agentNotice} ${a.internalNotice}`)}
            </p>
            {dragging && (
              <p className="drop-hint" role="status">
                {a.dropNow}
              </p>
            )}
            <FormProblem problem={problem} />
          </div>
          {staff && (
            <div className="field span-all">
              <label className="check">
                <input
                  type="checkbox"
                  name="internal"
                  checked={internal}
                  disabled={busy === 'upload'}
                  onChange={(e) => setInternal(e.target.checked)}
                  aria-describedby="attachment-hint"
                />
                {a.internalToggle}
              </label>
            </div>
          )}
          {queue.length > 0 && (
            <div className="span-all" aria-live="polite">
              <h3 className="small" id="upload-queue-title">
                {a.queueTitle}
              </h3>
              <ul
                className="upload-list"
                aria-labelledby="upload-queue-title"
                data-testid="upload-queue"
              >
                {queue.map((item) => {
                  const refused = item.status === 'refused' ? refusedText(item) : undefined;
                  const before = item.status === 'pending' ? problems.get(item.key) : undefined;
                  // The network or the server failed for a moment: the same file may go up now.
                  const retryable =
                    item.status === 'refused' && !item.problem && isTransientRefusal(item.error);
                  return (
                    <li
                      key={item.key}
                      className={`upload-item ${item.status}`}
                      data-status={item.status}
                    >
                      <span className="upload-name">{item.file.name}</span>{' '}
                      <span className="muted small nowrap">{size(item.file.size)}</span>
                      <span className={`upload-result small${refused || before ? ' refused' : ''}`}>
                        {item.status === 'pending' && (before ?? a.queueReady)}
                        {item.status === 'uploading' && (
                          <>
                            <progress
                              max={100}
                              value={progress.get(item.key) ?? 0}
                              aria-label={a.progressLabel(item.file.name)}
                              data-testid="upload-progress"
                            />{' '}
                            <span className="nowrap">
                              {a.progressUploading(progress.get(item.key) ?? 0)}
                            </span>
                          </>
                        )}
                        {item.status === 'uploaded' && a.queueUploaded}
                        {refused && a.queueRefused(refused)}
                      </span>
                      {item.status === 'pending' && (
                        <button
                          type="button"
                          className="button small"
                          aria-label={a.removeLabel(item.file.name)}
                          onClick={() => {
                            removedKeys.current.add(item.key);
                            setQueue((q) => removeQueued(q, item.key));
                          }}
                        >
                          {a.remove}
                        </button>
                      )}
                      {item.status === 'uploading' && (
                        <button
                          type="button"
                          className="button small"
                          aria-label={a.cancelUploadLabel(item.file.name)}
                          onClick={() => stopUpload.current?.abort()}
                        >
                          {a.cancelUpload}
                        </button>
                      )}
                      {retryable && (
                        <button
                          type="button"
                          className="button small"
                          aria-label={a.retryLabel(item.file.name)}
                          disabled={busy !== undefined}
                          onClick={() => void send([item])}
                        >
                          {a.retry}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <div className="span-all">
            <button type="submit" className="button primary" disabled={busy !== undefined}>
              {busy === 'upload'
                ? a.uploading
                : readyCount > 1
                  ? a.uploadMany(readyCount)
                  : readyCount === 1
                    ? a.uploadOne
                    : a.upload}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
