import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Migration 1764319610000's zone of a new clock: its calendar version's, else the current one's. */
const TIME_ZONE = `COALESCE(
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
            'UTC')`;

/**
 * The SLA board's totals for one client (`slaTimerCounts` with `organizationId`, L3-06…L3-09)
 * joined every ticket of that client to find its clocks: a client with 50,000 tickets read them
 * all on every refresh of its board. Each clock row now carries its ticket's client
 * (`organization_id`; a ticket never changes client), written by the projection with the clocks
 * of every batch (the ticket row it updates in the same statement returns it), so the client's
 * open clocks and open breaches are each an index-only scan of a partial index of their own.
 *
 * Measured (EXPLAIN ANALYZE, a scratch database: 100,000 tickets, 50,000 of the client, 10 % open
 * with a running or paused clock, 10 % of triage clocks breached; 2 shared busy cores): 251 ms
 * median (155–369) before, two hash joins over the client's 50,000 tickets; 3 ms median (2–12)
 * after, two index-only scans, the same four counts.
 *
 * A clock written by plain SQL without the column (tests, benchmarks, an operator's repair) gets
 * it from its ticket in the BEFORE trigger that already looks the ticket up for the clock's time
 * zone; the projection names it, so the trigger adds no lookup for it. An update keeps it, as it
 * keeps the zone.
 */
export class ClockOrganization1764319880000 implements MigrationInterface {
  name = 'ClockOrganization1764319880000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_clock ADD COLUMN organization_id uuid`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ticket_clock_time_zone() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          NEW.time_zone := OLD.time_zone;
          NEW.organization_id := OLD.organization_id;
          RETURN NEW;
        END IF;
        IF NEW.organization_id IS NULL THEN
          NEW.organization_id := (SELECT t.organization_id FROM ticket t
                                   WHERE t.number = NEW.ticket_number);
        END IF;
        IF NEW.time_zone IS NULL THEN
          NEW.time_zone := ${TIME_ZONE};
        END IF;
        RETURN NEW;
      END $$`);
    // Existing clocks. The rollup ignores the column and the zone trigger would keep the old
    // (empty) value on update: both off while the rows are filled, as in migration 1764319760000.
    await q.query(`ALTER TABLE ticket_clock DISABLE TRIGGER trg_sla_compliance`);
    await q.query(`ALTER TABLE ticket_clock DISABLE TRIGGER trg_ticket_clock_time_zone`);
    await q.query(`
      UPDATE ticket_clock c SET organization_id = t.organization_id
        FROM ticket t WHERE t.number = c.ticket_number`);
    await q.query(`ALTER TABLE ticket_clock ENABLE TRIGGER trg_ticket_clock_time_zone`);
    await q.query(`ALTER TABLE ticket_clock ENABLE TRIGGER trg_sla_compliance`);
    await q.query(`ALTER TABLE ticket_clock ALTER COLUMN organization_id SET NOT NULL`);
    // One client's «En curso», «En pausa» and «En riesgo»: every column the counts test.
    await q.query(
      `CREATE INDEX ix_ticket_clock_org_open_counts ON ticket_clock (organization_id, kind, status)
        INCLUDE (at_risk_recorded_at, breached_at) WHERE ended_at IS NULL`,
    );
    // One client's «Vencidos»: the breaches on its tickets not ended, by kind.
    await q.query(
      `CREATE INDEX ix_ticket_clock_org_breached_open ON ticket_clock (organization_id, kind)
        WHERE breached_at IS NOT NULL AND NOT ticket_ended`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_clock_org_breached_open`);
    await q.query(`DROP INDEX ix_ticket_clock_org_open_counts`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ticket_clock_time_zone() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          NEW.time_zone := OLD.time_zone;
        ELSIF NEW.time_zone IS NULL THEN
          NEW.time_zone := ${TIME_ZONE};
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE ticket_clock DROP COLUMN organization_id`);
  }
}
