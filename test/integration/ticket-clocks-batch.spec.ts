import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { insertReadModelTicket } from '../support/read-model-ticket';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { createWeekdayCalendar } from '../support/weekday-calendar';

// `Ticket.clocks` in a list (review S19): each ticket read its clock runs with its own query (and
// its calendar with another), so a page of 50 tickets asking for them ran 50. Now a request reads
// the clocks of the whole page in one statement (the batch `publicReplyCountsAsProgress` reads
// too) and each calendar once, and every ticket still gets its own clocks, oldest first, with its
// own calendar's business time. Counted as the SQL statements the real API sends while the list
// is read. No clock runs here, so consumed time does not move between two reads.

const CLOCK_FIELDS = `id kind run status target startedAt deadline atRiskAt budgetMinutes
  consumedMinutes remainingMinutes pauses { from to } atRiskRecordedAt breachedAt overdueMinutes
  endedAt calendarVersion`;
const LIST = `query { tickets(first: 10) { items { number clocks { ${CLOCK_FIELDS} } } } }`;
const BOTH = `query { tickets(first: 10) {
  items { number publicReplyCountsAsProgress clocks { id } } } }`;
const ONE = `query ($number: String!) { ticket(number: $number) { clocks { ${CLOCK_FIELDS} } } }`;

type Clock = Record<string, unknown> & { id: string; overdueMinutes: number | null };

/** A stored clock run; timestamps UTC. Monday 2 March 2026 16:00Z is 10:00 in Mexico City. */
interface Run {
  kind: string;
  run: number;
  status: string;
  startedAt: string;
  deadline: string | null;
  pauses?: { from: string; to: string | null }[];
  breachedAt?: string;
  endedAt?: string;
}

const MET = (kind: string, run: number, startedAt: string): Run => ({
  kind,
  run,
  status: 'MET',
  startedAt,
  deadline: '2026-03-06T16:00:00Z',
  endedAt: '2026-03-04T16:00:00Z',
});
/** Breached at its deadline Monday 10:00 local, ended Wednesday 10:00: two business days late. */
const BREACHED: Run = {
  kind: 'progress',
  run: 1,
  status: 'BREACHED',
  startedAt: '2026-02-27T16:00:00Z',
  deadline: '2026-03-02T16:00:00Z',
  breachedAt: '2026-03-02T16:00:00Z',
  endedAt: '2026-03-04T16:00:00Z',
};

describe('Ticket.clocks in a list: one clock read per request', () => {
  let world: SeededWorld;
  /** Weekdays 10:00–12:00 in Mexico City: two hours a day where the default has a whole day. */
  let shortCalendar: string;
  const number = (i: number) => `L3-2024-${872001 + i}`;
  /** Each ticket's calendar and its runs in the order they are stored (not the order shown). */
  const tickets = (): [string, Run[]][] => [
    [
      DEFAULT_CALENDAR_ID,
      [
        {
          kind: 'progress',
          run: 1,
          status: 'PAUSED',
          startedAt: '2026-03-03T16:00:00Z',
          deadline: null,
          pauses: [{ from: '2026-03-03T17:00:00Z', to: null }],
        },
        MET('triage', 1, '2026-03-02T16:00:00Z'),
      ],
    ],
    [DEFAULT_CALENDAR_ID, [BREACHED]],
    [shortCalendar, [BREACHED]],
    [DEFAULT_CALENDAR_ID, []],
    [
      shortCalendar,
      [MET('progress', 2, '2026-03-02T16:00:00Z'), MET('progress', 1, '2026-03-02T16:00:00Z')],
    ],
  ];
  /** The clock ids each ticket must show, oldest first (started, then run). */
  const expectedIds = [
    [`${number(0)}:triage:1`, `${number(0)}:progress:1`],
    [`${number(1)}:progress:1`],
    [`${number(2)}:progress:1`],
    [],
    [`${number(4)}:progress:1`, `${number(4)}:progress:2`],
  ];

  beforeAll(async () => {
    world = await createSeededWorld('ticket_clocks_batch');
    shortCalendar = await createWeekdayCalendar(
      world,
      'Guardia corta (lote de relojes)',
      '10:00',
      '12:00',
    );

    for (const [i, [calendarId, runs]] of tickets().entries()) {
      await insertReadModelTicket(world.db, number(i), calendarId, 'Relojes en lote');
      for (const r of runs) {
        await world.db.query(
          `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
             target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, pauses,
             breached_at, ended_at, end_reason, calendar_version)
           VALUES ($1 || ':' || $2 || ':' || $3::int, $1, $2, $3::int, $4, 2, 'days', $5, $6,
             57600000, 3600000, $5, $7::jsonb, $8, $9, CASE WHEN $9::timestamptz IS NOT NULL
             THEN $4 END, 1)`,
          [
            number(i),
            r.kind,
            r.run,
            r.status,
            r.startedAt,
            r.deadline,
            JSON.stringify(r.pauses ?? []),
            r.breachedAt ?? null,
            r.endedAt ?? null,
          ],
        );
      }
    }
  });
  afterAll(async () => {
    await world?.close();
  });

  /** What `query` answers to an agent, and the statements it sent whose SQL matches `table`. */
  async function counted<T>(query: string, table: RegExp) {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const { body } = await gql<T>(world.api, query, {}, world.bearer(Role.AGENT));
      expect(body.errors).toBeUndefined();
      const statements = spy.mock.calls.filter(([sql]) => table.test(sql));
      return { data: body.data!, statements };
    } finally {
      spy.mockRestore();
    }
  }
  /** Statements naming one of our tickets (or calendars) among their parameters. */
  const naming = (statements: unknown[][], values: string[]) =>
    statements.filter(([, params]) => values.some((v) => JSON.stringify(params ?? []).includes(v)));

  it('gives each ticket of the page its own clocks, as the ticket alone does, from one read', async () => {
    const numbers = expectedIds.map((_, i) => number(i));
    const list = await counted<{ tickets: { items: { number: string; clocks: Clock[] }[] } }>(
      LIST,
      /\bticket_clock\b/,
    );
    const byNumber = new Map(list.data.tickets.items.map((t) => [t.number, t.clocks]));
    expect(numbers.map((n) => byNumber.get(n)?.map((c) => c.id))).toEqual(expectedIds);
    // Five tickets were five statements before the batch; a longer page is the same one.
    expect(naming(list.statements, numbers)).toHaveLength(1);

    for (const n of numbers) {
      const { body } = await gql<{ ticket: { clocks: Clock[] } }>(
        world.api,
        ONE,
        { number: n },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
      expect(byNumber.get(n)).toEqual(body.data!.ticket.clocks);
    }
    // The same late breach on each ticket's own calendar: 2 business hours a day on the short one.
    const overdue = (n: string) => byNumber.get(n)![0].overdueMinutes;
    expect(overdue(number(2))).toBe(240);
    expect(overdue(number(1))).toBeGreaterThan(240);
  });

  it('reads each calendar once, and shares the clock read with publicReplyCountsAsProgress', async () => {
    const numbers = expectedIds.map((_, i) => number(i));
    const calendars = await counted(LIST, /"business_calendar"/);
    expect(naming(calendars.statements, [DEFAULT_CALENDAR_ID])).toHaveLength(1);
    expect(naming(calendars.statements, [shortCalendar])).toHaveLength(1);

    const both = await counted<{
      tickets: { items: { number: string; clocks: { id: string }[] }[] };
    }>(BOTH, /\bticket_clock\b/);
    const ids = new Map(both.data.tickets.items.map((t) => [t.number, t.clocks.map((c) => c.id)]));
    expect(numbers.map((n) => ids.get(n))).toEqual(expectedIds);
    expect(naming(both.statements, numbers)).toHaveLength(1);
  });

  it('reads the calendar once for the ticket page: its clocks, its zone and its release date (review S60)', async () => {
    // A published release date (L3-09) on the short calendar: `releaseDateOnClosedDay` reads it.
    await world.db.query(
      `UPDATE ticket SET state = 'RELEASE_DATE_SET', release_date = '2026-03-09T17:00:00Z'
        WHERE number = $1`,
      [number(2)],
    );
    const page = await counted<{
      tickets: {
        items: {
          number: string;
          calendarTimeZone: string;
          releaseDateOnClosedDay: boolean;
          clocks: { id: string }[];
        }[];
      };
    }>(
      `query { tickets(first: 10) { items { number calendarTimeZone releaseDateOnClosedDay
        clocks { id } } } }`,
      /"business_calendar"/,
    );
    const item = page.data.tickets.items.find((t) => t.number === number(2))!;
    expect(item).toMatchObject({
      calendarTimeZone: 'America/Mexico_City',
      releaseDateOnClosedDay: false,
      clocks: [{ id: `${number(2)}:progress:1` }],
    });
    // Three fields asked it of each ticket; one read per calendar for the whole request.
    expect(naming(page.statements, [DEFAULT_CALENDAR_ID])).toHaveLength(1);
    expect(naming(page.statements, [shortCalendar])).toHaveLength(1);
  });
});
