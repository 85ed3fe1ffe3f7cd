import type { TicketOrder, TicketSummary } from '../api/tickets';
import { browserTimeZone, formatInstant, formatInstantWithDay, formatTime } from '../i18n/format';
import type { Messages } from '../i18n/es-mx';
import { useI18n } from '../i18n/i18n-context';
import { zoneTitle } from '../i18n/zone-name';
import { Link } from '../router/router';
import { ticketPath } from '../router/routes';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { clockKindText, clockTimeWords, dueClockKind, overdueClock } from './clock-texts';
import { type IdleDue, idleDueText } from './idle-due-text';
import { isTicketEnded } from '../../../workflows/ticket/ticket-states';

export { ticketPath };

/** Formats instants in the logged-in user's time zone (the browser's when logged out). */
export function useLocalTime(): {
  zone: string;
  format: (iso: string | null) => string;
  /** With the weekday (`formatInstantWithDay`). */
  formatWithDay: (iso: string) => string;
  /** The time alone (`formatTime`). */
  formatTime: (iso: string) => string;
} {
  const { language } = useI18n();
  const { user } = useSession();
  const zone = user?.timeZone ?? browserTimeZone();
  return {
    zone,
    format: (iso) => (iso ? formatInstant(iso, language, zone) : '—'),
    formatWithDay: (iso) => formatInstantWithDay(iso, language, zone),
    formatTime: (iso) => formatTime(iso, language, zone),
  };
}

/**
 * A running clock outside business time: when it counts again (BUSINESS-TIME.md; QA S51), in the
 * reader's zone with its weekday. Nothing for a clock that counts now.
 */
export function CountsFromLine({ countsFrom }: { countsFrom: string | null }) {
  const { t } = useI18n();
  const { formatWithDay } = useLocalTime();
  if (!countsFrom) return null;
  return (
    <span className="muted small block" data-testid="clock-counts-from">
      {t.tickets.countsFrom(formatWithDay(countsFrom))}
    </span>
  );
}

/** Under a column of instants: the reader's zone in words (QA: it read «AMERICA/MEXICO_CITY»). */
export function ZoneNameLine() {
  const { language } = useI18n();
  const { zone } = useLocalTime();
  return <span className="muted small block zone-name">{zoneTitle(zone, language)}</span>;
}

/**
 * An instant in a table cell that may wrap between its date and its time, never inside either
 * («6 dic 2026,» over «7:16 a.m.»): unwrapped, the «Registrado» and «Próximo plazo» dates held the
 * staff's eight-column list wider than a 1280 px screen's page (QA S55). Reads as one text.
 */
export function CellTime({ iso, text }: { iso: string; text: string }) {
  const at = text.lastIndexOf(', ');
  if (at < 0) return <time dateTime={iso}>{text}</time>;
  return (
    <time dateTime={iso} className="wraps">
      <span>{text.slice(0, at + 1)}</span> <span>{text.slice(at + 2)}</span>
    </time>
  );
}

/**
 * A ticket's state in words; for a client (`client`) in the second person where staff's words
 * speak of the client: «Esperando su respuesta», not «Esperando al cliente» (L3-07).
 * `confirmedRemoteSession` (the ticket's `confirmedRemoteSessionAt`, or true; L3-06): a proposal the client confirmed reads
 * «Sesión remota confirmada» while it is pending, not «Sesión remota propuesta» (QA S62 #2); the
 * workflow state stays REMOTE_SESSION_PROPOSED.
 */
export function stateText(
  t: Messages,
  state: string,
  client: boolean,
  confirmedRemoteSession?: string | boolean | null,
): string {
  if (state === 'REMOTE_SESSION_PROPOSED' && confirmedRemoteSession)
    return t.tickets.remoteSessionConfirmedState;
  return (client ? t.tickets.clientStates[state] : undefined) ?? t.tickets.states[state] ?? state;
}

/** A ticket's state in the logged-in reader's words (`stateText`). */
export function useStateText(): (
  state: string,
  confirmedRemoteSession?: string | boolean | null,
) => string {
  const { t } = useI18n();
  const client = useClientReader();
  return (state, confirmedRemoteSession) => stateText(t, state, client, confirmedRemoteSession);
}

/** Whether the logged-in reader is client staff (no Console): clocks and states in their words. */
export function useClientReader(): boolean {
  const { user } = useSession();
  return user ? !can.seeConsole(user) : false;
}

/** ok / at risk / breached, in words and colour (never colour alone). */
export function SlaBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const cls =
    status === 'breached'
      ? 'badge sla-breached'
      : status === 'at_risk'
        ? 'badge sla-risk'
        : 'badge ok';
  return <span className={cls}>{t.tickets.slaStatus[status] ?? status}</span>;
}

/**
 * A list of tickets as a table: number (link), subject, state, SLA badge, next deadline named by its
 * clock («Triage · vence …», L3-06…L3-09, as the ticket's page and the work list name it).
 */
export function TicketTable({
  items,
  testId,
  showAssignee = false,
  clients,
  showRegistered = false,
  showUpdated = false,
  yourTurn = false,
  sort,
}: {
  items: TicketSummary[];
  testId: string;
  /** L3-07: provider staff see who has each ticket. */
  showAssignee?: boolean;
  /** Provider staff's lists across clients: the client's name by organization ID (a column). */
  clients?: ReadonlyMap<string, string>;
  /** A «Registrado» column (lists in registration order). */
  showRegistered?: boolean;
  /** A «Última actividad» column (lists in that order, instead of «Registrado»). */
  showUpdated?: boolean;
  /**
   * A client's list: «Su respuesta» next to the state of tickets waiting on them (L3-06/L3-07), and
   * «Esperando su respuesta» where nothing is due (staff read the pause and its time left).
   */
  yourTurn?: boolean;
  /**
   * The list's order: the headers of the columns it can sort by become buttons, and the sorted
   * one says so (`aria-sort`). «Registrado» turns newest ↔ oldest.
   */
  sort?: { readonly order: TicketOrder; readonly onSort: (order: TicketOrder) => void };
}) {
  const { t, language } = useI18n();
  const { format } = useLocalTime();
  const columns = t.ticketBrowser.columns;
  return (
    <div className="table-wrap">
      <table data-testid={testId} className="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">{t.tickets.number}</th>
            <th scope="col">{t.tickets.subject}</th>
            {clients && <th scope="col">{columns.client}</th>}
            <th scope="col">{t.tickets.state}</th>
            <th scope="col">{t.tickets.sla}</th>
            <SortHeader
              label={t.tickets.nextDeadline}
              sort={sort}
              orders={['NEXT_DEADLINE']}
              ascending
            />
            {showRegistered && (
              <SortHeader label={columns.registeredAt} sort={sort} orders={['NEWEST', 'OLDEST']} />
            )}
            {showUpdated && (
              <SortHeader label={columns.updatedAt} sort={sort} orders={['RECENTLY_UPDATED']} />
            )}
            {showAssignee && <th scope="col">{t.ticketPage.assignee}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((ticket) => (
            <tr key={ticket.number}>
              <TicketCells number={ticket.number} subject={ticket.subject} kind={ticket} />
              {clients && (
                <td data-label={columns.client}>{clients.get(ticket.organizationId) ?? '—'}</td>
              )}
              {/* Each labelled cell holds one element: a phone's card puts a cell's second
                  element under the label instead of under the value (QA S20). */}
              <td data-label={t.tickets.state}>
                <span>
                  {stateText(t, ticket.state, yourTurn, ticket.confirmedRemoteSessionAt)}
                  {/* «Su respuesta», unless the state already says so («Esperando su respuesta»). */}
                  {yourTurn && ticket.awaitingClient && ticket.state !== 'WAITING_ON_CLIENT' && (
                    <span className="badge your-turn" data-testid="your-turn">
                      {t.clientAnswer.yourTurn}
                    </span>
                  )}
                </span>
              </td>
              <td data-label={t.tickets.sla}>
                <span>
                  <SlaCell ticket={ticket} />
                </span>
              </td>
              <td data-label={t.tickets.nextDeadline}>
                {isTicketEnded(ticket.state) ? (
                  // An ended ticket has nothing due (its delivery date stays in its history).
                  <span className="muted">—</span>
                ) : (
                  <DueSummary
                    deadline={ticket.nextDeadline}
                    // Which clock is due, as the ticket's page names it: «Triage · vence …».
                    clockKind={dueClockKind(ticket.clocks, ticket.nextDeadline)}
                    // Delivered for testing, the date is kept, not due: what is due is the
                    // client's testing («Esperando su respuesta»; staff «Esperando al cliente»).
                    releaseDate={
                      ticket.state === 'RELEASED_FOR_TESTING' ? null : ticket.releaseDate
                    }
                    autoCloseAt={ticket.autoCloseAt}
                    overdue={overdueClock(ticket.clocks)}
                    idle={idleDueText(
                      ticket,
                      yourTurn,
                      { due: t.ticketBrowser.due, noDeadline: t.tickets.noDeadline },
                      clockTimeWords[language],
                    )}
                  />
                )}
              </td>
              {showRegistered && (
                <td data-label={columns.registeredAt}>
                  <CellTime iso={ticket.registeredAt} text={format(ticket.registeredAt)} />
                </td>
              )}
              {showUpdated && (
                <td data-label={columns.updatedAt}>
                  <CellTime iso={ticket.updatedAt} text={format(ticket.updatedAt)} />
                </td>
              )}
              {showAssignee && (
                <td data-testid="ticket-assignee-cell" data-label={t.ticketPage.assignee}>
                  <AssigneeName name={ticket.assigneeName} active={ticket.assigneeActive} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A column header that sorts the list by `orders[0]` (and turns to `orders[1]` when already sorted
 * so, e.g. newest ↔ oldest); a plain header when the list has no `sort`.
 */
function SortHeader({
  label,
  sort,
  orders,
  ascending = false,
}: {
  label: string;
  sort: { readonly order: TicketOrder; readonly onSort: (order: TicketOrder) => void } | undefined;
  orders: readonly [TicketOrder, TicketOrder?];
  /** Whether `orders[0]` sorts ascending (earliest first). */
  ascending?: boolean;
}) {
  const { t } = useI18n();
  if (!sort) return <th scope="col">{label}</th>;
  const [first, second] = orders;
  const at = orders.indexOf(sort.order);
  const up = at === -1 ? undefined : (at === 0) === ascending;
  const next = at === 0 && second ? second : first;
  return (
    <th scope="col" aria-sort={up === undefined ? undefined : up ? 'ascending' : 'descending'}>
      <button
        type="button"
        className="sort-button"
        title={t.ticketBrowser.sortBy(label)}
        onClick={() => sort.onSort(next)}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {up === undefined ? '' : up ? ' ▲' : ' ▼'}
        </span>
      </button>
    </th>
  );
}

/**
 * How an ended ticket kept its SLA: «Incumplido» when one of its clocks breached (even one met
 * later, as a late triage), «Cumplido» when every clock that ran to its end was met; null when
 * no clock ran to one (a ticket cancelled in triage). QA S57: a closed ticket whose clocks were
 * all met read «—».
 */
export function endedSlaOutcome(clocks: readonly { status: string }[]): 'met' | 'missed' | null {
  if (clocks.some((c) => c.status === 'BREACHED')) return 'missed';
  return clocks.some((c) => c.status === 'MET') ? 'met' : null;
}

type SlaTicket = Pick<TicketSummary, 'state' | 'slaStatus'> & {
  clocks: readonly { status: string }[];
};

/**
 * A ticket's SLA in words: an open ticket's status («En tiempo», «En riesgo», «Vencido»), an
 * ended one's outcome («Cumplido», «Incumplido»); '' when there is nothing to say (shown «—»).
 */
export function slaText(t: Messages, ticket: SlaTicket): string {
  if (!isTicketEnded(ticket.state))
    return t.tickets.slaStatus[ticket.slaStatus] ?? ticket.slaStatus;
  const outcome = endedSlaOutcome(ticket.clocks);
  return outcome ? t.tickets.slaOutcome[outcome] : '';
}

/** {@link slaText} as a badge, in words and colour; «—» when there is nothing to say. */
export function SlaCell({ ticket }: { ticket: SlaTicket }) {
  const { t } = useI18n();
  if (!isTicketEnded(ticket.state)) return <SlaBadge status={ticket.slaStatus} />;
  const outcome = endedSlaOutcome(ticket.clocks);
  if (!outcome) return <span className="muted">—</span>;
  const cls = outcome === 'met' ? 'badge ok' : 'badge sla-breached';
  return (
    <span className={cls} data-testid="sla-outcome">
      {t.tickets.slaOutcome[outcome]}
    </span>
  );
}

/** Sorts by next deadline, soonest first; tickets without one last. */
export function bySoonestDeadline(a: TicketSummary, b: TicketSummary): number {
  const da = a.nextDeadline ? Date.parse(a.nextDeadline) : Infinity;
  const db = b.nextDeadline ? Date.parse(b.nextDeadline) : Infinity;
  return da - db;
}

/**
 * What is due on a ticket, in the user's time zone: the running clock's deadline and, for a
 * ticket with a published release-for-testing date (L3-09, L3-19), «Entrega publicada: <fecha>»
 * (below the deadline while a clock runs). When there is neither, `idle` says why, or what the
 * ticket waits for and when («Sesión remota: …», QA S60b #9); else «Sin plazo en curso»: a
 * published date is not an SLA clock, but it is a promise. Shared by the ticket lists
 * and the planning work list; given the deadline's clock (`clockKind`, see `dueClockKind`), it names
 * it: «Avance periódico · vence 3 dic, 10:00 a.m.» (L3-06…L3-09).
 */
export function DueSummary({
  deadline,
  clockKind = null,
  releaseDate,
  autoCloseAt,
  overdue = null,
  idle,
}: {
  deadline: string | null;
  /** The kind of the running clock the deadline is (`triage`, `progress`…), if known. */
  clockKind?: string | null;
  releaseDate: string | null;
  /** L3-07: a resolved ticket's automatic closure, when nothing else is due. */
  autoCloseAt?: string | null;
  /**
   * Nothing runs but this clock's deadline passed and it is still owed ({@link overdueClock}):
   * «Avance periódico · venció 3 dic…», not «Sin plazo en curso» under a «Vencido» badge.
   */
  overdue?: { readonly kind: string; readonly deadline: string } | null;
  /** Why nothing is due ({@link idleDueText}): e.g. the clock waits on the client. */
  idle?: IdleDue;
}) {
  const { t } = useI18n();
  const { format } = useLocalTime();
  const client = useClientReader();
  const dueClock =
    deadline && clockKind ? t.tickets.clockDue(clockKindText(t, clockKind, client)) : null;
  // One element, so that a phone's card keeps both lines beside the cell's label (QA S20).
  return (
    <span>
      {dueClock && <span data-testid="due-clock">{`${dueClock} `}</span>}
      {deadline && <CellTime iso={deadline} text={format(deadline)} />}
      {!deadline && overdue && (
        <span data-testid="overdue-clock">
          {`${t.tickets.clockOverdue(clockKindText(t, overdue.kind, client))} `}
          <CellTime iso={overdue.deadline} text={format(overdue.deadline)} />
        </span>
      )}
      {!deadline && !overdue && !releaseDate && autoCloseAt && (
        <span data-testid="auto-close-summary">
          {t.tickets.autoClose}: <time dateTime={autoCloseAt}>{format(autoCloseAt)}</time>
        </span>
      )}
      {!deadline && !overdue && !releaseDate && !autoCloseAt && (
        <span className={idle?.quiet === false ? undefined : 'muted'} data-testid="idle-due">
          {idle?.text ?? t.tickets.noDeadline}
          {idle?.at && (
            <>
              {': '}
              <CellTime iso={idle.at} text={format(idle.at)} />
            </>
          )}
          {idle?.detail && <span className="muted small block">{idle.detail}</span>}
        </span>
      )}
      {releaseDate && (
        <span className={deadline ? 'muted small block' : 'block'} data-testid="published-delivery">
          {t.planning.workList.publishedDelivery}:{' '}
          <time dateTime={releaseDate}>{format(releaseDate)}</time>
        </span>
      )}
    </span>
  );
}

/** «Requerimiento · Desarrollo»: what the agent classified a ticket as (L3-07, L3-08). */
export function classificationText(
  t: Messages,
  classification: string,
  requirementKind: string | null,
): string {
  const kind = requirementKind && (t.tickets.requirementKinds[requirementKind] ?? requirementKind);
  const named = t.tickets.classifications[classification] ?? classification;
  return kind ? `${named} · ${kind}` : named;
}

/**
 * A «Requerimiento · Configuración» text on screen, the «·» kept on the first word's line: in a
 * narrow column it wrapped alone between the two (QA S52). The words read (and copy) as the text.
 */
export function KindText({ text }: { text: string }) {
  const at = text.indexOf(' · ');
  if (at < 0) return <>{text}</>;
  return (
    <>
      <span className="nowrap">{text.slice(0, at)} ·</span> {text.slice(at + 3)}
    </>
  );
}

/**
 * What the lists (and their CSV) name a ticket by, and so what their «Categoría» filter matches:
 * its classification once the agent set one, else the category it was registered with.
 */
export function listedKindText(
  t: Messages,
  ticket: { category: string; classification: string | null; requirementKind: string | null },
): string {
  return ticket.classification
    ? classificationText(t, ticket.classification, ticket.requirementKind)
    : (t.tickets.categories[ticket.category] ?? ticket.category);
}

/**
 * The row header (ticket number, linked) and the subject cell, with below it the ticket's
 * classification once the agent set one, else the category it was registered with (QA S20: a
 * requirement still read «Incidente»; the ticket page keeps both).
 */
export function TicketCells({
  number,
  subject,
  kind,
}: {
  number: string;
  subject: string;
  /** The ticket (or queue entry) it is named by: see {@link listedKindText}. */
  kind: { category: string; classification: string | null; requirementKind: string | null };
}) {
  const { t } = useI18n();
  return (
    <>
      <th scope="row">
        <Link to={ticketPath(number)} className="nowrap">
          {number}
        </Link>
      </th>
      <td>
        {subject}
        <span className="muted small block" data-testid="ticket-kind">
          <KindText text={listedKindText(t, kind)} />
        </span>
      </td>
    </>
  );
}

/**
 * Who has a ticket (L3-07) in a list's cell: the agent's name, «(cuenta inactiva)» after it when their
 * account is inactive (QA S62 #2), or «Sin asignar». One element, so on a phone, where a cell is
 * a grid of its label and its content, the marker stays beside the name, not under the label
 * (QA S63 #9).
 */
export function AssigneeName({ name, active }: { name: string | null; active?: boolean | null }) {
  const { t } = useI18n();
  if (!name) return <span className="muted">{t.ticketPage.unassigned}</span>;
  return (
    <span>
      {name}
      {active === false && (
        <>
          {' '}
          <span className="muted">{t.ticketPage.inactivePerson}</span>
        </>
      )}
    </span>
  );
}
