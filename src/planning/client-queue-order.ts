import type { EntityManager } from 'typeorm';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { compareQueued, type Queued } from './queue-order';

/**
 * L3-10: the order of a client's open tickets in its queue (urgent, then the client's rank, then
 * arrival; see {@link compareQueued}), read from the ticket read model and the stored ranks only.
 * It needs no Temporal client, so the worker (the L3-15 checkpoint agenda) shares the rule with
 * `QueueService` instead of falling back to arrival order.
 */
export async function clientQueueOrder(
  db: Pick<EntityManager, 'query'>,
  organizationId: string,
): Promise<string[]> {
  const rows = await db.query<
    { number: string; registered_at: Date; rank: number | null; urgent: boolean | null }[]
  >(
    `SELECT t.number, t.registered_at, r.rank, r.urgent
       FROM ticket t
       LEFT JOIN queue_rank r ON r.ticket_number = t.number
      WHERE t.organization_id = $1 AND t.state <> ALL ($2::text[])`,
    [organizationId, TERMINAL_STATES],
  );
  return rows
    .map((r): Queued => ({
      ticketNumber: r.number,
      registeredAt: new Date(r.registered_at),
      rank: r.rank,
      urgent: r.urgent ?? false,
    }))
    .sort(compareQueued)
    .map((q) => q.ticketNumber);
}

/** `items` in the order `order` lists their numbers; items it does not list keep theirs, last. */
export function inQueueOrder<T extends { readonly number: string }>(
  items: readonly T[],
  order: readonly string[],
): T[] {
  const position = new Map(order.map((n, i) => [n, i]));
  const at = (t: T) => position.get(t.number) ?? order.length;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => at(a.item) - at(b.item) || a.index - b.index)
    .map(({ item }) => item);
}
