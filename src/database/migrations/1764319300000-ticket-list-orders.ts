import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5 item 4: the ticket list's orders (`tickets(orderBy)`) read their pages from an index
 * each, with the ticket number as the tie-break of the cursor. Newest and oldest share one (read
 * backwards); the SLA deadline order sorts tickets without one as 'infinity'.
 */
export class TicketListOrders1764319300000 implements MigrationInterface {
  name = 'TicketListOrders1764319300000';

  async up(q: QueryRunner): Promise<void> {
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
