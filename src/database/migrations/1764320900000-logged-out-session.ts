import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-04 with QA S60 #2: «Cerrar sesión» ends that session on the server, not only in the browser.
 * A logged-out token is recorded by its SHA-256 (the database never holds a usable token) with its
 * user and its expiry; the session check refuses it until then. Rows past their expiry are moot
 * and are removed by the user's next logout.
 *
 * The insert notifies, in the writing transaction (heard on commit), `app_user_changed` with the
 * user's id, so every instance's session check reads the user again
 * (`src/identity/session-user-cache.ts`, migration 1764320700000), and `session_logged_out` with
 * `{ userId, tokenSha256 }`, so the WebSocket connection opened with that token is closed
 * (`src/live/live-sessions.service.ts`).
 */
export class LoggedOutSession1764320900000 implements MigrationInterface {
  name = 'LoggedOutSession1764320900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE logged_out_session (
        token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        logged_out_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_logged_out_session_user ON logged_out_session (user_id)`);
    await q.query(`
      CREATE FUNCTION logged_out_session_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('app_user_changed', NEW.user_id::text);
        PERFORM pg_notify('session_logged_out', json_build_object(
          'userId', NEW.user_id, 'tokenSha256', NEW.token_sha256)::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_logged_out_session_notify
        AFTER INSERT ON logged_out_session
        FOR EACH ROW EXECUTE FUNCTION logged_out_session_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_logged_out_session_notify ON logged_out_session`);
    await q.query(`DROP FUNCTION logged_out_session_notify()`);
    await q.query(`DROP TABLE logged_out_session`);
  }
}
