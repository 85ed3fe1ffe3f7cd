import type { MigrationInterface, QueryRunner } from 'typeorm';

const TICKET_NUMBER = `'^L3-[0-9]{4}-[0-9]{6}$'`;

/**
 * Contracts and prepaid hours (L3-01, L3-03, L3-12, L3-13, L3-16, L3-18).
 *
 * - `support_policy`: one per client organisation (monthly fee, status, the Odoo admin user kept
 *   for the provider); every change is also appended to `support_policy_event` (who, when,
 *   from → to, why).
 * - `hour_package` purchases and the `hour_ledger_entry` ledger: append-only, enforced here by
 *   triggers that refuse UPDATE, DELETE and TRUNCATE. Corrections are REVERSAL entries. There is
 *   no expiry column anywhere (L3-13).
 * - `time_entry`: every logged piece of work, with the hours actually charged (0 when waived).
 * - `ticket_billing`: the current no-charge flag per ticket (L3-18) + `ticket_billing_event`.
 *
 * Tickets are referenced by their business key (`L3-YYYY-NNNNNN`), not by a foreign key: the
 * ledger must not depend on where tickets are stored.
 */
export class Contracts1764317100000 implements MigrationInterface {
  name = 'Contracts1764317100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION forbid_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused (write a REVERSAL or a new entry instead)',
          TG_TABLE_NAME, TG_OP USING ERRCODE = 'raise_exception';
      END $$`);

    await q.query(`
      CREATE TABLE support_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        organization_kind text NOT NULL DEFAULT 'CLIENT' CHECK (organization_kind = 'CLIENT'),
        monthly_fee numeric(12, 2) NOT NULL CHECK (monthly_fee >= 0),
        currency text NOT NULL DEFAULT 'MXN' CHECK (currency ~ '^[A-Z]{3}$'),
        start_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ENDED')),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        status_reason text,
        odoo_admin_login text CHECK (length(btrim(odoo_admin_login)) BETWEEN 1 AND 200),
        odoo_admin_confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_support_policy_organization UNIQUE (organization_id),
        CONSTRAINT fk_support_policy_client FOREIGN KEY (organization_id, organization_kind)
          REFERENCES organization (id, kind)
      )`);

    await q.query(`
      CREATE TABLE support_policy_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        policy_id uuid NOT NULL REFERENCES support_policy (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL
          CHECK (kind IN ('CREATED', 'TERMS_CHANGED', 'STATUS_CHANGED', 'ODOO_ADMIN_RECORDED')),
        from_status text,
        to_status text,
        reason text CHECK (length(reason) <= 500),
        data jsonb NOT NULL DEFAULT '{}',
        actor_id uuid REFERENCES app_user (id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_support_policy_event_policy ON support_policy_event (policy_id, id)`,
    );

    await q.query(`
      CREATE TABLE hour_ledger_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        ticket_number text CHECK (ticket_number ~ ${TICKET_NUMBER}),
        kind text NOT NULL CHECK (kind IN ('PURCHASE', 'RESERVATION', 'RESERVATION_RELEASE',
          'CONSUMPTION', 'ADJUSTMENT', 'REVERSAL')),
        hours numeric(10, 2) NOT NULL,
        estimate_version integer CHECK (estimate_version >= 1),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
        reverses_entry_id bigint REFERENCES hour_ledger_entry (id),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_hour_ledger_entry_idempotency_key UNIQUE (idempotency_key),
        -- An entry is reversed at most once.
        CONSTRAINT uq_hour_ledger_entry_reverses UNIQUE (reverses_entry_id),
        -- Sign convention per kind (src/contracts/ledger-rules.ts).
        CONSTRAINT ck_hour_ledger_entry_sign CHECK (CASE kind
          WHEN 'PURCHASE' THEN hours > 0
          WHEN 'RESERVATION' THEN hours >= 0
          WHEN 'RESERVATION_RELEASE' THEN hours < 0
          WHEN 'CONSUMPTION' THEN hours <= 0
          WHEN 'ADJUSTMENT' THEN hours <> 0
          WHEN 'REVERSAL' THEN hours <> 0
        END),
        CONSTRAINT ck_hour_ledger_entry_ticket CHECK (
          (kind IN ('RESERVATION', 'RESERVATION_RELEASE', 'CONSUMPTION')) <= (ticket_number IS NOT NULL)
          AND (kind = 'RESERVATION') <= (estimate_version IS NOT NULL)
          AND (kind = 'REVERSAL') = (reverses_entry_id IS NOT NULL)
        )
      )`);
    await q.query(
      `CREATE INDEX ix_hour_ledger_entry_org ON hour_ledger_entry (organization_id, id)`,
    );
    await q.query(
      `CREATE INDEX ix_hour_ledger_entry_ticket ON hour_ledger_entry (ticket_number) WHERE ticket_number IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE hour_package (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        hours numeric(10, 2) NOT NULL CHECK (hours > 0),
        purchased_on date NOT NULL,
        reference text NOT NULL CHECK (length(btrim(reference)) BETWEEN 1 AND 200),
        price numeric(12, 2) NOT NULL CHECK (price >= 0),
        currency text NOT NULL DEFAULT 'MXN' CHECK (currency ~ '^[A-Z]{3}$'),
        ledger_entry_id bigint NOT NULL UNIQUE REFERENCES hour_ledger_entry (id),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_hour_package_org ON hour_package (organization_id)`);

    await q.query(`
      CREATE TABLE time_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        ticket_number text NOT NULL CHECK (ticket_number ~ ${TICKET_NUMBER}),
        work_date date NOT NULL,
        hours numeric(10, 2) NOT NULL CHECK (hours > 0),
        charged_hours numeric(10, 2) NOT NULL CHECK (charged_hours >= 0 AND charged_hours <= hours),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
        agent_id uuid NOT NULL REFERENCES app_user (id),
        ledger_entry_id bigint NOT NULL UNIQUE REFERENCES hour_ledger_entry (id),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_time_entry_idempotency_key UNIQUE (idempotency_key)
      )`);
    await q.query(`CREATE INDEX ix_time_entry_org_date ON time_entry (organization_id, work_date)`);

    await q.query(`
      CREATE TABLE ticket_billing (
        ticket_number text PRIMARY KEY CHECK (ticket_number ~ ${TICKET_NUMBER}),
        organization_id uuid NOT NULL REFERENCES organization (id),
        no_charge boolean NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        set_by uuid NOT NULL REFERENCES app_user (id),
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ticket_billing_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_number text NOT NULL REFERENCES ticket_billing (ticket_number),
        organization_id uuid NOT NULL REFERENCES organization (id),
        no_charge boolean NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        set_by uuid NOT NULL REFERENCES app_user (id),
        set_at timestamptz NOT NULL DEFAULT now()
      )`);

    for (const table of APPEND_ONLY) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION forbid_append_only_change()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION forbid_append_only_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'ticket_billing_event',
      'ticket_billing',
      'time_entry',
      'hour_package',
      'hour_ledger_entry',
      'support_policy_event',
      'support_policy',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION forbid_append_only_change()`);
  }
}

/** Tables whose rows are facts: never updated, never deleted. */
const APPEND_ONLY = [
  'hour_ledger_entry',
  'hour_package',
  'time_entry',
  'support_policy_event',
  'ticket_billing_event',
];
