import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canned responses in the client's language: an optional English text next to the Spanish one
 * (`body`). Inserted into a ticket, the text in the registrant's language is used, Spanish when
 * there is no English one. Null: Spanish only. Same limits as `body` (1–10,000, trimmed by the API).
 */
export class CannedResponseEnglish1764319675000 implements MigrationInterface {
  name = 'CannedResponseEnglish1764319675000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE canned_response
        ADD COLUMN body_en text NULL CHECK (char_length(body_en) BETWEEN 1 AND 10000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE canned_response DROP COLUMN body_en`);
  }
}
