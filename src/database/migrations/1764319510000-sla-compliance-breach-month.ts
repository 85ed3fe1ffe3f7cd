import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A breached clock is missed from the moment it breaches (it can never be met): the compliance
 * rollup counts it as breached in the month (UTC) of its breach, whether it has ended or still
 * runs, instead of only once it ends (QA: «Avance periódico 100 % · 0 vencidos» next to a listed
 * breach). A clock never breached counts in the month it ended, as met when it ended MET.
 * `ended` becomes `clocks`: every clock counted in the row (breached, or ended without breach).
 * The trigger of migration 1764317900000 is unchanged (it already reacts to `breached_at`); the
 * rows are rebuilt from the clocks.
 */
export class SlaComplianceBreachMonth1764319510000 implements MigrationInterface {
  name = 'SlaComplianceBreachMonth1764319510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla_compliance_month RENAME COLUMN ended TO clocks`);
    await q.query(`
      CREATE OR REPLACE FUNCTION sla_compliance_add(clock ticket_clock, sign integer) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        IF clock.breached_at IS NULL AND clock.ended_at IS NULL THEN RETURN; END IF;
        INSERT INTO sla_compliance_month AS m (month, kind, organization_id, clocks, met, breached)
        SELECT to_char(COALESCE(clock.breached_at, clock.ended_at) AT TIME ZONE 'UTC', 'YYYY-MM'),
               clock.kind, t.organization_id,
               sign,
               sign * (clock.breached_at IS NULL AND clock.status = 'MET')::int,
               sign * (clock.breached_at IS NOT NULL)::int
          FROM ticket t WHERE t.number = clock.ticket_number
        ON CONFLICT (month, kind, organization_id) DO UPDATE
          SET clocks = m.clocks + EXCLUDED.clocks,
              met = m.met + EXCLUDED.met,
              breached = m.breached + EXCLUDED.breached;
      END $$`);
    await q.query(`DELETE FROM sla_compliance_month`);
    await q.query(`
      INSERT INTO sla_compliance_month (month, kind, organization_id, clocks, met, breached)
      SELECT to_char(COALESCE(c.breached_at, c.ended_at) AT TIME ZONE 'UTC', 'YYYY-MM'), c.kind,
             t.organization_id, count(*),
             count(*) FILTER (WHERE c.breached_at IS NULL AND c.status = 'MET'),
             count(*) FILTER (WHERE c.breached_at IS NOT NULL)
        FROM ticket_clock c JOIN ticket t ON t.number = c.ticket_number
       WHERE c.breached_at IS NOT NULL OR c.ended_at IS NOT NULL
       GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla_compliance_month RENAME COLUMN clocks TO ended`);
    await q.query(`
      CREATE OR REPLACE FUNCTION sla_compliance_add(clock ticket_clock, sign integer) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        IF clock.ended_at IS NULL THEN RETURN; END IF;
        INSERT INTO sla_compliance_month AS m (month, kind, organization_id, ended, met, breached)
        SELECT to_char(clock.ended_at AT TIME ZONE 'UTC', 'YYYY-MM'), clock.kind, t.organization_id,
               sign,
               sign * (clock.breached_at IS NULL AND clock.status = 'MET')::int,
               sign * (clock.breached_at IS NOT NULL)::int
          FROM ticket t WHERE t.number = clock.ticket_number
        ON CONFLICT (month, kind, organization_id) DO UPDATE
          SET ended = m.ended + EXCLUDED.ended,
              met = m.met + EXCLUDED.met,
              breached = m.breached + EXCLUDED.breached;
      END $$`);
    await q.query(`DELETE FROM sla_compliance_month`);
    await q.query(`
      INSERT INTO sla_compliance_month (month, kind, organization_id, ended, met, breached)
      SELECT to_char(c.ended_at AT TIME ZONE 'UTC', 'YYYY-MM'), c.kind, t.organization_id, count(*),
             count(*) FILTER (WHERE c.breached_at IS NULL AND c.status = 'MET'),
             count(*) FILTER (WHERE c.breached_at IS NOT NULL)
        FROM ticket_clock c JOIN ticket t ON t.number = c.ticket_number
       WHERE c.ended_at IS NOT NULL
       GROUP BY 1, 2, 3`);
  }
}
