import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-04: self-service password reset requests not yet carried out. `requestPasswordReset` inserts
 * the normalized address before it answers (the same one INSERT for any address, so the answer
 * tells no account by its time) and carries the request out after the answer; that work deletes
 * the row in the transaction that issues the link and queues its email. A row left by a crash or
 * by failed tries is carried out by PasswordResetRequestsService's sweep (at boot and every
 * minute), and deleted unsent once 30 min old. So an address, known or not, stays here only until
 * its request is carried out or given up. `ix_password_reset_request_at` serves the sweep.
 */
export class PasswordResetRequest1764320100000 implements MigrationInterface {
  name = 'PasswordResetRequest1764320100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset_request (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX ix_password_reset_request_at ON password_reset_request (requested_at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE password_reset_request');
  }
}
