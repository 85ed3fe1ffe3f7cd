import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TicketStartReconciler looks every 30 s for registrations whose workflow never started: a
 * partial index holds just those rows (normally none), so the sweep never scans the ticket table.
 */
export class TicketUnstartedIndex1764318000000 implements MigrationInterface {
  name = 'TicketUnstartedIndex1764318000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_ticket_unstarted ON ticket (registered_at) WHERE workflow_started_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_unstarted`);
  }
}
