import type { DataSource } from 'typeorm';
import { EMAILS_BEHIND } from '../../src/tickets/ticket-email-relay';
import { eventually } from './eventually';

/**
 * Waits until every event of ticket `number` (of every ticket, without one) the read model holds
 * has its emails queued (L3-11): the worker's TicketEmailRelay queues them from the event log right
 * after the projection an Update waited on, so a spec reads the outbox of a transition it just
 * made only after this.
 */
export async function emailsQueued(db: Pick<DataSource, 'query'>, number?: string): Promise<void> {
  await eventually(
    () =>
      db.query<{ behind: number; tickets: number }[]>(
        `SELECT count(*) FILTER (WHERE ${EMAILS_BEHIND})::int AS behind,
                count(*)::int AS tickets
           FROM ticket WHERE $1::text IS NULL OR number = $1`,
        [number ?? null],
      ),
    ([row]) => row.behind === 0 && (number === undefined || row.tickets === 1),
  );
}
