import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5 item 4: the ticket list's orders (`tickets(orderBy)`) read their pages from an index
 * each, with the ticket number as the tie-break of the cursor. Newest and oldest share one (read
 * backwards); the SLA deadline order sorts tickets without one as 'infinity'.
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
    await q.query(
      `CREATE INDEX ix_ticket_deadline_order ON ticket ((COALESCE(next_deadline, 'infinity'::timestamptz)), number DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_deadline_order`);
    await q.query(`DROP INDEX ix_ticket_updated`);
    await q.query(`DROP INDEX ix_ticket_registered`);
  }
}
