import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compliance months are the calendar's months, not UTC's (QA): a breach at 19:00 on 31 January in
 * Mexico City is a January breach for the client and its manager, and UTC called it February.
 * Each clock now keeps the time zone of the calendar version it was computed on (`time_zone`, set
 * once when the row is inserted: the ticket's calendar at the clock's `calendar_version`), and the
 * rollup counts it in that zone's month. A row keeps its zone for life, so the trigger always takes
 * a clock out of the month it put it in. The rollup is rebuilt from the clocks.
 */
export class SlaComplianceLocalMonth1764319610000 implements MigrationInterface {
  name = 'SlaComplianceLocalMonth1764319610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_clock ADD COLUMN time_zone text`);
    await q.query(`
      CREATE FUNCTION ticket_clock_time_zone() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          NEW.time_zone := OLD.time_zone;
        ELSIF NEW.time_zone IS NULL THEN
          NEW.time_zone := COALESCE(
            (SELECT v.definition ->> 'timeZone'
               FROM ticket t
               JOIN business_calendar_version v
                 ON v.calendar_id = t.calendar_id AND v.version = NEW.calendar_version
              WHERE t.number = NEW.ticket_number),
            (SELECT v.definition ->> 'timeZone'
               FROM ticket t
               JOIN business_calendar c ON c.id = t.calendar_id
               JOIN business_calendar_version v
                 ON v.calendar_id = c.id AND v.version = c.current_version
              WHERE t.number = NEW.ticket_number),
            'UTC');
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_ticket_clock_time_zone BEFORE INSERT OR UPDATE ON ticket_clock
      FOR EACH ROW EXECUTE FUNCTION ticket_clock_time_zone()`);
    // Existing clocks: the same lookup (the BEFORE UPDATE trigger keeps a zone once set, so it is
    // off while they are filled; the rollup does not react to the zone and is rebuilt below).
    await q.query(`ALTER TABLE ticket_clock DISABLE TRIGGER trg_ticket_clock_time_zone`);
    await q.query(`
      UPDATE ticket_clock c
         SET time_zone = COALESCE(
               (SELECT v.definition ->> 'timeZone' FROM business_calendar_version v
                 WHERE v.calendar_id = t.calendar_id AND v.version = c.calendar_version),
               (SELECT v.definition ->> 'timeZone'
                  FROM business_calendar k
                  JOIN business_calendar_version v
                    ON v.calendar_id = k.id AND v.version = k.current_version
                 WHERE k.id = t.calendar_id),
               'UTC')
        FROM ticket t
       WHERE t.number = c.ticket_number`);
    await q.query(`UPDATE ticket_clock SET time_zone = 'UTC' WHERE time_zone IS NULL`);
    await q.query(`ALTER TABLE ticket_clock ENABLE TRIGGER trg_ticket_clock_time_zone`);
    await q.query(`ALTER TABLE ticket_clock ALTER COLUMN time_zone SET NOT NULL`);
    await q.query(compliance('clock.time_zone'));
    await q.query(`DELETE FROM sla_compliance_month`);
    await q.query(rebuild('c.time_zone'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(compliance(`'UTC'`));
    await q.query(`DELETE FROM sla_compliance_month`);
    await q.query(rebuild(`'UTC'`));
    await q.query(`DROP TRIGGER trg_ticket_clock_time_zone ON ticket_clock`);
    await q.query(`DROP FUNCTION ticket_clock_time_zone()`);
    await q.query(`ALTER TABLE ticket_clock DROP COLUMN time_zone`);
  }
}

/** Migration 1764319510000's function, the month taken in `zone`. */
function compliance(zone: string): string {
  return `
    CREATE OR REPLACE FUNCTION sla_compliance_add(clock ticket_clock, sign integer) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
      IF clock.breached_at IS NULL AND clock.ended_at IS NULL THEN RETURN; END IF;
      INSERT INTO sla_compliance_month AS m (month, kind, organization_id, clocks, met, breached)
      SELECT to_char(COALESCE(clock.breached_at, clock.ended_at) AT TIME ZONE ${zone}, 'YYYY-MM'),
             clock.kind, t.organization_id,
             sign,
             sign * (clock.breached_at IS NULL AND clock.status = 'MET')::int,
             sign * (clock.breached_at IS NOT NULL)::int
        FROM ticket t WHERE t.number = clock.ticket_number
      ON CONFLICT (month, kind, organization_id) DO UPDATE
        SET clocks = m.clocks + EXCLUDED.clocks,
            met = m.met + EXCLUDED.met,
            breached = m.breached + EXCLUDED.breached;
    END $$`;
}

/** The rollup counted again from the clocks, the month taken in `zone`. */
function rebuild(zone: string): string {
  return `
    INSERT INTO sla_compliance_month (month, kind, organization_id, clocks, met, breached)
    SELECT to_char(COALESCE(c.breached_at, c.ended_at) AT TIME ZONE ${zone}, 'YYYY-MM'), c.kind,
           t.organization_id, count(*),
           count(*) FILTER (WHERE c.breached_at IS NULL AND c.status = 'MET'),
           count(*) FILTER (WHERE c.breached_at IS NOT NULL)
      FROM ticket_clock c JOIN ticket t ON t.number = c.ticket_number
     WHERE c.breached_at IS NOT NULL OR c.ended_at IS NOT NULL
     GROUP BY 1, 2, 3`;
}
