import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The biweekly checkpoint (L3-15).
 *
 * - `checkpoint_settings`: per client, the business weekday and local time of its checkpoint and
 *   the first date of the 14-day cadence; the client's Temporal Schedule is derived from it.
 * - `checkpoint`: one agenda per run of the checkpoint workflow (`run_key` = its workflow ID, so a
 *   retried activity finds the agenda it already wrote). Append-only.
 * - `checkpoint_decision`: the meeting's notes and new priorities, recorded against an agenda.
 *   Append-only: a later decision is a new row.
 */
export class Checkpoints1764317600000 implements MigrationInterface {
  name = 'Checkpoints1764317600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE checkpoint_settings (
        organization_id uuid PRIMARY KEY,
        organization_kind text NOT NULL DEFAULT 'CLIENT' CHECK (organization_kind = 'CLIENT'),
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
        local_time text NOT NULL CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        anchor_date date NOT NULL,
        time_zone text NOT NULL,
        updated_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_checkpoint_settings_client FOREIGN KEY (organization_id, organization_kind)
          REFERENCES organization (id, kind)
      )`);

    await q.query(`
      CREATE TABLE checkpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        run_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SCHEDULED', 'MOVED_TO_NEXT_BUSINESS_MOMENT', 'MANUAL')),
        scheduled_for timestamptz,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        agenda jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_checkpoint_run_key UNIQUE (run_key),
        CONSTRAINT ck_checkpoint_period CHECK (period_start <= period_end)
      )`);
    await q.query(
      `CREATE INDEX ix_checkpoint_organization ON checkpoint (organization_id, period_end DESC)`,
    );

    await q.query(`
      CREATE TABLE checkpoint_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        checkpoint_id uuid NOT NULL REFERENCES checkpoint (id),
        notes text NOT NULL CHECK (length(btrim(notes)) BETWEEN 1 AND 10000),
        new_priorities jsonb,
        priorities_status text NOT NULL
          CHECK (priorities_status IN ('NONE', 'APPLIED', 'STORED')),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_by_role text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_checkpoint_decision_checkpoint ON checkpoint_decision (checkpoint_id, recorded_at)`,
    );

    for (const table of ['checkpoint', 'checkpoint_decision']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION forbid_append_only_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE checkpoint_decision`);
    await q.query(`DROP TABLE checkpoint`);
    await q.query(`DROP TABLE checkpoint_settings`);
  }
}
