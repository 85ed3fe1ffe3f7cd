import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ENDED_TICKET_STATES } from './1764319760000-clock-ticket-ended';

const ENDED = `ARRAY[${ENDED_TICKET_STATES.map((s) => `'${s}'`).join(', ')}]::text[]`;

/**
 * `ticket_clock.ticket_ended` (migration 1764319760000, L3-08: the board's «Vencidos» total) was
 * set on insert by a BEFORE INSERT trigger that looked the ticket up, for every clock row the
 * projection writes, including each transition's ON CONFLICT upsert (the trigger runs before the
 * conflict is found). The projection writes the ticket's state in the same statement, so it now
 * writes `ticket_ended` itself; only the trigger on the ticket's state change (closing, reopening)
 * stays, for the ticket's clocks a batch does not carry.
 */
export class ClockTicketEndedByProjection1764319820000 implements MigrationInterface {
  name = 'ClockTicketEndedByProjection1764319820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_ticket_clock_ticket_ended ON ticket_clock`);
    await q.query(`DROP FUNCTION ticket_clock_ticket_ended()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ticket_clock_ticket_ended() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.ticket_ended := EXISTS (SELECT 1 FROM ticket t
                                     WHERE t.number = NEW.ticket_number AND t.state = ANY(${ENDED}));
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_ticket_clock_ticket_ended BEFORE INSERT ON ticket_clock
      FOR EACH ROW EXECUTE FUNCTION ticket_clock_ticket_ended()`);
  }
}
