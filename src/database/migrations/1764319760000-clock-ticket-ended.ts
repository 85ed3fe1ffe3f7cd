import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket states after which a ticket's breaches are history (`TERMINAL_STATES` of
 * workflows/ticket/ticket.contract.ts when this migration was written; a unit test keeps them
 * equal).
 */
export const ENDED_TICKET_STATES = ['CLOSED', 'OUT_OF_SCOPE', 'NOT_FEASIBLE', 'CANCELLED'];

const ENDED = `ARRAY[${ENDED_TICKET_STATES.map((s) => `'${s}'`).join(', ')}]::text[]`;

/**
 * The SLA board's totals (`slaTimerCounts`, asked with the lists on every refresh) counted the
 * breaches still to attend by reading every breach ever recorded and joining each to its ticket
 * for its state: they grew with history, not with open work (81 ms p50, 133 ms p95 in the bench's
 * dashboard row). An index cannot span two tables, so each clock row carries its ticket's ended
 * state (`ticket_ended`), kept by triggers: set from the ticket when the clock is inserted, and
 * rewritten on the ticket's clocks when the ticket enters or leaves an ended state. The open
 * breaches are then a partial index of their own, and the open clocks' counts read a partial index
 * holding every column they test (both index-only scans).
 *
 * The projection updates the ticket and upserts its clocks in one statement, whose parts do not
 * see each other's rows: a clock inserted with its ticket's closing gets the old state from the
 * insert trigger, then the ticket's AFTER trigger (run once the statement is done) corrects it.
 */
export class ClockTicketEnded1764319760000 implements MigrationInterface {
  name = 'ClockTicketEnded1764319760000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ticket_clock ADD COLUMN ticket_ended boolean NOT NULL DEFAULT false`,
    );
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
    await q.query(`
      CREATE FUNCTION ticket_ended_clocks() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ticket_clock SET ticket_ended = (NEW.state = ANY(${ENDED}))
         WHERE ticket_number = NEW.number
           AND ticket_ended IS DISTINCT FROM (NEW.state = ANY(${ENDED}));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_ticket_ended_clocks AFTER UPDATE OF state ON ticket
      FOR EACH ROW WHEN ((OLD.state = ANY(${ENDED})) IS DISTINCT FROM (NEW.state = ANY(${ENDED})))
      EXECUTE FUNCTION ticket_ended_clocks()`);
    // Existing clocks. The rollup trigger ignores this column (it returns early), and the time
    // zone's keeps the zone; both are off while the rows are filled, as in migration 1764319610000.
    await q.query(`ALTER TABLE ticket_clock DISABLE TRIGGER trg_sla_compliance`);
    await q.query(`ALTER TABLE ticket_clock DISABLE TRIGGER trg_ticket_clock_time_zone`);
    await q.query(`
      UPDATE ticket_clock c SET ticket_ended = true
        FROM ticket t
       WHERE t.number = c.ticket_number AND t.state = ANY(${ENDED})`);
    await q.query(`ALTER TABLE ticket_clock ENABLE TRIGGER trg_ticket_clock_time_zone`);
    await q.query(`ALTER TABLE ticket_clock ENABLE TRIGGER trg_sla_compliance`);
    // «Vencidos» in all: the breaches on tickets not ended, by kind (the board's kind filter).
    await q.query(
      `CREATE INDEX ix_ticket_clock_breached_open ON ticket_clock (kind) INCLUDE (ticket_number)
        WHERE breached_at IS NOT NULL AND NOT ticket_ended`,
    );
    // «En curso», «En pausa» and «En riesgo» in all: every column the counts test.
    await q.query(
      `CREATE INDEX ix_ticket_clock_open_counts ON ticket_clock (kind, status)
        INCLUDE (at_risk_recorded_at, breached_at, ticket_number) WHERE ended_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_clock_open_counts`);
    await q.query(`DROP INDEX ix_ticket_clock_breached_open`);
    await q.query(`DROP TRIGGER trg_ticket_ended_clocks ON ticket`);
    await q.query(`DROP FUNCTION ticket_ended_clocks()`);
    await q.query(`DROP TRIGGER trg_ticket_clock_ticket_ended ON ticket_clock`);
    await q.query(`DROP FUNCTION ticket_clock_ticket_ended()`);
    await q.query(`ALTER TABLE ticket_clock DROP COLUMN ticket_ended`);
  }
}
