import type { WorkListEntry } from '../api/planning';
import { useI18n } from '../i18n/i18n-context';
import { clockTimeWords, dueClockKind, overdueClock } from '../tickets/clock-texts';
import { idleDueText } from '../tickets/idle-due-text';
import { AssigneeName, DueSummary, SlaBadge, stateText, TicketCells } from '../tickets/ticket-bits';
import { DeliveryRiskBadge } from './delivery-risk-badge';

/**
 * The planning module's work list (L3-10): place, ticket, client (and its rank), state, SLA, and
 * who has it (L3-07), and what is due — the running clock's deadline, named by its clock
 * («Avance periódico · vence …», L3-06…L3-09), and, for a ticket with a published release date
 * (L3-19), that date, flagged "Entrega en riesgo (+N días hábiles)" when the plan no longer meets
 * it. A published date is not an SLA clock, but it is a promise: never "Sin plazo en curso".
 * Nothing due says why, as staff's ticket lists do (QA S21): e.g. «En pausa: esperando al
 * cliente» with the business time the paused clock keeps (L3-06…L3-08).
 * On a phone each ticket is a stacked block of labelled cells (QA S16: the SLA and the deadline
 * were off-screen behind a sideways scroll).
 */
export function WorkListTable({
  items,
  clients,
}: {
  items: WorkListEntry[];
  clients: Map<string, string>;
}) {
  const { t, language } = useI18n();
  const w = t.planning.workList;
  const idleWords = { due: t.ticketBrowser.due, noDeadline: t.tickets.noDeadline };
  return (
    <div className="table-wrap">
      <table data-testid="queue" className="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">{w.place}</th>
            <th scope="col">{t.tickets.number}</th>
            <th scope="col">{t.tickets.subject}</th>
            <th scope="col">{w.client}</th>
            <th scope="col">{t.tickets.state}</th>
            <th scope="col">{t.tickets.sla}</th>
            <th scope="col">{w.due}</th>
            <th scope="col">{t.ticketPage.assignee}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.ticketNumber} data-number={e.ticketNumber}>
              <td data-label={w.place}>{e.position}</td>
              <TicketCells number={e.ticketNumber} subject={e.subject} kind={e} />
              {/* Each labelled cell holds one element: a phone's card puts a cell's second
                  element under the label instead of under the value (QA S20). */}
              <td data-label={w.client}>
                <span>
                  {clients.get(e.organizationId) ?? '—'}
                  <span className="muted small block">{w.clientRank(e.rank, e.urgent)}</span>
                </span>
              </td>
              <td data-label={t.tickets.state}>
                {stateText(t, e.state, false, e.confirmedRemoteSessionAt)}
              </td>
              <td data-label={t.tickets.sla}>
                <span>
                  <SlaBadge status={e.slaStatus} />
                </span>
              </td>
              <td data-label={w.due}>
                <span>
                  <DueSummary
                    deadline={e.nextDeadline}
                    clockKind={dueClockKind(e.clocks, e.nextDeadline)}
                    releaseDate={e.releaseDate}
                    overdue={overdueClock(e.clocks)}
                    idle={idleDueText(e, false, idleWords, clockTimeWords[language])}
                  />
                  <DeliveryRiskBadge entry={e} />
                </span>
              </td>
              {/* L3-07: who has it, as staff's ticket lists say. */}
              <td data-testid="work-assignee" data-label={t.ticketPage.assignee}>
                <AssigneeName name={e.assigneeName} active={e.assigneeActive} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
