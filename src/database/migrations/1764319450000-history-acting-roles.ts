import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first of a person's current roles in this order is the role they were shown in until now
 * (`actingRole` in `src/tickets/user-names.loader.ts`, copied here so that later edits there do
 * not change what this migration does).
 */
const ROLE_ORDER = `ARRAY['CLIENT_USER', 'CLIENT_APPROVER', 'AGENT', 'MANAGER', 'ADMIN']::text[]`;

/** SQL: the role the user `userId` (a qualified column) is shown in today, or null for an unknown user. */
const currentRole = (userId: string) => `(
  SELECT r.role FROM app_user u, unnest(${ROLE_ORDER}) WITH ORDINALITY AS r(role, place)
   WHERE u.id = ${userId} AND r.role = ANY(u.roles)
   ORDER BY r.place LIMIT 1)`;

/**
 * L3-09, L3-11, L3-18: the ticket's history is an audit trail, so the entries that do not come
 * from ticket events keep the role their person acted in, as `ticket_event.actor_role` does: who
 * attached and who deleted a file, who decided a ticket is (or is no longer) free of charge, who
 * gave each rating. The API writes the session's role with the act, in the same statement or
 * transaction; until now these were labelled with the person's role at read time, so a role
 * change relabelled old entries.
 *
 * Existing rows are filled with their person's current role (the first in {@link ROLE_ORDER}),
 * which is what they showed until now and the best information there is: nothing recorded the
 * role those acts were done in. The columns stay nullable (the API falls back to the current role
 * on a null, which this backfill leaves only for a user that no longer exists).
 * `ticket_billing_event` is append-only by trigger; the trigger is off for this backfill only,
 * inside the migration's transaction, and no decision's facts are touched.
 */
export class HistoryActingRoles1764319450000 implements MigrationInterface {
  name = 'HistoryActingRoles1764319450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket_attachment
        ADD COLUMN uploaded_by_role text,
        ADD COLUMN deleted_by_role text`);
    await q.query(`
      UPDATE ticket_attachment a
         SET uploaded_by_role = ${currentRole('a.uploaded_by')},
             deleted_by_role = CASE WHEN a.deleted_by IS NULL THEN NULL
                                    ELSE ${currentRole('a.deleted_by')} END`);

    await q.query(`ALTER TABLE ticket_satisfaction ADD COLUMN rated_by_role text`);
    await q.query(`UPDATE ticket_satisfaction s SET rated_by_role = ${currentRole('s.rated_by')}`);
    await q.query(`ALTER TABLE ticket_satisfaction_change ADD COLUMN rated_by_role text`);
    await q.query(
      `UPDATE ticket_satisfaction_change c SET rated_by_role = ${currentRole('c.rated_by')}`,
    );

    await q.query(`ALTER TABLE ticket_billing_event ADD COLUMN set_by_role text`);
    await q.query(
      `ALTER TABLE ticket_billing_event DISABLE TRIGGER ticket_billing_event_append_only`,
    );
    try {
      await q.query(`UPDATE ticket_billing_event e SET set_by_role = ${currentRole('e.set_by')}`);
    } finally {
      await q.query(
        `ALTER TABLE ticket_billing_event ENABLE TRIGGER ticket_billing_event_append_only`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_billing_event DROP COLUMN set_by_role`);
    await q.query(`ALTER TABLE ticket_satisfaction_change DROP COLUMN rated_by_role`);
    await q.query(`ALTER TABLE ticket_satisfaction DROP COLUMN rated_by_role`);
    await q.query(`
      ALTER TABLE ticket_attachment DROP COLUMN uploaded_by_role, DROP COLUMN deleted_by_role`);
  }
}
