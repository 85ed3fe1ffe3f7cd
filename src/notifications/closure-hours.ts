import type { EntityManager } from 'typeorm';
import { LedgerEntryKind } from '../contracts/contract-enums';
import { LedgerReasonCode } from '../contracts/hour-ledger-reason';
import { toHours, toHundredths } from '../contracts/hours';
import { foldTotals } from '../contracts/ledger-rules';
import { TICKET_TOTALS_SQL, toTotal, type TotalRow } from '../contracts/ledger-totals';
import type { CancelledEvent, ClosedEvent } from './notification-event';

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
  const hours = await ticketHours(manager, event.ticket);
  if (!hours) return event;
  const { charged, logged, returned } = hours;
  return {
    ...event,
    chargedHours: charged,
    ...(logged > charged ? { loggedHours: logged } : {}),
    ...(returned > 0 ? { returnedHours: returned } : {}),
  };
}

/**
 * L3-12/L3-13 (QA S54): «Ticket cancelado» says the hours the ticket charged too, beside the
 * unused ones that go back («Se devuelve 1 h no usada» alone left the 3 h charged unsaid). The
 * same read as {@link withClosureHours}; what goes back stays the cancel event's own figure.
 */
export async function withCancellationHours(
  manager: Pick<EntityManager, 'query'>,
  event: CancelledEvent,
): Promise<CancelledEvent> {
  if (event.chargedHours !== undefined) return event;
  const hours = await ticketHours(manager, event.ticket);
  if (!hours || (hours.charged <= 0 && hours.logged <= 0)) return event;
  return {
    ...event,
    chargedHours: hours.charged,
    ...(hours.logged > hours.charged ? { loggedHours: hours.logged } : {}),
  };
}

/**
 * A ticket's hours as its ledger and time entries hold them, in hours: charged to the package,
 * logged, and the reservation that goes (or went) back; undefined for a ticket with none of them
 * and no estimate.
 */
async function ticketHours(
  manager: Pick<EntityManager, 'query'>,
  ticket: { readonly number: string; readonly clientOrgId: string },
): Promise<{ charged: number; logged: number; returned: number } | undefined> {
  const { number, clientOrgId } = ticket;
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
  const folded = foldTotals(totals.map(toTotal)).tickets.get(number);
  const loggedHours = toHours(toHundredths(logged));
  const charged = Math.max(0, folded?.consumed ?? 0);
  const returned = Math.max(0, folded?.held ?? 0) + toHundredths(released);
  if (loggedHours <= 0 && charged <= 0 && (folded?.estimateVersion ?? null) === null) {
    return undefined;
  }
  return { charged: toHours(charged), logged: loggedHours, returned: toHours(returned) };
}
