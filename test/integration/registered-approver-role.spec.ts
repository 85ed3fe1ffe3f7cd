import { DataSource } from 'typeorm';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { Role } from '../../src/identity/role.enum';
import { databaseBefore } from '../support/database-before';

// L3-04, L3-09/L3-11: since 4722f58 the «registrado» entry of a ticket's history keeps the client
// role the ticket was registered in; tickets an approver registered before that say CLIENT_USER.
// Migration 1764319660000 relabels them from the registrant's current role, a best guess like
// 1764319450000's: on real PostgreSQL, a database migrated up to the one before it is filled as the
// old code left it, then migrated.

const MIGRATION = '1764319660000-registered-approver-role';

describe('Tickets an approver registered before the fix read CLIENT_APPROVER (L3-04, L3-11)', () => {
  it("the migration relabels an approver's CLIENT_USER registration and nothing else", async () => {
    const { url, before, drop } = await databaseBefore('registered_role', MIGRATION);
    try {
      let numbers: Record<string, string>;
      try {
        const [{ id: aurora }] = await before.query<{ id: string }[]>(
          `INSERT INTO organization (name, kind, slug) VALUES ('aurora', 'CLIENT', 'aurora')
           RETURNING id`,
        );
        const user = async (email: string, roles: Role[]) =>
          (
            await before.query<{ id: string }[]>(
              `INSERT INTO app_user (organization_id, organization_kind, email, display_name, roles,
                 password_hash) VALUES ($1, 'CLIENT', $2, $2, $3, 'x') RETURNING id`,
              [aurora, email, roles],
            )
          )[0].id;
        const pedro = await user('pedro@aurora.example', [Role.CLIENT_APPROVER]);
        const lucia = await user('lucia@aurora.example', [Role.CLIENT_USER]);
        // Both client roles: registrations and transitions pick CLIENT_USER, then and now.
        const carla = await user('carla@aurora.example', [Role.CLIENT_APPROVER, Role.CLIENT_USER]);
        // An approver now who commented on their ticket as a client user: promoted since.
        const marta = await user('marta@aurora.example', [Role.CLIENT_APPROVER]);

        const event = (
          number: string,
          at: number,
          type: string,
          actor: string | null,
          role: Role | null,
        ) =>
          before.query(
            `INSERT INTO ticket_event (ticket_number, seq, type, at, actor_id, actor_role, data)
             VALUES ($1, $2, $3, now(), $4, $5, '{}')`,
            [number, at, type, actor, role],
          );

        let seq = 0;
        const ticket = async (registrant: string, registeredAs: Role) => {
          seq += 1;
          const number = `L3-2025-${String(seq).padStart(6, '0')}`;
          await before.query(
            `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
               calendar_id, category, subject, description, state, registered_at)
             SELECT $1, 2025, $2, 'ticket-' || $1, $3, $4, id, 'INCIDENT', 'Asunto', 'Detalle',
                    'REGISTERED', now()
               FROM business_calendar WHERE is_default`,
            [number, seq, aurora, registrant],
          );
          await event(number, 1, 'registered', registrant, registeredAs);
          await event(number, 2, 'CLOCK_STARTED', null, null);
          return number;
        };
        const byPedro = await ticket(pedro, Role.CLIENT_USER);
        await event(byPedro, 3, 'comment', pedro, Role.CLIENT_APPROVER);
        const byLucia = await ticket(lucia, Role.CLIENT_USER);
        // Another person's CLIENT_USER event on it, and Pedro's on someone else's ticket.
        await event(byLucia, 3, 'comment', pedro, Role.CLIENT_USER);
        const byCarla = await ticket(carla, Role.CLIENT_USER);
        const byMarta = await ticket(marta, Role.CLIENT_USER);
        await event(byMarta, 3, 'comment', marta, Role.CLIENT_USER);
        // Registered after the fix: already right.
        const byPedroLater = await ticket(pedro, Role.CLIENT_APPROVER);
        numbers = { byPedro, byLucia, byCarla, byMarta, byPedroLater };
      } finally {
        await before.destroy();
      }

      expect(await runMigrations(url)).toEqual(['RegisteredApproverRole1764319660000']);

      const { byPedro, byLucia, byCarla, byMarta, byPedroLater } = numbers;
      const after = await new DataSource(typeOrmOptions(url)).initialize();
      try {
        const roles = await after.query<{ ticket_number: string; seq: number; role: string }[]>(
          `SELECT ticket_number, seq, actor_role AS role FROM ticket_event
              ORDER BY ticket_number, seq`,
        );
        const of = (number: string) =>
          roles.filter((r) => r.ticket_number === number).map((r) => r.role);
        expect(of(byPedro)).toEqual(['CLIENT_APPROVER', null, 'CLIENT_APPROVER']);
        expect(of(byLucia)).toEqual(['CLIENT_USER', null, 'CLIENT_USER']);
        expect(of(byCarla)).toEqual(['CLIENT_USER', null]);
        expect(of(byMarta)).toEqual(['CLIENT_USER', null, 'CLIENT_USER']);
        expect(of(byPedroLater)).toEqual(['CLIENT_APPROVER', null]);
        // The history is append-only again once the backfill is done.
        await expect(
          after.query(`UPDATE ticket_event SET actor_role = 'ADMIN' WHERE seq = 1`),
        ).rejects.toThrow(/append-only/);
      } finally {
        await after.destroy();
      }
    } finally {
      await drop();
    }
  });
});
