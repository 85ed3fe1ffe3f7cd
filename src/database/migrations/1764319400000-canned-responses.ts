import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canned responses («Respuestas predefinidas»): titled texts provider staff insert into the
 * comments and notes the client reads (L3-06 requests for information, L3-07 progress updates,
 * L3-11 emails). The API trims title and body; the checks here hold the same limits (title 1–120,
 * body 1–10,000 = COMMENT_MAX_LENGTH). Titles are unique regardless of case.
 */
export class CannedResponses1764319400000 implements MigrationInterface {
  name = 'CannedResponses1764319400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE canned_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120 AND title = btrim(title)),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
        created_by uuid NOT NULL REFERENCES app_user (id),
        updated_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_canned_response_updated CHECK (updated_at >= created_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_canned_response_title ON canned_response (lower(title))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE canned_response`);
  }
}
