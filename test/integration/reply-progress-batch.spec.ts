import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { insertReadModelTicket } from '../support/read-model-ticket';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-07: `Ticket.publicReplyCountsAsProgress` (a staff public reply now restarts the progress
// clock) reads each ticket's clock runs. A list that asks for it reads the clocks of the whole
// page in one statement (a request-scoped batch, as the names), not one per ticket; a client user
// reads none (always false). Counted as the SQL statements on ticket_clock that name a ticket of
// the list, sent by the real API while the list is read.

const LIST = `query { tickets(first: 100) { items { number publicReplyCountsAsProgress } } }`;

describe('publicReplyCountsAsProgress in a list: one clock read per request (L3-07)', () => {
  let world: SeededWorld;
  const number = (i: number) => `L3-2024-${871001 + i}`;
  /** Each ticket's state, its progress runs (status, ended) and the expected answer for staff. */
  const TICKETS: [string, [string, boolean][], boolean][] = [
    ['IN_ANALYSIS', [['RUNNING', false]], true],
    ['IN_ANALYSIS', [['PAUSED', false]], false],
    [
      'IN_ANALYSIS',
      [
        ['MET', true],
        ['RUNNING', false],
      ],
      true,
    ],
    ['IN_ANALYSIS', [], false],
    ['CLOSED', [['RUNNING', false]], false],
  ];

  beforeAll(async () => {
    world = await createSeededWorld('reply_progress_batch');
    for (const [i, [state, runs]] of TICKETS.entries()) {
      await insertReadModelTicket(
        world.db,
        number(i),
        DEFAULT_CALENDAR_ID,
        'Avance en lote',
        state,
      );
      for (const [r, [status, ended]] of runs.entries()) {
        await world.db.query(
          `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
             target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, ended_at,
             end_reason, calendar_version)
           VALUES ($1 || ':progress:' || $2::int, $1, 'progress', $2::int, $3, 2, 'days',
             now() - (3 - $2::int) * interval '1 hour', now() + interval '1 day', 57600000, 0, now(),
             CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN 'MET' END, 1)`,
          [number(i), r + 1, status, ended],
        );
      }
    }
  });
  afterAll(async () => {
    await world?.close();
  });

  /** The list as `role` reads it, and the statements on ticket_clock naming its tickets. */
  async function listed(role: Role) {
    const query = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const { body } = await gql<{
        tickets: { items: { number: string; publicReplyCountsAsProgress: boolean }[] };
      }>(world.api, LIST, {}, world.bearer(role));
      expect(body.errors).toBeUndefined();
      const items = body.data!.tickets.items;
      const numbers = new Set(items.map((t) => t.number));
      const clockReads = query.mock.calls.filter(
        ([sql, params]) =>
          /\bticket_clock\b/.test(sql) &&
          JSON.stringify(params ?? [])
            .match(/L3-\d{4}-\d{6}/g)
            ?.some((n) => numbers.has(n)),
      );
      return {
        answers: Object.fromEntries(
          items.map((t) => [t.number, t.publicReplyCountsAsProgress] as const),
        ),
        clockReads: clockReads.length,
      };
    } finally {
      query.mockRestore();
    }
  }

  it('staff: every ticket of the page answered from one read of the clocks', async () => {
    const { answers, clockReads } = await listed(Role.AGENT);
    expect(TICKETS.map((_, i) => answers[number(i)])).toEqual(TICKETS.map(([, , want]) => want));
    // Five tickets (one per ticket before the batch), and a page of 100 is the same statement.
    expect(clockReads).toBe(1);
  });

  it('a client user: false everywhere, and no clock read', async () => {
    const { answers, clockReads } = await listed(Role.CLIENT_USER);
    expect(TICKETS.map((_, i) => answers[number(i)])).toEqual(TICKETS.map(() => false));
    expect(clockReads).toBe(0);
  });
});
