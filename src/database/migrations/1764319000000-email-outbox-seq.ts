import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11: emails go in the order they were queued. The events of one transition are queued in one
 * transaction, so their rows share `created_at` (the transaction's time) and the dispatcher could
 * send «Ticket asignado» before «Ticket clasificado». `seq` numbers the rows as they are inserted.
 */
export class EmailOutboxSeq1764319000000 implements MigrationInterface {
  name = 'EmailOutboxSeq1764319000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_outbox ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_outbox DROP COLUMN seq`);
  }
}
