import type { EntityManager } from 'typeorm';
import { LedgerEntryKind } from '../contracts/contract-enums';
import { LedgerReasonCode } from '../contracts/hour-ledger-reason';
import { toHours, toHundredths } from '../contracts/hours';
import { foldTotals } from '../contracts/ledger-rules';
import { TICKET_TOTALS_SQL, toTotal, type TotalRow } from '../contracts/ledger-totals';
import type { ClosedEvent } from './notification-event';

/**
 * L3-09, L3-12/L3-13, L3-18: «Ticket cerrado» tells the hours the ticket charged to the package,
 * the reserved hours that go back and the hours logged free of charge. Read inside the transaction
 * that queues the email, from where the balance and the statement read them: the ticket's ledger
 * (`TICKET_TOTALS_SQL`, its entries only, not the organization's whole ledger) folded by
 * `foldTotals` (`consumed`, the charged consumption net of reversals; `held`, the outstanding
 * reservation, which the ended run releases right after this closure: `releaseUnusedReservation`
 * gives back exactly it, as a TICKET_ENDED release) and its time entries (the logged hours). A
 * ticket with neither (a problem nobody logged time on, a requirement closed before any
 * authorization) gets no hours.
 */
export async function withClosureHours(
  manager: Pick<EntityManager, 'query'>,
  event: ClosedEvent,
): Promise<ClosedEvent> {
  if (event.chargedHours !== undefined) return event;
  const { number, clientOrgId } = event.ticket;
  // The email is queued after the closure is logged (TicketEmailRelay), maybe once the ended run
  // has given the hold back already: what it gave back counts as returned too. One statement, so
  // one snapshot: read apart (READ COMMITTED), a release committed between the reads counted both
  // as still held and as given back (12 h reserved, 9.5 h charged: «Se devuelven 5 h»).
  const [{ totals, logged, released }] = await manager.query<
    { totals: TotalRow[]; logged: string; released: string }[]
  >(
    `SELECT (SELECT COALESCE(json_agg(t), '[]'::json) FROM (${TICKET_TOTALS_SQL}) t) AS totals,
            (SELECT COALESCE(sum(hours), 0) FROM time_entry
              WHERE organization_id = $1 AND ticket_number = $2) AS logged,
            (SELECT COALESCE(-sum(hours), 0) FROM hour_ledger_entry
              WHERE organization_id = $1 AND ticket_number = $2 AND kind = $3
                AND reason_parts ->> 'code' = $4) AS released`,
    [clientOrgId, number, LedgerEntryKind.RESERVATION_RELEASE, LedgerReasonCode.TICKET_ENDED],
  );
  const ticket = foldTotals(totals.map(toTotal)).tickets.get(number);
  const loggedHours = toHours(toHundredths(logged));
  const charged = Math.max(0, ticket?.consumed ?? 0);
  const returned = Math.max(0, ticket?.held ?? 0) + toHundredths(released);
  if (loggedHours <= 0 && charged <= 0 && (ticket?.estimateVersion ?? null) === null) return event;
  return {
    ...event,
    chargedHours: toHours(charged),
    ...(loggedHours > toHours(charged) ? { loggedHours } : {}),
    ...(returned > 0 ? { returnedHours: toHours(returned) } : {}),
  };
}
