import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-04 (security): when a user's session epoch moves (password change or reset, deactivation,
 * removed role), `session_ended` is notified in the same transaction, so it is heard on commit and
 * never for a change rolled back, whichever path or API instance made it. Every API instance
 * LISTENs and closes that user's open WebSocket connections of an earlier epoch
 * (`src/live/live-sessions.service.ts`). Payload: `{"userId", "epoch", "cause"}`.
 */
export class SessionEndedNotify1764318650000 implements MigrationInterface {
  name = 'SessionEndedNotify1764318650000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_user_session_ended_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('session_ended', json_build_object(
          'userId', NEW.id, 'epoch', NEW.session_epoch, 'cause', NEW.sessions_ended_because)::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_app_user_session_ended
        AFTER UPDATE OF session_epoch ON app_user
        FOR EACH ROW WHEN (NEW.session_epoch > OLD.session_epoch)
        EXECUTE FUNCTION app_user_session_ended_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_app_user_session_ended ON app_user`);
    await q.query(`DROP FUNCTION app_user_session_ended_notify()`);
  }
}
