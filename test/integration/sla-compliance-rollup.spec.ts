import fc from 'fast-check';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Issue 5/10: `slaCompliance` reads `sla_compliance_month`, kept by a trigger on ticket_clock.
// Whatever sequence of writes the clocks see (start, end met, breach, re-end, rebuild-style delete
// and reinsert, no-op upserts), the rollup equals the grouped query over the clocks themselves.
// L3-06…L3-09: a breached clock counts as missed in the month it breached, ended or still running
// (migration 1764319510000); a clock never breached counts in the month it ended. Months are the
// months of the clock's calendar zone (migration 1764319610000), not UTC's.

const RAW = `SELECT to_char(COALESCE(c.breached_at, c.ended_at) AT TIME ZONE c.time_zone, 'YYYY-MM') AS month,
                    c.kind, t.organization_id::text AS org, count(*)::int AS clocks,
                    (count(*) FILTER (WHERE c.breached_at IS NULL AND c.status = 'MET'))::int AS met,
                    (count(*) FILTER (WHERE c.breached_at IS NOT NULL))::int AS breached
               FROM ticket_clock c JOIN ticket t ON t.number = c.ticket_number
              WHERE c.breached_at IS NOT NULL OR c.ended_at IS NOT NULL
              GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const ROLLUP = `SELECT month, kind, organization_id::text AS org, clocks, met, breached
                  FROM sla_compliance_month WHERE clocks > 0 ORDER BY 1, 2, 3`;

type Op =
  | { op: 'start'; clock: number; ticket: number; kind: string }
  | {
      op: 'end';
      clock: number;
      status: 'MET' | 'BREACHED' | 'STOPPED';
      month: number;
      /** UTC hour on the 1st: before 06:00 it is still the month before in Mexico City. */
      hour?: number;
    }
  | { op: 'breach'; clock: number }
  | { op: 'touch'; clock: number }
  | { op: 'delete'; clock: number };

describe('SLA compliance rollup (issue 5 slaCompliance, issue 10 dashboard)', () => {
  let world: SeededWorld;
  const tickets: string[] = [];

  beforeAll(async () => {
    world = await createSeededWorld('rollup');
    const [{ registrant }] = await world.db.query<{ registrant: string }[]>(
      `SELECT id AS registrant FROM app_user WHERE 'CLIENT_USER' = ANY(roles) LIMIT 1`,
    );
    const orgs = Object.values(world.orgIds);
    for (let i = 0; i < 4; i++) {
      const number = `L3-2025-${String(900001 + i)}`;
      tickets.push(number);
      await world.db.query(
        `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
           calendar_id, category, subject, description, state, registered_at, last_event_seq)
         VALUES ($1, 2025, $2, $3, $4, $5, $6, 'INCIDENT', 'x', 'x', 'REGISTERED', now(), 0)`,
        [number, 900001 + i, `rollup-${number}`, orgs[i % 2], registrant, DEFAULT_CALENDAR_ID],
      );
    }
  });
  afterAll(async () => {
    await world?.close();
  });

  it('equals the grouped query over the clocks after any sequence of clock writes', async () => {
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        op: fc.constant('start' as const),
        clock: fc.nat(7),
        ticket: fc.nat(3),
        kind: fc.constantFrom('triage', 'diagnosis', 'progress'),
      }),
      fc.record({
        op: fc.constant('end' as const),
        clock: fc.nat(7),
        status: fc.constantFrom('MET' as const, 'BREACHED' as const, 'STOPPED' as const),
        month: fc.integer({ min: 1, max: 3 }),
        hour: fc.nat(23),
      }),
      fc.record({ op: fc.constant('breach' as const), clock: fc.nat(7) }),
      fc.record({ op: fc.constant('touch' as const), clock: fc.nat(7) }),
      fc.record({ op: fc.constant('delete' as const), clock: fc.nat(7) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        await world.db.query('DELETE FROM ticket_clock WHERE ticket_number = ANY($1)', [tickets]);
        for (const o of ops) await apply(o);
        const [raw, rollup] = [await world.db.query(RAW), await world.db.query(ROLLUP)];
        expect(rollup).toEqual(raw);
      }),
      { numRuns: 40, seed: 20261128 },
    );
    // A known case, counted by hand: one met, one breached then ended, one stopped, and one
    // breached that still runs (missed already, though it has not ended).
    await world.db.query('DELETE FROM ticket_clock WHERE ticket_number = ANY($1)', [tickets]);
    for (const o of [
      { op: 'start', clock: 0, ticket: 0, kind: 'triage' },
      { op: 'end', clock: 0, status: 'MET', month: 2 },
      { op: 'start', clock: 1, ticket: 2, kind: 'triage' },
      { op: 'breach', clock: 1 },
      { op: 'end', clock: 1, status: 'BREACHED', month: 2 },
      { op: 'touch', clock: 1 },
      { op: 'start', clock: 2, ticket: 0, kind: 'triage' },
      { op: 'end', clock: 2, status: 'STOPPED', month: 2 },
      { op: 'start', clock: 3, ticket: 1, kind: 'progress' },
      { op: 'breach', clock: 3 },
    ] as Op[])
      await apply(o);
    // Met at 03:00 UTC on 1 March: 21:00 on 28 February in Mexico City (the default calendar's
    // zone), a February clock for the client; UTC said March.
    await apply({ op: 'start', clock: 4, ticket: 0, kind: 'triage' });
    await apply({ op: 'end', clock: 4, status: 'MET', month: 3, hour: 3 });
    expect(
      await world.db.query(`SELECT time_zone FROM ticket_clock WHERE clock_id = 'rollup-clock-4'`),
    ).toEqual([{ time_zone: 'America/Mexico_City' }]);
    const [{ now }] = await world.db.query<{ now: string }[]>(
      `SELECT to_char(now() AT TIME ZONE 'America/Mexico_City', 'YYYY-MM') AS now`,
    );
    const [org0, org1] = Object.values(world.orgIds);
    expect(await world.db.query(ROLLUP)).toEqual([
      { month: '2025-02', kind: 'triage', org: org0, clocks: 3, met: 2, breached: 0 },
      { month: now, kind: 'progress', org: org1, clocks: 1, met: 0, breached: 1 },
      { month: now, kind: 'triage', org: org0, clocks: 1, met: 0, breached: 1 },
    ]);
  });

  async function apply(o: Op): Promise<void> {
    const id = `rollup-clock-${o.clock}`;
    switch (o.op) {
      case 'start':
        await world.db.query(
          `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
             target_unit, started_at, budget_ms, consumed_ms, consumed_as_of, calendar_version)
           VALUES ($1, $2, $3, 1, 'RUNNING', 480, 'minutes', now(), 0, 0, now(), 1)
           ON CONFLICT (clock_id) DO NOTHING`,
          [id, tickets[o.ticket], o.kind],
        );
        return;
      case 'end':
        await world.db.query(
          `UPDATE ticket_clock SET status = $2,
                  ended_at = CASE WHEN $4::int IS NULL THEN make_timestamptz(2025, $3, 15, 12, 0, 0, 'UTC')
                                  ELSE make_timestamptz(2025, $3, 1, $4::int, 0, 0, 'UTC') END
            WHERE clock_id = $1`,
          [id, o.status, o.month, o.hour ?? null],
        );
        return;
      case 'breach':
        await world.db.query(
          `UPDATE ticket_clock SET breached_at = now(), status = 'BREACHED' WHERE clock_id = $1`,
          [id],
        );
        return;
      case 'touch':
        // The projection re-upserts every clock of a ticket on each batch: no outcome change.
        await world.db.query(
          `UPDATE ticket_clock SET updated_at = now(), consumed_ms = consumed_ms + 1 WHERE clock_id = $1`,
          [id],
        );
        return;
      case 'delete':
        await world.db.query('DELETE FROM ticket_clock WHERE clock_id = $1', [id]);
        return;
    }
  }
});
