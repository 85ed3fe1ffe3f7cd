import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SLA clock events (at risk, breached), unique per clock and event so a retry never doubles one. */
export class SlaEvents1764316800000 implements MigrationInterface {
  name = 'SlaEvents1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clock_id text NOT NULL,
        ticket_key text NOT NULL,
        clock_kind text NOT NULL CHECK (clock_kind IN ('triage', 'diagnosis', 'scheduling', 'progress')),
        event text NOT NULL CHECK (event IN ('at_risk', 'breached')),
        deadline timestamptz NOT NULL,
        fired_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_sla_event_clock_event ON sla_event (clock_id, event)`);
    await q.query(`CREATE INDEX ix_sla_event_ticket ON sla_event (ticket_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_event`);
  }
}
