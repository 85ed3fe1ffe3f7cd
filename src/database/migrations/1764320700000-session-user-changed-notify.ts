import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-04 (security) with issues 5/10 (the session check's cost): every API instance keeps the users
 * its session check read (`src/identity/session-user-cache.ts`) only while it hears every change
 * to them. Any update or delete of an `app_user` row notifies `app_user_changed` with the user's
 * id, in the writing transaction (heard on commit, never for a change rolled back), whichever path
 * or instance wrote it: a role added or removed, a deactivation, a new password, a new language.
 * A change to an organisation (its name is part of the row read) or a TRUNCATE of either table
 * notifies `*`: every user.
 */
export class SessionUserChangedNotify1764320700000 implements MigrationInterface {
  name = 'SessionUserChangedNotify1764320700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION session_user_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('app_user_changed',
          CASE WHEN TG_TABLE_NAME = 'app_user' AND TG_LEVEL = 'ROW' THEN OLD.id::text ELSE '*' END);
        RETURN NULL;
      END $$`);
    for (const table of ['app_user', 'organization']) {
      await q.query(`
        CREATE TRIGGER tg_${table}_session_user_changed
          AFTER UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION session_user_changed_notify()`);
      await q.query(`
        CREATE TRIGGER tg_${table}_session_user_truncated
          AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION session_user_changed_notify()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['app_user', 'organization']) {
      await q.query(`DROP TRIGGER tg_${table}_session_user_truncated ON ${table}`);
      await q.query(`DROP TRIGGER tg_${table}_session_user_changed ON ${table}`);
    }
    await q.query(`DROP FUNCTION session_user_changed_notify()`);
  }
}
