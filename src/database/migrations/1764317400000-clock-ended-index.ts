import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SLA compliance reads ended clocks by month: a range index on their end. */
export class ClockEndedIndex1764317400000 implements MigrationInterface {
  name = 'ClockEndedIndex1764317400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_ticket_clock_ended ON ticket_clock (ended_at) WHERE ended_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_clock_ended`);
  }
}
