import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5 item 4: the ticket list's orders (`tickets(orderBy)`) read their pages from an index
 * each, with the ticket number as the tie-break of the cursor. Newest and oldest share one (read
 * backwards); the «next due» order sorts an open ticket by its nearest SLA deadline or published
 * release date, and tickets with neither as 'infinity'.
 *
 * `updated_at` becomes «Última actividad», which clients see and sort by: the newest event but an
 * internal note (the projection's rule from now on). Rows are set so from the event log.
 */
export class TicketListOrders1764319300000 implements MigrationInterface {
  name = 'TicketListOrders1764319300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE ticket t SET updated_at = v.at
      FROM (SELECT e.ticket_number, max(e.recorded_at) AS at FROM ticket_event e
            WHERE NOT (e.type = 'comment' AND e.data -> 'internal' IS DISTINCT FROM 'false'::jsonb)
            GROUP BY e.ticket_number) v
      WHERE v.ticket_number = t.number AND t.updated_at IS DISTINCT FROM v.at`);
    await q.query(`CREATE INDEX ix_ticket_registered ON ticket (registered_at, number)`);
    await q.query(`CREATE INDEX ix_ticket_updated ON ticket (updated_at, number)`);
    // DUE_SQL of src/tickets/ticket-order.ts as it was written then (what is next due of an open
    // ticket), with arrival order on ties.
    await q.query(`
      CREATE INDEX ix_ticket_deadline_order ON ticket ((CASE
        WHEN state IN ('CLOSED', 'OUT_OF_SCOPE', 'NOT_FEASIBLE', 'CANCELLED') THEN 'infinity'::timestamptz
        ELSE COALESCE(LEAST(next_deadline, release_date), 'infinity'::timestamptz) END), number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_deadline_order`);
    await q.query(`DROP INDEX ix_ticket_updated`);
    await q.query(`DROP INDEX ix_ticket_registered`);
  }
}
