import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA board's «En riesgo» lists running clocks past their at-risk mark and not breached,
 * soonest deadline first (`slaTimers(atRiskOnly)`). It read every open clock and sorted the at-risk
 * ones (32 ms over the bench's 20,000 open clocks); a partial index in the list's order lets it
 * read the first page and stop (8 ms, most of it the tickets' lookups).
 */
export class ClockAtRiskIndex1764319620000 implements MigrationInterface {
  name = 'ClockAtRiskIndex1764319620000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_ticket_clock_at_risk ON ticket_clock (deadline ASC NULLS LAST)
        WHERE ended_at IS NULL AND at_risk_recorded_at IS NOT NULL AND breached_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_clock_at_risk`);
  }
}
