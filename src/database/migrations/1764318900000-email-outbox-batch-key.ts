import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11: emails that may be combined (several files attached to a ticket by one person within a
 * minute) carry a batch key. While such an email waits for its window, a later one of the same
 * key and recipient is merged into it instead of queued on its own: one email for the lot.
 */
export class EmailOutboxBatchKey1764318900000 implements MigrationInterface {
  name = 'EmailOutboxBatchKey1764318900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_outbox ADD COLUMN batch_key text`);
    await q.query(`
      CREATE INDEX ix_email_outbox_waiting_batch ON email_outbox (batch_key, recipient_address)
        WHERE batch_key IS NOT NULL AND status = 'QUEUED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_email_outbox_waiting_batch`);
    await q.query(`ALTER TABLE email_outbox DROP COLUMN batch_key`);
  }
}
