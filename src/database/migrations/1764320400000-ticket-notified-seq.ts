import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11: a ticket's emails are queued from its event log after the projection commits
 * (TicketEmailRelay), no longer inside the projection's transaction. `notified_seq` is how far the
 * log was relayed; every event logged before this migration already had its emails queued. The
 * partial index holds only the tickets whose log is ahead of their emails (the relay's sweep).
 */
export class TicketNotifiedSeq1764320400000 implements MigrationInterface {
  name = 'TicketNotifiedSeq1764320400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket ADD COLUMN notified_seq integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE ticket SET notified_seq = last_event_seq WHERE last_event_seq > 0`);
    await q.query(
      `CREATE INDEX ticket_emails_pending ON ticket (number) WHERE notified_seq < last_event_seq`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket_emails_pending`);
    await q.query(`ALTER TABLE ticket DROP COLUMN notified_seq`);
  }
}
