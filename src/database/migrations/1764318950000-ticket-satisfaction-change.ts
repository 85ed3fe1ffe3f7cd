import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11 satisfaction: every rating given to a ticket, the first and each change, so the ticket's
 * history shows the score that caused a low-rating alert even after the client changed it.
 * Ratings given before this keep one entry: their current score, at their last change.
 */
export class TicketSatisfactionChange1764318950000 implements MigrationInterface {
  name = 'TicketSatisfactionChange1764318950000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_satisfaction_change (
        id bigserial PRIMARY KEY,
        ticket_number text NOT NULL REFERENCES ticket_satisfaction (ticket_number),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text,
        rated_by uuid NOT NULL REFERENCES app_user (id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_ticket_satisfaction_change_ticket ON ticket_satisfaction_change (ticket_number, at)`,
    );
    await q.query(`
      INSERT INTO ticket_satisfaction_change (ticket_number, score, comment, rated_by, at)
      SELECT ticket_number, score, comment, rated_by, updated_at FROM ticket_satisfaction`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_satisfaction_change`);
  }
}
