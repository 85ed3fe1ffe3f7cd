import { type FormEvent, useEffect, useRef, useState } from 'react';
import { COMMENT_FILE_LIMIT, TEXT_LIMITS } from '../../../src/shared/text-limits';
import { ATTACHMENT_POLICY, DELETE_ATTACHMENT, uploadAttachment } from '../api/attachments';
import { UploadCancelled } from '../api/attachment-upload';
import { ADD_COMMENT, type TicketDetail } from '../api/tickets';
import { ApiError } from '../api/graphql-client';
import { ChosenFiles } from '../components/chosen-files';
import { describeError } from '../components/describe-error';
import { describedBy } from '../components/field-error';
import { FileChooser } from '../components/file-chooser';
import { useQuery } from '../components/use-query';
import { formatFileSize } from '../i18n/file-size';
import { refusalOf } from './upload-queue';
import { uploadPercent } from './upload-tracker';
import { commentFileStates, filesProblemFixed } from './comment-upload-state';
import {
  FILE_NAMES_FIELD,
  fileNamesField,
  keepCommentFiles,
  keptCommentFiles,
  lostFileNames,
} from './comment-files-memory';
import { useClientReader, useLocalTime } from './ticket-bits';
import { unfilledPlaceholders } from '../canned-responses/canned-fill';
import { CannedResponsePicker } from '../canned-responses/canned-picker';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { overLimitText } from '../components/text-count-text';
import { useRequestId } from '../components/use-request-id';
import { useI18n } from '../i18n/i18n-context';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import {
  PreservedDraft,
  RestoredNotice,
  TicketUpdatedNotice,
  useLiveForm,
  useRestoredDraft,
  useSavedDraft,
} from './live-form';
import { useNotice } from '../components/use-notice';

/**
 * Comments on an open ticket: client users reply; provider staff choose a reply to the client
 * (emailed, in the client's timeline) or an internal note (never shown to the client: the server
 * filters it out of their timeline). A retry of the same comment reuses its request ID.
 *
 * The draft survives the page following the ticket live, a reload of the tab and a visit to
 * another screen (`useSavedDraft`: sessionStorage per user and ticket; cleared when sent or
 * discarded); leaving the page while it holds text asks first. `allowed`: the ticket is open;
 * when it ends with a draft written, the box turns into a notice that keeps the text («Ya no se
 * pueden agregar comentarios…»). Render it keyed by the ticket number: the draft belongs to one
 * ticket.
 *
 * L3-11: a comment may carry files. They are uploaded first as the comment's (`forComment`: no
 * email of their own), then the comment names them (`attachmentIds`), and its one email names
 * them too. A retry after a lost answer reuses the files already uploaded and the same request ID,
 * so it neither sends the comment twice nor uploads its files again; a file removed from the list
 * after its upload is deleted from the ticket.
 *
 * QA S65c #1: while the files go up, the one being sent has «Cancelar» (its request is aborted;
 * the server keeps nothing of it) and the waiting ones keep «Quitar». A cancelled file is left
 * out of the comment, which goes on with the other files (the box says so): the writer chose to
 * drop that file, not the comment.
 */
/** A refusal the server gave (not a request lost on the way, nor the server away). */
function isRefusal(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    !['NETWORK', 'UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED', 'UNAUTHENTICATED'].includes(err.code)
  );
}

export function CommentBox({
  ticket,
  allowed,
  onSent,
}: {
  ticket: TicketDetail;
  allowed: boolean;
  onSent: () => Promise<void>;
}) {
  const { t, language } = useI18n();
  const c = t.planning.comments;
  const l = t.ticketPage.liveDraft;
  const { user, call, token } = useSession();
  const staff = user ? can.seeConsole(user) : false;
  const { key: draftKey, restored } = useRestoredDraft(ticket.number, 'comment');
  const [body, setBody] = useState(restored?.fields.body ?? '');
  // A restored internal note stays internal (a client never gets it as a reply by mistake).
  const [internal, setInternal] = useState(restored?.fields.internal === 'yes');
  // L3-07: a reply to the client restarts the running progress clock; the form says so. The API
  // answers by the workflow's own rule, so the notice cannot drift from what the reply does.
  const countsAsProgress = staff && !internal && ticket.publicReplyCountsAsProgress;
  const [problem, setProblem] = useNotice();
  /** The field the form's own check refused: tied to the message (QA S59). */
  const [problemOn, setProblemOn] = useState<'comment-body' | 'comment-files'>();
  const problemFor = (field: 'comment-body' | 'comment-files') =>
    problem && problemOn === field ? 'comment-problem' : undefined;
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useNotice();
  const [busy, setBusy] = useState(false);
  const requestIds = useRequestId();
  // L3-11: the files chosen for the comment, and the ID each got once uploaded (kept for a retry
  // after a lost answer), with the kind it was uploaded as: a file sent for a reply is uploaded
  // again as internal for a note (QA S58: the client could download a note's file).
  // They stay with the draft in the tab's memory (a visit to another screen keeps them); a
  // file uploaded then is not reused (the hold sweep removes it), it goes up again when sent.
  const [files, setFiles] = useState<File[]>(() => keptCommentFiles<File>(draftKey));
  useEffect(() => keepCommentFiles(draftKey, files), [draftKey, files]);
  // The list as it is now, for the sending loop: a file removed or cancelled meanwhile is skipped.
  const filesNow = useRef(files);
  filesNow.current = files;
  const changeFiles = (next: File[]) => {
    filesNow.current = next;
    setFiles(next);
  };
  /** Stops the upload going on («Cancelar»). */
  const stopUpload = useRef<AbortController | undefined>(undefined);
  /** The files cancelled in the last send (said on screen). */
  const [cancelled, setCancelled] = useState<string[]>([]);
  // After a reload only their names came back: the box says which to choose again (until they
  // are chosen, or the comment is sent or discarded).
  const [namedFiles, setNamedFiles] = useState(() => restored?.fields[FILE_NAMES_FIELD]);
  const lostFiles = lostFileNames(namedFiles, files);
  const uploaded = useRef(new Map<File, { id: string; internal: boolean }>());
  // A file the server refused, with its refusal (told on its row; QA S58).
  const [serverRefusals, setServerRefusals] = useState(new Map<File, unknown>());
  const [progress, setProgress] = useState<{
    done: number;
    total: number;
    /** The file going up, and how far (QA S62 #5: each file shows its own progress). */
    file: File;
    percent: number;
  }>();
  const policy = useQuery(ATTACHMENT_POLICY, {}).data?.attachmentPolicy;
  const size = (bytes: number) => formatFileSize(bytes, language);
  // Internal files have places of their own: a note's files count with the internal ones.
  const liveFiles = ticket.attachments.filter(
    (a) => !a.deletedAt && a.internal === (staff && internal),
  ).length;
  const { zone } = useLocalTime();
  const client = useClientReader();
  const refusals = files.map((file, i) => {
    const refused = serverRefusals.get(file);
    if (refused !== undefined) {
      const { text, detail } = describeError(refused, t, {}, { language, timeZone: zone, client });
      return detail ?? text;
    }
    return policy && !uploaded.current.has(file)
      ? refusalOf(file, policy, liveFiles + i, t.serverErrors.attachments, size)
      : undefined;
  });
  // QA S65c #2: «Quite o cambie los archivos…» goes as soon as no refused file is left.
  const filesFixed = filesProblemFixed(refusals, files.length, COMMENT_FILE_LIMIT);
  useEffect(() => {
    if (problemOn === 'comment-files' && filesFixed) {
      setProblem(undefined);
      setProblemOn(undefined);
    }
  }, [problemOn, filesFixed, setProblem]);
  const typed = body.trim() !== '';
  const live = useLiveForm(ticket, {
    active: typed,
    allowed,
    sending: busy,
    since: restored?.since,
  });
  const saved = useSavedDraft(
    draftKey,
    typed
      ? {
          fields: {
            body,
            internal: staff && internal ? 'yes' : '',
            // The ones still to choose again stay named: a second reload says them too (QA S62).
            [FILE_NAMES_FIELD]: fileNamesField([...files.map((f) => f.name), ...lostFiles]),
          },
          since: live.baseline,
        }
      : undefined,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    if (!body.trim()) {
      setProblem(({ t }) => t.planning.comments.empty);
      setProblemOn('comment-body');
      document.getElementById('comment-body')?.focus();
      return;
    }
    // Past its limit it is refused here, in the server's words (QA S52); the count says by how much.
    if (body.length > TEXT_LIMITS.comment) {
      setProblem(
        ({ t, language }) =>
          overLimitText(body, TEXT_LIMITS.comment, label, t.serverErrors, language) ?? '',
      );
      setProblemOn('comment-body');
      document.getElementById('comment-body')?.focus();
      return;
    }
    // A canned response's blank left as it was is not sent to the client (QA S54): «Siguiente
    // paso: {{siguiente paso}}» reached a client.
    const gaps = staff ? unfilledPlaceholders(body) : [];
    if (gaps.length > 0) {
      setProblem(({ t }) => t.cannedResponses.gaps(gaps.join(', ')));
      setProblemOn('comment-body');
      document.getElementById('comment-body')?.focus();
      return;
    }
    if (files.length > COMMENT_FILE_LIMIT) {
      setProblem(({ t }) => t.planning.comments.tooManyFiles(COMMENT_FILE_LIMIT));
      setProblemOn('comment-files');
      document.getElementById('comment-files')?.focus();
      return;
    }
    if (refusals.some((r) => r !== undefined)) {
      // Refused by the server: the writer removes or replaces it; nothing else is sent.
      setProblem(({ t }) => t.planning.comments.filesRefused);
      setProblemOn('comment-files');
      document.getElementById('comment-files')?.focus();
      return;
    }
    setProblem(undefined);
    setError(undefined);
    setCancelled([]);
    setBusy(true);
    const asInternal = staff && internal;
    let sending: File | undefined;
    try {
      // Uploaded as the other kind (the writer switched between reply and note): deleted, and
      // uploaded again as this one.
      for (const [file, up] of uploaded.current) {
        if (up.internal === asInternal) continue;
        uploaded.current.delete(file);
        await call(DELETE_ATTACHMENT, { id: up.id });
      }
      // The files first (each once: a retry reuses those already uploaded), then the comment.
      const toUpload = files.filter((file) => !uploaded.current.has(file));
      for (const file of toUpload) {
        // Removed («Quitar») while waiting: not sent.
        const still = toUpload.filter((f) => filesNow.current.includes(f));
        if (!still.includes(file)) continue;
        setProgress({ done: still.indexOf(file) + 1, total: still.length, file, percent: 0 });
        sending = file;
        const controller = new AbortController();
        stopUpload.current = controller;
        let stored;
        try {
          stored = await uploadAttachment(
            ticket.number,
            file,
            token,
            asInternal,
            true,
            ({ loaded, total }) =>
              setProgress((p) =>
                p && p.file === file
                  ? { ...p, percent: uploadPercent({ status: 'uploading', loaded, total }) }
                  : p,
              ),
            controller.signal,
          );
        } catch (err) {
          if (!(err instanceof UploadCancelled)) throw err;
          // Cancelled: out of the comment; the others go on.
          changeFiles(filesNow.current.filter((f) => f !== file));
          setCancelled((names) => [...names, file.name]);
          continue;
        } finally {
          stopUpload.current = undefined;
        }
        uploaded.current.set(file, { id: stored.id, internal: asInternal });
      }
      sending = undefined;
      setProgress(undefined);
      const attachmentIds = filesNow.current.flatMap((file) => {
        const up = uploaded.current.get(file);
        return up ? [up.id] : [];
      });
      const content = {
        number: ticket.number,
        body: body.trim(),
        internal: asInternal,
        ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
      };
      await requestIds.send(content, (requestId) => call(ADD_COMMENT, { ...content, requestId }));
      saved.discard();
      setBody('');
      changeFiles([]);
      setNamedFiles(undefined);
      uploaded.current = new Map();
      const count = attachmentIds.length;
      setDone((w) =>
        count > 0 ? w.t.planning.comments.sentWithFiles(count) : w.t.planning.comments.sent,
      );
      await onSent();
    } catch (err) {
      // Refused (not lost on the way): the files uploaded for this comment are taken off the
      // ticket, so none stays without its comment (QA S58), and a refused file says why on its row.
      if (isRefusal(err)) {
        await discardUploaded();
        if (sending) {
          const file = sending;
          setServerRefusals((known) => new Map(known).set(file, err));
          document.getElementById('comment-files')?.focus();
        } else setError(err);
      } else setError(err);
    } finally {
      setProgress(undefined);
      setBusy(false);
    }
  };

  /** Deletes from the ticket the files uploaded for this comment (held, its writer's own). */
  const discardUploaded = async () => {
    const ids = [...uploaded.current.values()].map((up) => up.id);
    uploaded.current = new Map();
    for (const id of ids) await call(DELETE_ATTACHMENT, { id }).catch(() => undefined);
  };

  /** Takes `file` out of the comment; once uploaded, it is deleted from the ticket too. */
  const remove = (index: number) => {
    const file = files[index];
    changeFiles(files.filter((_, j) => j !== index));
    setServerRefusals((known) => {
      const left = new Map(known);
      left.delete(file);
      return left;
    });
    const up = file && uploaded.current.get(file);
    if (up) {
      uploaded.current.delete(file);
      void call(DELETE_ATTACHMENT, { id: up.id }).catch((err: unknown) => setError(err));
    }
  };

  const hint = !staff ? c.clientHint : internal ? c.internalHint : c.replyHint;
  const label = !staff ? c.clientLabel : internal ? c.internal : c.reply;

  if (!allowed && live.status.kind !== 'withdrawn') return null;
  if (live.status.kind === 'withdrawn')
    return (
      <section className="card" aria-labelledby="comments-title" data-testid="comment-box">
        <h2 id="comments-title">{c.title}</h2>
        <PreservedDraft
          id="comment-kept"
          status={live.status}
          comment
          text={body.trim()}
          onDiscard={() => {
            saved.discard();
            setBody('');
            setFiles([]);
            setNamedFiles(undefined);
          }}
        />
      </section>
    );

  return (
    <section className="card" aria-labelledby="comments-title" data-testid="comment-box">
      <h2 id="comments-title">{c.title}</h2>
      {restored && body === restored.fields.body && <RestoredNotice text={l.restored} />}
      {live.status.kind === 'updated' && (
        <TicketUpdatedNotice status={live.status} onAcknowledge={live.acknowledge} />
      )}
      <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
        {staff && (
          <fieldset className="field span-all">
            <legend>{c.kind}</legend>
            <label className="check">
              <input
                type="radio"
                name="comment-kind"
                checked={!internal}
                onChange={() => setInternal(false)}
              />
              {c.reply}
            </label>
            <label className="check">
              <input
                type="radio"
                name="comment-kind"
                checked={internal}
                onChange={() => setInternal(true)}
              />
              {c.internal}
            </label>
          </fieldset>
        )}
        <CannedResponsePicker
          ticket={ticket}
          target="comment-body"
          value={body}
          onChange={setBody}
        />
        <TextAreaField
          id="comment-body"
          className="span-all"
          label={label}
          hint={hint}
          rows={3}
          limit={TEXT_LIMITS.comment}
          aria-required
          problemId={problemFor('comment-body')}
          value={body}
          onChange={setBody}
        />
        <div className="field span-all">
          <label htmlFor="comment-files">{c.files}</label>
          <FileChooser
            id="comment-files"
            count={files.length}
            onChoose={(chosen) => setFiles((held) => [...held, ...chosen])}
            describedBy={describedBy(problemFor('comment-files'), 'comment-files-hint')}
            invalid={problemFor('comment-files') !== undefined}
            disabled={busy}
          />
          <p className="hint" id="comment-files-hint">
            {c.filesHint}
          </p>
          {lostFiles.length > 0 && (
            <p className="notice notice-warning" role="status" data-testid="comment-files-lost">
              {c.filesLost(lostFiles.join(', '))}
            </p>
          )}
          <ChosenFiles
            files={files}
            size={size}
            onRemove={remove}
            refusals={refusals}
            states={commentFileStates(files, (file) => uploaded.current.has(file), progress, busy)}
            onCancel={() => stopUpload.current?.abort()}
            disabled={busy}
            testId="comment-file-list"
            chooserId="comment-files"
          />
          {cancelled.length > 0 && (
            <p className="notice" role="status" data-testid="comment-files-cancelled">
              {cancelled.map((name) => c.fileCancelled(name)).join(' ')}
            </p>
          )}
        </div>
        <FormProblem problem={problem} id="comment-problem" />
        <div className="form-actions span-all">
          {/* The notice follows the button: it is the button's description, so a keyboard or
              screen-reader user hears it on «Enviar», before sending, not after. */}
          <button
            type="submit"
            className="button primary"
            disabled={busy}
            aria-describedby={countsAsProgress ? 'comment-counts-as-progress' : undefined}
          >
            {progress ? c.uploading(progress.done, progress.total) : busy ? c.sending : c.submit}
          </button>
        </div>
        {countsAsProgress && (
          <p
            id="comment-counts-as-progress"
            className="muted small span-all"
            data-testid="reply-counts-as-progress"
          >
            {c.replyCountsAsProgress}
          </p>
        )}
        <div className="span-all">
          <ErrorMessage error={error} />
          <SuccessMessage text={done} />
        </div>
      </form>
    </section>
  );
}
