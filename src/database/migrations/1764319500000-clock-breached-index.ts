import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA board's «Vencidos» lists clocks breached on tickets still open, most recent breach
 * first: a range index on the breach, newest first, lets it walk the latest breaches and stop at
 * a page instead of sorting every breach ever recorded.
 */
export class ClockBreachedIndex1764319500000 implements MigrationInterface {
  name = 'ClockBreachedIndex1764319500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_ticket_clock_breached ON ticket_clock (breached_at DESC, clock_id)
        WHERE breached_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_clock_breached`);
  }
}
