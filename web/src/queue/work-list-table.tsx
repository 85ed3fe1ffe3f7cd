import type { QueueEntry } from '../api/planning';
import { useI18n } from '../i18n/i18n-context';
import { DueSummary, SlaBadge, TicketCells } from '../tickets/ticket-bits';
import { DeliveryRiskBadge } from './delivery-risk-badge';

/**
 * The planning module's work list (L3-10): place, ticket, client (and its rank), state, SLA, and
 * what is due — the running clock's deadline and, for a ticket with a published release date
 * (L3-19), that date, flagged "Entrega en riesgo (+N días hábiles)" when the plan no longer meets
 * it. A published date is not an SLA clock, but it is a promise: never "Sin plazo en curso".
 * On a phone each ticket is a stacked block of labelled cells (QA S16: the SLA and the deadline
 * were off-screen behind a sideways scroll).
 */
export function WorkListTable({
  items,
  clients,
}: {
  items: QueueEntry[];
  clients: Map<string, string>;
}) {
  const { t } = useI18n();
  const w = t.planning.workList;
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
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.ticketNumber} data-number={e.ticketNumber}>
              <td data-label={w.place}>{e.position}</td>
              <TicketCells number={e.ticketNumber} subject={e.subject} category={e.category} />
              {/* Each labelled cell holds one element: a phone's card puts a cell's second
                  element under the label instead of under the value (QA S20). */}
              <td data-label={w.client}>
                <span>
                  {clients.get(e.organizationId) ?? '—'}
                  <span className="muted small block">{w.clientRank(e.rank, e.urgent)}</span>
                </span>
              </td>
              <td data-label={t.tickets.state}>{t.tickets.states[e.state] ?? e.state}</td>
              <td data-label={t.tickets.sla}>
                <span>
                  <SlaBadge status={e.slaStatus} />
                </span>
              </td>
              <td data-label={w.due}>
                <span>
                  <DueSummary deadline={e.nextDeadline} releaseDate={e.releaseDate} />
                  <DeliveryRiskBadge entry={e} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
