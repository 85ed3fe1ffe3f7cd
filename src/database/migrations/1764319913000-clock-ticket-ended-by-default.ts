import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ENDED_TICKET_STATES } from './1764319760000-clock-ticket-ended';

const ENDED = `ARRAY[${ENDED_TICKET_STATES.map((s) => `'${s}'`).join(', ')}]::text[]`;

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
 * A clock row written by plain SQL (an operator's repair, a seed, a test) without
 * `ticket_ended` (L3-08: the board's «Vencidos» total skips an ended ticket's breaches) took the
 * column's default, false: a closed or cancelled ticket's breach inserted that way counted as one
 * to attend. Migration 1764319820000 made the projection write the column itself and dropped the
 * insert trigger that looked the ticket up for it; only `organization_id` (migration
 * 1764319880000) was filled from the ticket when not given.
 *
 * The column loses its default, so an insert that does not name it reaches the BEFORE trigger
 * with NULL (defaults are applied before BEFORE triggers, the NOT NULL check after them); the
 * trigger that already reads the ticket for `organization_id` then reads its state in the same
 * lookup, and the column stays NOT NULL. The projection names both columns, so its inserts and
 * upserts add no lookup. An update keeps the value it is given (the ticket's state trigger,
 * migration 1764319760000, rewrites it on closing and reopening); an explicit NULL on insert is
 * taken as «not given», as it is for `organization_id`.
 */
export class ClockTicketEndedByDefault1764319913000 implements MigrationInterface {
  name = 'ClockTicketEndedByDefault1764319913000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_clock ALTER COLUMN ticket_ended DROP DEFAULT`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ticket_clock_time_zone() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        ticket_org uuid;
        ticket_state text;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          NEW.time_zone := OLD.time_zone;
          NEW.organization_id := OLD.organization_id;
          RETURN NEW;
        END IF;
        IF NEW.organization_id IS NULL OR NEW.ticket_ended IS NULL THEN
          SELECT t.organization_id, t.state INTO ticket_org, ticket_state
            FROM ticket t WHERE t.number = NEW.ticket_number;
          NEW.organization_id := COALESCE(NEW.organization_id, ticket_org);
          NEW.ticket_ended := COALESCE(NEW.ticket_ended, ticket_state = ANY(${ENDED}), false);
        END IF;
        IF NEW.time_zone IS NULL THEN
          NEW.time_zone := ${TIME_ZONE};
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Migration 1764319880000's function, word for word.
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
    await q.query(`ALTER TABLE ticket_clock ALTER COLUMN ticket_ended SET DEFAULT false`);
  }
}
