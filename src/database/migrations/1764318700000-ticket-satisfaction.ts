import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer satisfaction of closed tickets (L3-07/L3-09 closure, L3-11): one rating per ticket,
 * 1–5 with an optional comment, given by a client user of the ticket's organisation once the
 * ticket is CLOSED. The ticket's workflow has ended by then, so the rating is kept here, next to
 * the read model, and not in the event log (a read-model rebuild leaves this table alone).
 *
 * `rated_at` is the first rating and never moves: the rating may be changed for 14 days after it
 * (`updated_at` = the last change), and the low-rating email to the managers is keyed on it, so
 * it goes once per rating however often the score is changed.
 */
export class TicketSatisfaction1764318700000 implements MigrationInterface {
  name = 'TicketSatisfaction1764318700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_satisfaction (
        ticket_number text PRIMARY KEY REFERENCES ticket (number),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text CHECK (comment IS NULL OR char_length(comment) BETWEEN 1 AND 2000),
        rated_by uuid NOT NULL REFERENCES app_user (id),
        rated_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_ticket_satisfaction_updated CHECK (updated_at >= rated_at)
      )`);
    // The managers' summary reads a period of ratings (by first rating).
    await q.query(`CREATE INDEX ix_ticket_satisfaction_rated_at ON ticket_satisfaction (rated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_satisfaction`);
  }
}
