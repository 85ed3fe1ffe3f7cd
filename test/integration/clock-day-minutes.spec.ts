import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { insertReadModelTicket } from '../support/read-model-ticket';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { createWeekdayCalendar } from '../support/weekday-calendar';

// QA S20 (L3-08, L3-09): the requirement path's diagnosis (5 business days) and scheduling
// (2 business days) clocks read «27 h hábiles» on the SLA board and the ticket page. A clock counted
// in days now carries its calendar's working day (`businessDayMinutes`), so the browser says days;
// a clock counted in minutes carries none. Each ticket's own calendar: 9 h on the default, 2 h on
// a short one.

const FIELDS = 'kind target remainingMinutes businessDayMinutes';

interface Clock {
  kind: string;
  target: string;
  remainingMinutes: number;
  businessDayMinutes: number | null;
}

describe('SlaClock.businessDayMinutes', () => {
  let world: SeededWorld;
  let shortCalendar: string;
  const onDefault = 'L3-2024-873001';
  const onShort = 'L3-2024-873002';

  beforeAll(async () => {
    world = await createSeededWorld('clock_day_minutes');
    shortCalendar = await createWeekdayCalendar(
      world,
      'Guardia corta (día hábil)',
      '10:00',
      '12:00',
    );

    const runs: [string, string, string, number, string, number][] = [
      // ticket, calendar, kind, amount, unit, budget (minutes)
      [onDefault, DEFAULT_CALENDAR_ID, 'triage', 480, 'minutes', 480],
      [onDefault, DEFAULT_CALENDAR_ID, 'diagnosis', 5, 'days', 27 * 60],
      [onShort, shortCalendar, 'scheduling', 2, 'days', 300],
    ];
    for (const [number, calendarId] of [
      [onDefault, DEFAULT_CALENDAR_ID],
      [onShort, shortCalendar],
    ]) {
      await insertReadModelTicket(world.db, number, calendarId, 'Día hábil');
    }
    // Paused with nothing used: the time left is the budget whenever the test reads it.
    for (const [number, , kind, amount, unit, budget] of runs) {
      await world.db.query(
        `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
           target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, pauses,
           calendar_version)
         VALUES ($1 || ':' || $2 || ':1', $1, $2, 1, 'PAUSED', $3, $4, now(), NULL, $5, 0, now(),
           jsonb_build_array(jsonb_build_object('from', now(), 'to', NULL)), 1)`,
        [number, kind, amount, unit, budget * 60_000],
      );
    }
  });
  afterAll(async () => {
    await world?.close();
  });

  it("gives a days clock its calendar's working day on the ticket, and none to a minutes clock", async () => {
    const read = async (number: string) => {
      const { body } = await gql<{ ticket: { clocks: Clock[] } }>(
        world.api,
        `query ($number: String!) { ticket(number: $number) { clocks { ${FIELDS} } } }`,
        { number },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.ticket.clocks;
    };
    expect(await read(onDefault)).toEqual([
      {
        kind: 'triage',
        target: '480 business minutes',
        remainingMinutes: 480,
        businessDayMinutes: null,
      },
      {
        kind: 'diagnosis',
        target: '5 business days',
        remainingMinutes: 1620,
        businessDayMinutes: 540,
      },
    ]);
    expect(await read(onShort)).toEqual([
      {
        kind: 'scheduling',
        target: '2 business days',
        remainingMinutes: 300,
        businessDayMinutes: 120,
      },
    ]);
  });

  it('gives the SLA board the same', async () => {
    const { body } = await gql<{ slaTimers: { ticketNumber: string; clock: Clock }[] }>(
      world.api,
      `{ slaTimers(filter: { first: 200 }) { ticketNumber clock { ${FIELDS} } } }`,
      {},
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const ours = body
      .data!.slaTimers.filter((t) => [onDefault, onShort].includes(t.ticketNumber))
      .map((t) => [t.ticketNumber, t.clock.kind, t.clock.businessDayMinutes]);
    expect(ours).toEqual(
      expect.arrayContaining([
        [onDefault, 'triage', null],
        [onDefault, 'diagnosis', 540],
        [onShort, 'scheduling', 120],
      ]),
    );
    expect(ours).toHaveLength(3);
  });
});
