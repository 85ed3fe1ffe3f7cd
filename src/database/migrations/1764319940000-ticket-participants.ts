import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11 (S19): a ticket's participants, client users of its organisation who get the emails its
 * registrant gets (Jira SM's request participants, Zendesk's CCs). One row per ticket and user, so
 * adding twice changes nothing; `added_by` and `added_at` say who added them and when. Not a
 * workflow fact: the API writes it directly, outside the ticket's event history.
 * `ix_ticket_participant_user` serves a user's participations (and the user FK's checks).
 */
export class TicketParticipants1764319940000 implements MigrationInterface {
  name = 'TicketParticipants1764319940000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_participant (
        ticket_number text NOT NULL REFERENCES ticket(number) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        added_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_number, user_id)
      )`);
    await q.query('CREATE INDEX ix_ticket_participant_user ON ticket_participant (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ticket_participant');
  }
}
