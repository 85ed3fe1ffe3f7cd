import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queue and re-planning (issue 8, L3-10, L3-14, L3-19): per client organisation the planning
 * settings (provider hours per business day, WhatsApp group link), the client's ranking of its open
 * tickets, and every confirmed reorder with the date changes it published.
 */
export class Planning1764317500000 implements MigrationInterface {
  name = 'Planning1764317500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE planning_settings (
        organization_id uuid PRIMARY KEY REFERENCES organization (id),
        -- NULL: the default capacity (DEFAULT_HOURS_PER_BUSINESS_DAY in src/planning).
        hours_per_business_day numeric(4, 2)
          CHECK (hours_per_business_day >= 0.25 AND hours_per_business_day <= 24),
        whatsapp_group_url text
          CHECK (whatsapp_group_url ~ '^https://chat\\.whatsapp\\.com/[A-Za-z0-9]{10,40}$'),
        updated_by uuid NOT NULL REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE queue_reorder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        actor_id uuid NOT NULL REFERENCES app_user (id),
        actor_role text NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        ticket_order text[] NOT NULL,
        urgent text[] NOT NULL,
        -- [{ ticketNumber, subject, oldDate, newDate }]: exactly what the preview showed.
        changes jsonb NOT NULL,
        -- The preview's token: a retried confirmation finds its reorder instead of a new one.
        preview_token text NOT NULL UNIQUE,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_queue_reorder_org_at ON queue_reorder (organization_id, at)`);
    await q.query(`
      CREATE TABLE queue_rank (
        ticket_number text PRIMARY KEY REFERENCES ticket (number),
        organization_id uuid NOT NULL REFERENCES organization (id),
        rank integer NOT NULL CHECK (rank >= 1),
        urgent boolean NOT NULL DEFAULT false,
        reorder_id uuid NOT NULL REFERENCES queue_reorder (id),
        UNIQUE (organization_id, rank)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_rank`);
    await q.query(`DROP TABLE queue_reorder`);
    await q.query(`DROP TABLE planning_settings`);
  }
}
