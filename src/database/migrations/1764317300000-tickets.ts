import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets: gap-free numbers per year (L3-02), the append-only event log of every ticket workflow
 * and the read model folded from it (ticket, clocks), so the API lists and filters without asking
 * Temporal. `ticket_event` is the source of truth for a rebuild; rows are never changed.
 */
export class Tickets1764317300000 implements MigrationInterface {
  name = 'Tickets1764317300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_number_counter (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        last_value integer NOT NULL CHECK (last_value >= 0)
      )`);
    await q.query(`
      CREATE TABLE ticket (
        number text PRIMARY KEY CHECK (number ~ '^L3-[0-9]{4}-[0-9]{6,}$'),
        year integer NOT NULL,
        seq integer NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        registrant_id uuid NOT NULL REFERENCES app_user (id),
        calendar_id uuid NOT NULL REFERENCES business_calendar (id),
        category text NOT NULL,
        subject text NOT NULL,
        description text NOT NULL,
        state text NOT NULL,
        classification text,
        requirement_kind text,
        assignee_id uuid REFERENCES app_user (id),
        release_date timestamptz,
        closure_outcome text,
        sla_status text NOT NULL DEFAULT 'ok',
        next_deadline timestamptz,
        -- Estimates, written authorizations, waiting origin, closure reason…: shown, not filtered on.
        details jsonb NOT NULL DEFAULT '{}',
        registered_at timestamptz NOT NULL,
        workflow_started_at timestamptz,
        last_event_seq integer NOT NULL DEFAULT -1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (year, seq)
      )`);
    await q.query(`CREATE INDEX ix_ticket_org_state ON ticket (organization_id, state)`);
    await q.query(
      `CREATE INDEX ix_ticket_assignee ON ticket (assignee_id) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_ticket_next_deadline ON ticket (next_deadline) WHERE next_deadline IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE ticket_event (
        ticket_number text NOT NULL REFERENCES ticket (number),
        seq integer NOT NULL CHECK (seq >= 0),
        type text NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        data jsonb NOT NULL,
        -- Read-model fields after this event (set on the last event of each projected batch):
        -- event-carried state, so a rebuild folds the log without re-running workflow logic.
        read_model jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_number, seq)
      )`);
    await q.query(`
      CREATE FUNCTION ticket_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ticket_event is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER ticket_event_append_only BEFORE UPDATE OR DELETE ON ticket_event
      FOR EACH ROW EXECUTE FUNCTION ticket_event_append_only()`);
    await q.query(`
      CREATE TABLE ticket_clock (
        clock_id text PRIMARY KEY,
        ticket_number text NOT NULL REFERENCES ticket (number),
        kind text NOT NULL CHECK (kind IN ('triage', 'diagnosis', 'scheduling', 'progress')),
        run integer NOT NULL,
        status text NOT NULL CHECK (status IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED', 'STOPPED')),
        target_amount integer NOT NULL,
        target_unit text NOT NULL,
        started_at timestamptz NOT NULL,
        deadline timestamptz,
        at_risk_at timestamptz,
        budget_ms bigint NOT NULL,
        consumed_ms bigint NOT NULL,
        consumed_as_of timestamptz NOT NULL,
        pauses jsonb NOT NULL DEFAULT '[]',
        at_risk_recorded_at timestamptz,
        breached_at timestamptz,
        ended_at timestamptz,
        end_reason text,
        calendar_version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_ticket_clock_ticket ON ticket_clock (ticket_number)`);
    await q.query(
      `CREATE INDEX ix_ticket_clock_open ON ticket_clock (status, deadline) WHERE ended_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_clock`);
    await q.query(`DROP TRIGGER ticket_event_append_only ON ticket_event`);
    await q.query(`DROP FUNCTION ticket_event_append_only()`);
    await q.query(`DROP TABLE ticket_event`);
    await q.query(`DROP TABLE ticket`);
    await q.query(`DROP TABLE ticket_number_counter`);
  }
}
