import { Logger } from '@nestjs/common';
import { Role } from '../../src/identity/role.enum';
import { freePort } from '../../src/infra/provisioning/temporal-binaries';
import { gql } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Issue 10 item 2: while Temporal is unreachable the API answers UNAVAILABLE, and logs it as one
// warning line per request, not as a crash with a stack trace (an outage would flood the log).
// What needs only PostgreSQL goes on: a calendar edit commits and answers its new version once,
// its open tickets' clocks and the checkpoint Schedules catching up when Temporal is back.

describe('API during a Temporal outage', () => {
  let world: SeededWorld;
  beforeAll(async () => {
    const closedPort = await freePort();
    world = await createSeededWorld('outage', { TEMPORAL_ADDRESS: `127.0.0.1:${closedPort}` });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('answers a registration UNAVAILABLE and logs a warning, no ERROR', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    try {
      const { body } = await gql(
        world.api,
        'mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }',
        {
          input: {
            category: 'DEVELOPMENT',
            subject: 'Registro durante la caída',
            description: 'Temporal no responde.',
          },
        },
        world.bearer(Role.CLIENT_USER),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(errors.mock.calls).toEqual([]);
      expect(warnings.mock.calls.map((c) => String(c[0]))).toContainEqual(
        expect.stringMatching(/^dependency unavailable: /),
      );
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });

  it('answers a calendar edit with its one new version while its open tickets cannot be signalled (L3-05)', async () => {
    // A registration refused UNAVAILABLE keeps its row (started by TicketStartReconciler later):
    // an open ticket, on its client's calendar, that the edit cannot signal now.
    const registered = await gql(
      world.api,
      'mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }',
      {
        input: {
          category: 'INCIDENT',
          subject: 'Ticket abierto durante la caída',
          description: 'Temporal no responde.',
        },
      },
      world.bearer(Role.CLIENT_USER),
    );
    expect(registered.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    const [open] = await world.db.query<{ calendar_id: string }[]>(
      `SELECT calendar_id FROM ticket WHERE subject = 'Ticket abierto durante la caída'`,
    );
    expect(open).toBeDefined();
    const versions = async () =>
      Number(
        (
          await world.db.query<{ n: string }[]>(
            'SELECT count(*) AS n FROM business_calendar_version WHERE calendar_id = $1',
            [open.calendar_id],
          )
        )[0].n,
      );
    const before = await versions();

    const { body } = await gql<{ addCalendarHoliday: { version: number } }>(
      world.api,
      `mutation ($id: ID!, $h: CalendarHolidayInput!) {
        addCalendarHoliday(calendarId: $id, holiday: $h) { version }
      }`,
      { id: open.calendar_id, h: { date: '2026-12-31', name: 'Cierre de año', source: 'CLIENT' } },
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.addCalendarHoliday.version).toBe(before + 1);
    expect(await versions()).toBe(before + 1);
  });
});
