import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5 item 5: the login throttle's failures in PostgreSQL, so every API instance counts the
 * same ones (before: in memory, per instance; two instances behind a load balancer let twice the
 * guesses through). One row per failed attempt, keyed by what is throttled (`login:<email>|<ip>`,
 * `password:<user>|<ip>`); rows older than the window are deleted as new failures come.
 */
export class LoginFailure1764319200000 implements MigrationInterface {
  name = 'LoginFailure1764319200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        throttle_key text NOT NULL CHECK (length(throttle_key) BETWEEN 1 AND 1000),
        failed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX login_failure_key_at ON login_failure (throttle_key, failed_at)`);
    await q.query(`CREATE INDEX login_failure_at ON login_failure (failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failure`);
  }
}
