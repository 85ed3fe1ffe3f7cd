import type { DataSource } from 'typeorm';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { HourStatementsService } from '../../src/contracts/hour-statements.service';
import type { AuthenticatedUser } from '../../src/identity/authenticated-user';
import { OrganizationKind } from '../../src/identity/organization-kind.enum';
import { Role } from '../../src/identity/role.enum';
import { racingDb } from '../support/racing-db';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-13: the monthly statement's figures come from one snapshot. It read the month's time
// entries, the opening sum and the month's ledger entries in separate statements, so time logged
// between them (logTime commits the time entry and its consumption together) was in the month's
// consumption and closing balance but not in its tickets' charged hours. Here the time is
// committed on another connection right after the statement's first SQL read, as a client's
// agent logging time while «Mis horas» loads would.

const MONTH = '2026-10';
const TICKET = 'L3-2026-000777';

describe('the monthly statement reads one snapshot (L3-13)', () => {
  let world: SeededWorld;
  let organizationId: string;
  let agentId: string;

  beforeAll(async () => {
    world = await createSeededWorld('statement_snapshot');
    organizationId = world.orgIds['comercializadora-aurora'];
    [{ id: agentId }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE 'AGENT' = ANY (roles) ORDER BY email LIMIT 1`,
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  /** 1.5 h of charged time on `TICKET` in the month, written as logTime writes it, committed. */
  const logTime = (key: string) =>
    world.db.transaction(async (tx) => {
      const [{ id }] = await tx.query<{ id: string }[]>(
        `INSERT INTO hour_ledger_entry (organization_id, ticket_number, kind, hours, reason,
           idempotency_key)
         VALUES ($1, $2, 'CONSUMPTION', -1.5, 'Trabajo registrado', $3) RETURNING id::text AS id`,
        [organizationId, TICKET, `snapshot:${key}:ledger`],
      );
      await tx.query(
        `INSERT INTO time_entry (organization_id, ticket_number, work_date, hours, charged_hours,
           description, agent_id, ledger_entry_id, idempotency_key)
         VALUES ($1, $2, $3, 1.5, 1.5, 'Ajuste del reporte', $4, $5, $6)`,
        [organizationId, TICKET, `${MONTH}-15`, agentId, id, `snapshot:${key}:time`],
      );
    });

  it('time logged while it reads is in every figure of the month or in none', async () => {
    const client: AuthenticatedUser = {
      id: agentId,
      email: 'usuario@aurora.example',
      organizationId,
      organizationKind: OrganizationKind.CLIENT,
      roles: [Role.CLIENT_USER],
      locale: 'es-MX',
      timeZone: 'America/Mexico_City',
    };
    const calendars = world.api.app.get(CalendarsService);
    const statements = (db: DataSource) => new HourStatementsService(db, calendars);
    await logTime('before');

    const raced = await statements(racingDb(world.db, () => logTime('during'))).monthly(
      organizationId,
      client,
      MONTH,
    );
    const charged = raced.tickets.reduce((s, t) => s + t.hoursCharged, 0);
    expect(raced.hoursConsumed).toBe(charged);
    expect(raced.openingBalance - raced.hoursConsumed).toBe(raced.closingBalance);
    expect([1.5, 3]).toContain(charged);

    // The time logged during the read is committed: the next statement has both entries.
    const after = await statements(world.db).monthly(organizationId, client, MONTH);
    expect(after.tickets).toEqual([
      expect.objectContaining({ ticketNumber: TICKET, hoursLogged: 3, hoursCharged: 3 }),
    ]);
    expect(after.hoursConsumed).toBe(3);
  });
});
