import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-04: portal users are issued by the provider, so a new user sets their own password from an
 * emailed one-time link (invitation, 72 h), and an admin can send a reset link (2 h).
 *
 * Only the SHA-256 of the 32-byte random token is stored: a read of this table cannot log anyone
 * in. A link is single use (`used_at`) and a newer link for the same user revokes the older one
 * (`revoked_at`); the partial unique index keeps at most one live link per user.
 */
export class PasswordLinks1764318300000 implements MigrationInterface {
  name = 'PasswordLinks1764318300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        purpose text NOT NULL CHECK (purpose IN ('INVITATION', 'RESET')),
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        issued_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT uq_password_link_token_hash UNIQUE (token_hash),
        CONSTRAINT ck_password_link_expiry CHECK (expires_at > created_at),
        CONSTRAINT ck_password_link_spent CHECK (used_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_password_link_live ON password_link (user_id)
         WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_link`);
  }
}
