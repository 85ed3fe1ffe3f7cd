import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, operation } from '../api/graphql-client';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useInputRefusal } from '../components/use-input-refusal';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { refusedBy } from '../components/field-error';
import { useQuery } from '../components/use-query';
import { useRequestId } from '../components/use-request-id';
import { formatLocalDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { dayInZone } from '../i18n/zoned-time';
import { useSession } from '../session/session-context';
import { logHoursOffer } from './log-hours-offer';
import { CancelTimeEntryForm } from './cancel-time-entry';
import { mayCancelEntry, parseLoggedHours } from './logged-hours';
import { useLocalTime } from './ticket-bits';
import { useNotice } from '../components/use-notice';

export interface TimeEntry {
  id: string;
  /** Who logged it (the agent may cancel it while the ticket is open). */
  agentId: string;
  date: string;
  hours: number;
  chargedHours: number;
  description: string;
  agentName: string | null;
  balance: { balance: number; available: number };
  /** L3-13: a manager reversed it; its hours are no longer charged. */
  reversed: boolean;
}

const ENTRY_FIELDS =
  'id date hours chargedHours description agentId agentName reversed balance { balance available }';

export const TICKET_TIME_ENTRIES = operation<
  { ticket: { number: string; chargedHours: number; timeEntries: TimeEntry[] } },
  { number: string }
>(`query TicketTimeEntries($number: String!) {
  ticket(number: $number) { number chargedHours timeEntries { ${ENTRY_FIELDS} } }
}`);

export const LOG_TICKET_TIME = operation<
  { logTicketTime: TimeEntry },
  {
    input: { number: string; date: string; hours: number; description: string; requestId: string };
  }
>(`mutation LogTicketTime($input: LogTicketTimeInput!) {
  logTicketTime(input: $input) { ${ENTRY_FIELDS} }
}`);

/** A time entry's own refusals (`t.timeEntries`), worded when shown. */
type ProblemKey = 'dateRequired' | 'hoursInvalid' | 'descriptionRequired';

/** L3-12: the hours the ledger holds for each ticket of the organization (staff only). */
const HOURS_HELD = operation<
  { hourBalance: { reservations: { ticketNumber: string; reservedHours: number }[] } },
  { organizationId: string }
>(`query TicketHoursHeld($organizationId: ID!) {
  hourBalance(organizationId: $organizationId) { reservations { ticketNumber reservedHours } }
}`);

/**
 * A ticket's worked hours (L3-12, L3-13): the entries, newest first, for staff and the client;
 * provider staff also log hours, charged to the authorized estimate. A retry of the same entry
 * reuses its request ID; a refused entry keeps what was typed. `noCharge`: the ticket is free of
 * charge to the hour package (L3-18), which the card says next to its total.
 */
export function TimeEntriesSection({
  number,
  organizationId,
  staff,
  noCharge = false,
  authorized = false,
  closed = false,
  registeredAt,
  changes = 0,
}: {
  number: string;
  organizationId: string;
  staff: boolean;
  noCharge?: boolean;
  /** Whether an estimate of the ticket was ever authorized (words why hours cannot be logged). */
  authorized?: boolean;
  /** The ticket is closed or cancelled (nothing to estimate; what it held went back). */
  closed?: boolean;
  /** When the ticket was registered: no work is logged on an earlier day (the API's rule). */
  registeredAt?: string;
  /**
   * Bumped by the page each time the ticket changes (its live subscription): work logged by
   * someone else shows at once (the client watching their hours, L3-12), with no subscription of
   * this section's own.
   */
  changes?: number;
}) {
  const { t, language } = useI18n();
  const c = t.timeEntries;
  const { call, user } = useSession();
  const { zone } = useLocalTime();
  const query = useQuery(TICKET_TIME_ENTRIES, { number });
  const held = useQuery(HOURS_HELD, { organizationId }, !staff);
  const { reload } = query;
  const reloadHeld = held.reload;
  useEffect(() => {
    if (changes > 0) {
      void reload();
      if (staff) void reloadHeld();
    }
  }, [changes, reload, reloadHeld]);
  // The API's rule: offered only while the ledger holds hours for the ticket, or it is no-charge.
  const offer = held.data
    ? logHoursOffer({
        noCharge,
        heldHours:
          held.data.hourBalance.reservations.find((r) => r.ticketNumber === number)
            ?.reservedHours ?? 0,
        authorized,
        closed,
      })
    : undefined;
  const entries = query.data?.ticket.timeEntries ?? [];

  // L3-12: the API takes no work date after today in the ticket's calendar zone, or in the
  // agent's own when that is already on the next day; the agent's today is always taken, so the
  // date starts there and the picker offers nothing later (never UTC's date, a day ahead at night).
  const today = dayInZone(new Date(), zone);
  // L3-12: nor before the day the ticket was registered (BEFORE_REGISTRATION), in the same zone.
  const firstDay = registeredAt ? dayInZone(registeredAt, zone) : undefined;
  const [date, setDate] = useState(today);
  const [hours, setHours] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useNotice();
  /** The field the form's own check refused (QA S59: tied to it with aria-invalid). */
  const [problemField, setProblemField] = useState<string>();
  const refused = (field: string) =>
    problem && problemField === field ? 'time-problem' : undefined;
  // A refusal of the input goes as soon as a field changes (QA S51: «“Fecha” no puede ser
  // futura» stayed under a corrected date).
  const { error, refuse, clear } = useInputRefusal({ date, hours, description });
  const [done, setDone] = useNotice();
  const [busy, setBusy] = useState(false);
  const requestIds = useRequestId();
  /** The entry whose «Anular» form is open. */
  const [cancelling, setCancelling] = useState<TimeEntry>();
  const [cancelled, setCancelled] = useNotice();
  const mayCancel = (e: TimeEntry) => staff && !!user && mayCancelEntry(e, user, !closed);
  const cancellable = entries.some(mayCancel);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const value = parseLoggedHours(hours);
    const check: [ProblemKey | undefined, string][] = [
      [/^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : 'dateRequired', 'time-date'],
      [value === undefined ? 'hoursInvalid' : undefined, 'time-hours'],
      [description.trim() ? undefined : 'descriptionRequired', 'time-description'],
    ];
    const failed = check.find(([key]) => key);
    if (failed?.[0]) {
      const key = failed[0];
      setProblem(({ t }) => t.timeEntries[key]);
      setProblemField(failed[1]);
      document.getElementById(failed[1])?.focus();
      return;
    }
    setProblem(undefined);
    setProblemField(undefined);
    clear();
    setBusy(true);
    const content = { number, date, hours: value!, description: description.trim() };
    try {
      const { logTicketTime: entry } = await requestIds.send(content, (requestId) =>
        call(LOG_TICKET_TIME, { input: { ...content, requestId } }),
      );
      setHours('');
      setDescription('');
      // The list is read again first: the notice never sits next to a stale total.
      await Promise.all([query.reload(), held.reload()]);
      setDone((w) =>
        w.t.timeEntries.logged(entry.hours, entry.balance.balance, entry.balance.available),
      );
    } catch (err) {
      refuse(err);
    } finally {
      setBusy(false);
    }
  };

  const reason = error instanceof ApiError && error.reason ? c.reasons[error.reason] : undefined;

  return (
    <section className="card" aria-labelledby="time-entries-title" data-testid="time-entries">
      <h2 id="time-entries-title">{c.title}</h2>
      <p className="muted">{staff ? c.intro : c.clientIntro}</p>
      {noCharge && (
        <p className="notice notice-info" data-testid="time-entries-no-charge">
          {t.noCharge.hoursNote}
        </p>
      )}
      <ErrorMessage error={query.error} />
      {entries.length === 0 ? (
        <p className="muted">{query.loading && !query.data ? t.loading : c.empty}</p>
      ) : (
        <div className="table-wrap">
          {/* On a phone each entry is a block of labelled lines, like the other tables (QA). */}
          <table data-testid="time-entries-table" className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{c.date}</th>
                <th scope="col">{c.hours}</th>
                <th scope="col">{c.charged}</th>
                <th scope="col">{c.description}</th>
                <th scope="col">{c.agent}</th>
                {cancellable && (
                  <th scope="col">
                    <span className="visually-hidden">{c.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <time dateTime={e.date}>{formatLocalDate(e.date, language, 'medium')}</time>
                  </th>
                  <td data-label={c.hours}>{e.hours}</td>
                  <td data-label={c.charged}>
                    {/* A reversed entry stays listed (append-only) but no longer counts in the
                        total below (L3-13): struck through, and said in words. */}
                    {e.reversed ? (
                      <span data-testid="time-entry-reversed">
                        <s>{e.chargedHours}</s>
                        <span className="muted small block">
                          {e.chargedHours === 0 ? c.cancelledNoCharge : c.reversed}
                        </span>
                      </span>
                    ) : (
                      e.chargedHours
                    )}
                  </td>
                  <td className="prewrap" data-label={c.description}>
                    {e.description}
                  </td>
                  <td data-label={c.agent}>{e.agentName ?? '—'}</td>
                  {cancellable && (
                    <td>
                      {mayCancel(e) && (
                        <button
                          type="button"
                          className="button small"
                          aria-label={c.cancel.entryName(
                            e.hours,
                            formatLocalDate(e.date, language, 'medium'),
                          )}
                          aria-expanded={cancelling?.id === e.id}
                          onClick={() => {
                            setCancelled(undefined);
                            setCancelling(e);
                          }}
                        >
                          {c.cancel.open}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cancelling && (
        <CancelTimeEntryForm
          key={cancelling.id}
          number={number}
          entry={cancelling}
          onClose={() => setCancelling(undefined)}
          onDone={async () => {
            // The list is read again first: the notice never sits next to a stale total.
            await Promise.all([query.reload(), held.reload()]);
            const entry = cancelling;
            setCancelling(undefined);
            setCancelled((w) =>
              w.t.timeEntries.cancel.done(
                entry.hours,
                formatLocalDate(entry.date, w.language, 'medium'),
              ),
            );
          }}
        />
      )}
      <SuccessMessage text={cancelled} />
      {entries.length > 0 && (
        <p data-testid="time-entries-total">
          {noCharge
            ? t.noCharge.totalNoCharge(query.data!.ticket.chargedHours)
            : c.total(query.data!.ticket.chargedHours)}
        </p>
      )}

      {staff && offer && offer !== 'offer' && (
        <p className="muted" data-testid="log-hours-unavailable">
          {c.unavailable[offer]}
        </p>
      )}
      {staff && offer === 'offer' && (
        <div className="subsection">
          <h3 id="time-form-title">{c.formTitle}</h3>
          <form
            className="form-grid"
            noValidate
            aria-labelledby="time-form-title"
            onSubmit={(e) => void submit(e)}
          >
            <TextField
              id="time-date"
              label={c.date}
              type="date"
              aria-required
              {...refusedBy(refused('time-date'))}
              min={firstDay}
              max={today}
              value={date}
              onChange={setDate}
            />
            <TextField
              id="time-hours"
              label={c.hours}
              inputMode="decimal"
              aria-required
              {...refusedBy(refused('time-hours'), 'time-hours-hint')}
              value={hours}
              onChange={setHours}
            >
              <p className="hint" id="time-hours-hint">
                {c.hoursHint}
              </p>
            </TextField>
            <TextAreaField
              id="time-description"
              className="span-all"
              label={c.description}
              hint={c.descriptionHint}
              rows={2}
              limit={2000}
              aria-required
              problemId={refused('time-description')}
              value={description}
              onChange={setDescription}
            />
            <FormProblem problem={problem} id="time-problem" />
            <div className="form-actions span-all">
              <button type="submit" className="button primary" disabled={busy}>
                {busy ? c.sending : c.submit}
              </button>
            </div>
            <div className="span-all">
              <ErrorMessage
                error={error}
                overrides={reason ? { VALIDATION_FAILED: reason } : undefined}
              />
              <SuccessMessage text={done} />
            </div>
          </form>
        </div>
      )}
    </section>
  );
}
