import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first of a person's current roles in this order is the role they are shown in (`actingRole`
 * in `src/tickets/user-names.loader.ts`) and the client role a registration or a transition picks
 * for them; copied here, as in 1764319450000, so that later edits there do not change what this
 * migration does.
 */
const ROLE_ORDER = `ARRAY['CLIENT_USER', 'CLIENT_APPROVER', 'AGENT', 'MANAGER', 'ADMIN']::text[]`;

/** SQL: the role the user `userId` (a qualified column) is shown in today, or null for an unknown user. */
const currentRole = (userId: string) => `(
  SELECT r.role FROM app_user u, unnest(${ROLE_ORDER}) WITH ORDINALITY AS r(role, place)
   WHERE u.id = ${userId} AND r.role = ANY(u.roles)
   ORDER BY r.place LIMIT 1)`;

/**
 * L3-04, L3-09/L3-11: since 4722f58 the first entry of a ticket's history («registrado») keeps the
 * client role the ticket was registered in, so an approver's registration reads CLIENT_APPROVER.
 * Tickets registered before that say CLIENT_USER for everyone, approvers included: nothing
 * recorded which role they registered in.
 *
 * A best guess, like 1764319450000's backfill of files, no-charge decisions and ratings: the
 * `registered` event of a ticket whose registrant is an approver now (their first client role is
 * CLIENT_APPROVER: they do not also hold CLIENT_USER) takes that role, when it says CLIENT_USER
 * and names the ticket's registrant. Two cases are left as they are, the guess being weaker than
 * what the history itself says: a registrant who acted on the same ticket later as CLIENT_USER
 * (a client user then, made an approver since, whose CLIENT_USER registration was right), and every
 * other event (a transition has always recorded its actor's role). `ticket_event` is append-only
 * by trigger; the trigger is off for this update only, inside the migration's transaction.
 *
 * `down` changes nothing back: which rows this relabelled is not kept, and the label it replaced
 * was not recorded either.
 */
export class RegisteredApproverRole1764319660000 implements MigrationInterface {
  name = 'RegisteredApproverRole1764319660000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_event DISABLE TRIGGER ticket_event_append_only`);
    try {
      await q.query(`
        UPDATE ticket_event e
           SET actor_role = 'CLIENT_APPROVER'
          FROM ticket t
         WHERE t.number = e.ticket_number
           AND e.type = 'registered'
           AND e.actor_role = 'CLIENT_USER'
           AND e.actor_id = t.registrant_id
           AND ${currentRole('t.registrant_id')} = 'CLIENT_APPROVER'
           AND NOT EXISTS (
             SELECT 1 FROM ticket_event later
              WHERE later.ticket_number = e.ticket_number
                AND later.seq > e.seq
                AND later.actor_id = e.actor_id
                AND later.actor_role = 'CLIENT_USER')`);
    } finally {
      await q.query(`ALTER TABLE ticket_event ENABLE TRIGGER ticket_event_append_only`);
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: see the class comment.
  }
}
