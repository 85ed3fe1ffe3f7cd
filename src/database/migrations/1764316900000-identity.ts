import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity (L3-04: portal users are issued by the provider): organisations and their users.
 *
 * Which roles a user may hold depends on the kind of their organisation. A CHECK cannot read
 * another table, so the user row carries its organisation's kind, pinned by a composite foreign
 * key to (organization.id, organization.kind): the kind cannot drift, and the CHECK can use it.
 */
export class Identity1764316900000 implements MigrationInterface {
  name = 'Identity1764316900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('PROVIDER', 'CLIENT')),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_organization_id_kind UNIQUE (id, kind)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_organization_slug ON organization (slug)`);
    // One provider per installation: its staff see every client, so a second one is a mistake.
    await q.query(
      `CREATE UNIQUE INDEX uq_organization_single_provider ON organization (kind) WHERE kind = 'PROVIDER'`,
    );

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        organization_kind text NOT NULL,
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '_%@_%'),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        locale text NOT NULL DEFAULT 'es-MX' CHECK (locale IN ('es-MX', 'en')),
        time_zone text NOT NULL DEFAULT 'America/Mexico_City',
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_app_user_organization FOREIGN KEY (organization_id, organization_kind)
          REFERENCES organization (id, kind),
        CONSTRAINT ck_app_user_roles_fit_organization CHECK (
          CASE organization_kind
            WHEN 'CLIENT' THEN roles <@ ARRAY['CLIENT_USER', 'CLIENT_APPROVER']::text[]
            WHEN 'PROVIDER' THEN roles <@ ARRAY['AGENT', 'MANAGER', 'ADMIN']::text[]
            ELSE false
          END
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_app_user_email ON app_user (email)`);
    await q.query(`CREATE INDEX ix_app_user_organization ON app_user (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organization`);
  }
}
