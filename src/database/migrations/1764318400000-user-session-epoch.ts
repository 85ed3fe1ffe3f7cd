import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-04 (security): a password change or reset, a deactivation or a removed role ends the user's
 * existing sessions. Session tokens carry the user's `session_epoch` (claim `sep`); bumping it
 * refuses every token issued before. A counter, not a timestamp: no clock skew between the
 * database and the API, no same-second window. `sessions_ended_because` says why, so the refusal
 * can say so. Tokens from before this migration have no claim and count as epoch 0.
 */
export class UserSessionEpoch1764318400000 implements MigrationInterface {
  name = 'UserSessionEpoch1764318400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN session_epoch integer NOT NULL DEFAULT 0 CHECK (session_epoch >= 0),
        ADD COLUMN sessions_ended_because text
          CHECK (sessions_ended_because IN
            ('PASSWORD_CHANGED', 'PASSWORD_RESET', 'DEACTIVATED', 'ROLES_REMOVED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE app_user DROP COLUMN sessions_ended_because, DROP COLUMN session_epoch`,
    );
  }
}
