import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11 (S19): who added or removed a ticket's participant, and when. `ticket_participant` holds
 * the current participants only (a removal deletes its row, so `Ticket.participants` and the
 * recipient rules read it as they are); this table keeps every change, one row per add or removal
 * that changed something (an add of a participant already there, a removal of one not there,
 * writes none). Its id keys the «you were added» email, so a re-add after a removal is a new
 * email. The current participants' adds are copied in from `added_by` and `added_at`.
 * `ix_ticket_participant_change_ticket` serves a ticket's history in order.
 */
export class TicketParticipantChanges1764320000000 implements MigrationInterface {
  name = 'TicketParticipantChanges1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_participant_change (
        id bigserial PRIMARY KEY,
        ticket_number text NOT NULL REFERENCES ticket(number) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        change text NOT NULL CHECK (change IN ('ADDED', 'REMOVED')),
        changed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX ix_ticket_participant_change_ticket ON ticket_participant_change (ticket_number, id)',
    );
    await q.query(
      'CREATE INDEX ix_ticket_participant_change_user ON ticket_participant_change (user_id)',
    );
    await q.query(
      'CREATE INDEX ix_ticket_participant_change_by ON ticket_participant_change (changed_by)',
    );
    await q.query(`
      INSERT INTO ticket_participant_change (ticket_number, user_id, change, changed_by, changed_at)
      SELECT ticket_number, user_id, 'ADDED', added_by, added_at FROM ticket_participant
       ORDER BY added_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ticket_participant_change');
  }
}
