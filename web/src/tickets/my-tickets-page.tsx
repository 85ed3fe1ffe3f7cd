import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  HOUR_BALANCE,
  REGISTER_TICKET,
  TICKET_CATEGORIES,
  type TicketCategory,
} from '../api/tickets';
import { ATTACHMENT_POLICY } from '../api/attachments';
import { useHoursChanges, useTicketChanges } from '../api/live';
import { ErrorMessage } from '../components/error-message';
import { ChosenFiles } from '../components/chosen-files';
import { FileChooser } from '../components/file-chooser';
import { QuickChannelCard } from '../contracts/quick-channel-section';
import { refusedBy } from '../components/field-error';
import { TextCount } from '../components/text-count';
import { countId, overLimitText } from '../components/text-count-text';
import { TEXT_LIMITS } from '../../../src/shared/text-limits';
import { HoursUsed } from '../contracts/hours-used';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useFocusWhenLost } from '../components/use-focus-when-lost';
import { useRequestId } from '../components/use-request-id';
import { formatFileSize } from '../i18n/file-size';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { CalendarZoneDeadline } from './clocks-section';
import { TicketBrowser } from './ticket-browser';
import { ticketPath, useLocalTime } from './ticket-bits';
import { allowedTypes, refusalOf } from './upload-queue';
import { missingNewTicketFields, type NewTicketRequired } from './new-ticket-check';
import {
  FILE_NAMES_FIELD,
  fileNamesField,
  keepCommentFiles,
  keptCommentFiles,
  lostFileNames,
} from './comment-files-memory';
import { RestoredNotice, useRestoredDraft, useSavedDraft } from './live-form';
import { ticketUploads } from './ticket-uploads';
import {
  anyInFlight,
  sendWithToken,
  TrackedUploadList,
  useTrackedUploads,
} from './tracked-uploads';

/**
 * «Nuevo ticket»'s draft (QA S62 #1): kept per user in the tab like the ticket page's forms
 * (`useRestoredDraft`), under a name no ticket number takes.
 */
export const NEW_TICKET_DRAFT = { ticket: 'new', form: 'register' } as const;

interface Registered {
  number: string;
  triageDeadline: string | null;
  /** The ticket's calendar's zone: the triage deadline there too when it reads otherwise. */
  calendarTimeZone: string;
}

/** What «Registrar ticket» found to fix before sending anything. */
interface Check {
  readonly missing: NewTicketRequired[];
  /** Past their limit (QA S52: sent, and refused by the server). */
  readonly tooLong: LimitedField[];
  readonly filesRefused: boolean;
}

/** The fields of «Nuevo ticket» with a limit the form counts (`TEXT_LIMITS`). */
type LimitedField = 'subject' | 'description';
const LIMITED: readonly LimitedField[] = ['subject', 'description'];

function NewTicketForm({ onRegistered }: { onRegistered: () => Promise<void> }) {
  const { t, language } = useI18n();
  const { call, token } = useSession();
  const { format } = useLocalTime();
  const form = useMutationForm();
  // QA S62 #1: what the client typed survives a reload, a visit to another screen and a session
  // that ended by itself (signing in again), as the ticket page's forms do: per user, in the tab,
  // until the ticket is registered («Cerrar sesión» forgets it, as it forgets those).
  const { key: draftKey, restored } = useRestoredDraft(
    NEW_TICKET_DRAFT.ticket,
    NEW_TICKET_DRAFT.form,
  );
  // QA S16 (L3-05, L3-11): files go with the ticket, as in any helpdesk's new-ticket form; they
  // are uploaded once the ticket exists; a registration empties the list. They stay with the
  // draft in the tab's memory (another screen and back keeps them); a reload keeps their names
  // only, and the form says which to attach again.
  const [files, setFiles] = useState<File[]>(() => keptCommentFiles<File>(draftKey));
  useEffect(() => keepCommentFiles(draftKey, files), [draftKey, files]);
  const [namedFiles, setNamedFiles] = useState(() => restored?.fields[FILE_NAMES_FIELD]);
  const lostFiles = lostFileNames(namedFiles, files);
  const [category, setCategory] = useState<TicketCategory | ''>(() => {
    const kept = restored?.fields.category ?? '';
    return (TICKET_CATEGORIES as readonly string[]).includes(kept) ? (kept as TicketCategory) : '';
  });
  const [subject, setSubject] = useState(restored?.fields.subject ?? '');
  const [description, setDescription] = useState(restored?.fields.description ?? '');
  const typed =
    category !== '' || subject.trim() !== '' || description.trim() !== '' || files.length > 0;
  const saved = useSavedDraft(
    draftKey,
    typed
      ? {
          fields: {
            category,
            subject,
            description,
            // The ones still to attach again stay named: a second reload or login says them too.
            [FILE_NAMES_FIELD]: fileNamesField([...files.map((f) => f.name), ...lostFiles]),
          },
        }
      : undefined,
  );
  const showRestored =
    restored !== undefined &&
    typed &&
    subject === (restored.fields.subject ?? '') &&
    description === (restored.fields.description ?? '');
  const [registered, setRegistered] = useState<Registered>();
  // What the last «Registrar ticket» found wrong, in the app's words (the browser's own bubble
  // spoke its language and took a description of spaces only): every empty field at once, each
  // told under it and all in the summary, and files the server would refuse (QA). Kept as data,
  // worded when shown, so the language switch rewords it.
  const [check, setCheck] = useState<Check>();
  // The sending button was disabled, so the focus fell to the page: it goes to the notice.
  const registeredNotice = useRef<HTMLDivElement>(null);
  useFocusWhenLost(registeredNotice, registered && form.done);
  // One request ID per content: a retry after a lost answer never registers a second ticket.
  const requestIds = useRequestId();
  // QA S43: each chosen file is checked against the server's limits as the ticket page checks
  // them (type, size, count), so a file it would refuse is told before the ticket exists.
  const policy = useQuery(ATTACHMENT_POLICY, {}).data?.attachmentPolicy;
  const size = (bytes: number) => formatFileSize(bytes, language);
  const refusals = policy
    ? files
        .map((file, i) => refusalOf(file, policy, i, t.serverErrors.attachments, size))
        .filter((refusal): refusal is string => refusal !== undefined)
    : [];

  // The keyboard goes to the first field to fix (it stayed on the button, QA), once the fields
  // are marked, so a screen reader reads the field with its message.
  useEffect(() => {
    const first =
      check?.missing[0] ?? check?.tooLong[0] ?? (check?.filesRefused ? 'files' : undefined);
    if (first) document.getElementById(`new-ticket-${first}`)?.focus();
  }, [check]);
  const values = { category, subject, description };
  const tooLongText = (field: LimitedField) =>
    overLimitText(values[field], TEXT_LIMITS[field], t.tickets[field], t.serverErrors, language);
  // Shown while still true: a field filled or shortened drops its message at once (QA S52: they
  // stayed until the next send).
  const empty = missingNewTicketFields(values);
  const missing = check ? check.missing.filter((field) => empty.includes(field)) : [];
  const tooLong = check ? check.tooLong.filter((field) => tooLongText(field) !== undefined) : [];
  const missingText = (field: NewTicketRequired) => t.tickets.required(t.tickets[field]);
  const problems = check
    ? [
        ...missing.map(missingText),
        ...tooLong.map((field) => tooLongText(field)!),
        ...(check.filesRefused ? [t.tickets.newFilesRefused] : []),
      ]
    : [];
  // A field too long is described by its count, which says by how much, in red.
  const refused = (field: NewTicketRequired, hintId?: string) =>
    refusedBy(
      missing.includes(field)
        ? `new-ticket-${field}-error`
        : tooLong.includes(field as LimitedField)
          ? `new-ticket-${field}-count`
          : undefined,
      hintId,
    );
  // A field with a count is described by it while it shows, or by the refusal it then is.
  const refusedCounted = (field: LimitedField) =>
    refused(
      field,
      tooLong.includes(field)
        ? undefined
        : countId(`new-ticket-${field}-count`, values[field], TEXT_LIMITS[field]),
    );
  const fieldError = (field: NewTicketRequired) =>
    missing.includes(field) && (
      <p className="field-error" id={`new-ticket-${field}-error`}>
        {missingText(field)}
      </p>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const over = LIMITED.filter((field) => tooLongText(field) !== undefined);
    // (`!category` is in `empty` too; said again for the type of `category` below.)
    if (!category || empty.length > 0 || over.length > 0 || refusals.length > 0) {
      return setCheck({ missing: empty, tooLong: over, filesRefused: refusals.length > 0 });
    }
    setCheck(undefined);
    setRegistered(undefined);
    const ok = await form.run(
      async () => {
        const input = { category, subject: subject.trim(), description: description.trim() };
        // L3-11: the agents' «Nuevo ticket» email waits for the files announced, to name them; a
        // ticket without files is told at once. Their names are kept with the ticket, so one that
        // never arrives (the tab closed mid-upload) is told on the ticket page (QA S62 #5).
        const { registerTicket } = await requestIds.send(input, (requestId) =>
          call(REGISTER_TICKET, {
            input: {
              ...input,
              attachmentsToFollow: files.length,
              announcedFileNames: files.map((f) => f.name),
              requestId,
            },
          }),
        );
        const triage = registerTicket.clocks.find((c) => c.kind === 'triage');
        // The ticket exists: the files go up one after another, each showing its progress, also
        // while the ticket is opened (the tab's memory, not this form, holds them); leaving the
        // page asks first until they have all ended. A refused file is told, never a reason to
        // register the ticket again.
        void ticketUploads.add(registerTicket.number, files, sendWithToken(token));
        setRegistered({
          number: registerTicket.number,
          triageDeadline: triage?.deadline ?? null,
          calendarTimeZone: registerTicket.calendarTimeZone,
        });
        await onRegistered();
        return registerTicket;
      },
      (ticket, w) => w.t.tickets.registered(ticket.number),
    );
    if (ok) {
      saved.discard();
      setCategory('');
      setSubject('');
      setDescription('');
      setFiles([]);
      setNamedFiles(undefined);
    }
  };

  return (
    <section className="card" aria-labelledby="new-ticket-title">
      <h2 id="new-ticket-title">{t.tickets.newTitle}</h2>
      {showRestored && <RestoredNotice text={t.tickets.newRestored} />}
      <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="new-ticket-category">{t.tickets.category}</label>
          <select
            id="new-ticket-category"
            required
            value={category}
            onChange={(e) => setCategory(e.target.value as TicketCategory)}
            {...refused('category')}
          >
            <option value="">{t.tickets.chooseCategory}</option>
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t.tickets.categories[c]}
              </option>
            ))}
          </select>
          {fieldError('category')}
        </div>
        <div className="field span-2">
          <label htmlFor="new-ticket-subject">{t.tickets.subject}</label>
          {/* No maxLength: a long paste is kept whole and counted, not cut (QA S52). */}
          <input
            id="new-ticket-subject"
            required
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            {...refusedCounted('subject')}
          />
          {fieldError('subject')}
          <TextCount id="new-ticket-subject-count" value={subject} limit={TEXT_LIMITS.subject} />
        </div>
        <div className="field span-all">
          <label htmlFor="new-ticket-description">{t.tickets.description}</label>
          <textarea
            id="new-ticket-description"
            required
            rows={4}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            {...refusedCounted('description')}
          />
          {fieldError('description')}
          <TextCount
            id="new-ticket-description-count"
            value={description}
            limit={TEXT_LIMITS.description}
          />
        </div>
        <div className="field span-all">
          <label htmlFor="new-ticket-files">{t.tickets.newFiles}</label>
          {/* A new choice replaces the last one, as the browser's own chooser did. */}
          <FileChooser
            id="new-ticket-files"
            count={files.length}
            onChoose={setFiles}
            describedBy="new-ticket-files-hint"
          />
          <p className="hint" id="new-ticket-files-hint">
            {t.tickets.newFilesHint}
            {policy && ` ${t.attachments.hint(size(policy.maxBytes), allowedTypes(policy))}`}
          </p>
          {lostFiles.length > 0 && (
            <p className="notice notice-warning" role="status" data-testid="new-ticket-files-lost">
              {t.tickets.newFilesLost(lostFiles.join(', '))}
            </p>
          )}
          <ChosenFiles
            files={files}
            size={size}
            onRemove={(i) => setFiles((chosen) => chosen.filter((_, j) => j !== i))}
            testId="new-ticket-file-list"
            chooserId="new-ticket-files"
          />
          {refusals.length > 0 && (
            <ul className="notice notice-error" data-testid="new-ticket-file-refusals">
              {refusals.map((refusal, i) => (
                <li key={i}>{refusal}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="form-actions span-all">
          <button type="submit" className="button primary" disabled={form.busy}>
            {form.busy ? t.tickets.registering : t.tickets.register}
          </button>
        </div>
        <div className="span-all">
          {problems.length === 1 && (
            <p className="notice notice-error" role="alert" data-testid="new-ticket-problem">
              {problems[0]}
            </p>
          )}
          {problems.length > 1 && (
            <div className="notice notice-error" role="alert" data-testid="new-ticket-problem">
              <p>{t.tickets.newProblems}</p>
              <ul>
                {problems.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          )}
          <ErrorMessage error={form.error} />
          <div>
            {registered && form.done && (
              <div
                className="notice notice-success"
                data-testid="registered"
                role="status"
                tabIndex={-1}
                ref={registeredNotice}
              >
                {/* Worded now, not when sent: it follows a language switch. */}
                <p>{t.tickets.registered(registered.number)}</p>
                <RegisteredUploads number={registered.number} />
                <p>
                  {t.tickets.triageDeadline}:{' '}
                  <strong>
                    {registered.triageDeadline ? format(registered.triageDeadline) : '—'}
                  </strong>
                  {/* QA S60b #3: a user whose zone (Mi cuenta) is not the calendar's reads the
                      deadline there too, as the ticket's clocks give it. */}
                  {registered.triageDeadline && (
                    <CalendarZoneDeadline
                      deadline={registered.triageDeadline}
                      calendarZone={registered.calendarTimeZone}
                    />
                  )}
                </p>
                <p>
                  <Link to={ticketPath(registered.number)}>
                    {t.tickets.goToTicket(registered.number)}
                  </Link>
                </p>
              </div>
            )}
          </div>
        </div>
      </form>
    </section>
  );
}

function HoursCard({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const balance = useQuery(HOUR_BALANCE, { organizationId });
  // Hours reserved, logged or released on any of the organization's tickets move the figures…
  useTicketChanges(() => void balance.reload());
  // …and so do a package bought, an adjustment or a reversal, which touch no ticket (L3-13).
  useHoursChanges(() => void balance.reload(), organizationId);
  const b = balance.data?.hourBalance;
  return (
    <section className="card" aria-labelledby="hours-title">
      <h2 id="hours-title">{t.tickets.hoursTitle}</h2>
      <ErrorMessage error={balance.error} />
      {balance.loading && !b && <p role="status">{t.loading}</p>}
      {b && (
        <dl className="stats" data-testid="hours">
          <div>
            <dt>{t.tickets.hoursAvailable}</dt>
            <dd>{t.tickets.hours(b.available)}</dd>
          </div>
          <div>
            <dt>{t.tickets.hoursReserved}</dt>
            <dd>{t.tickets.hours(b.reserved)}</dd>
          </div>
          <div>
            <dt>{t.tickets.hoursConsumed}</dt>
            <dd>{t.tickets.hours(b.consumed)}</dd>
          </div>
        </dl>
      )}
      {b && <HoursUsed balance={b} />}
      <p>
        <Link to="/mis-horas">{t.tickets.hoursDetails}</Link>
      </p>
    </section>
  );
}

/**
 * Client portal («Mis tickets»): the organization's tickets, a new ticket, the prepaid hours.
 * Provider staff («Tickets»): every client's tickets (an agent's own by default).
 */
export function MyTicketsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const staff = user ? can.seeConsole(user) : false;
  // A registration commits the ticket's row before it answers: the list is read again at once
  // (and follows the read model live from there, like the ticket page).
  const [registrations, setRegistrations] = useState(0);
  const registered = useCallback(() => {
    setRegistrations((n) => n + 1);
    return Promise.resolve();
  }, []);

  return (
    <div className="stack">
      <TicketBrowser
        title={staff ? t.tickets.staffTitle : t.tickets.title}
        staff={staff}
        refreshKey={registrations}
      />
      {user && !staff && <NewTicketForm onRegistered={registered} />}
      {user && !staff && <HoursCard organizationId={user.organization.id} />}
      {user && !staff && <QuickChannelCard />}
    </div>
  );
}

/**
 * The files sent with a new ticket (QA S62 #5): each with its progress or result, and once none is
 * still going, how many were attached («Se adjuntó 1 archivo.»).
 */
function RegisteredUploads({ number }: { number: string }) {
  const { t } = useI18n();
  const uploads = useTrackedUploads(number);
  const attached = uploads.filter((u) => u.status === 'uploaded').length;
  return (
    <>
      <TrackedUploadList
        uploads={uploads}
        notAttached={t.tickets.newFileNotAttached}
        testId="new-ticket-uploads"
      />
      {!anyInFlight(uploads) && attached > 0 && <p>{t.tickets.newFilesAttached(attached)}</p>}
    </>
  );
}
