import { calendarMonth } from '../support/calendar-month';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// The manager's SLA board over the read model (L3-06…L3-09 clocks; «the manager sees it at once»):
// «Vencidos» lists the breaches that still need attention, and compliance counts a breach as
// missed from the moment it happens. Clocks are written by plain SQL without their ticket's ended
// state (`ticket_ended`) or client: the clock trigger takes both from the ticket (migration
// 1764319913000), as for an operator's repair.

const TIMERS = `query ($f: SlaTimerFilter!) {
  slaTimers(filter: $f) { ticketNumber ticketState slaStatus clock { id status breachedAt } }
}`;

interface Timer {
  ticketNumber: string;
  ticketState: string;
  slaStatus: string;
  clock: { id: string; status: string; breachedAt: string | null };
}

describe('SLA board (L3-06, L3-07, L3-08: breaches the manager must see)', () => {
  let world: SeededWorld;
  const number = (i: number) => `L3-2024-${String(800001 + i)}`;

  beforeAll(async () => {
    world = await createSeededWorld('sla_board');
    const [{ registrant }] = await world.db.query<{ registrant: string }[]>(
      `SELECT id AS registrant FROM app_user WHERE 'CLIENT_USER' = ANY(roles) LIMIT 1`,
    );
    const org = Object.values(world.orgIds)[0];
    // 0 and 1 open (problem in analysis), 2 already closed.
    for (const [i, state] of [
      [0, 'IN_ANALYSIS'],
      [1, 'IN_ANALYSIS'],
      [2, 'CLOSED'],
    ] as const) {
      await world.db.query(
        `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
           calendar_id, category, subject, description, state, registered_at, last_event_seq)
         VALUES ($1, 2024, $2, $3, $4, $5, $6, 'INCIDENT', 'Tablero', 'x', $7, now() - interval '2 days', 0)`,
        [
          number(i),
          800001 + i,
          `sla-board-${number(i)}`,
          org,
          registrant,
          DEFAULT_CALENDAR_ID,
          state,
        ],
      );
    }
  });
  afterAll(async () => {
    await world?.close();
  });

  /** A clock on ticket `i` breached `minutesAgo` minutes ago, still open unless `ended`. */
  async function breachedClock(i: number, kind: string, minutesAgo: number, ended = false) {
    await world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, breached_at,
         ended_at, end_reason, calendar_version)
       VALUES ($1, $2, $3, 1, 'BREACHED', 480, 'minutes', now() - interval '1 day',
         now() - $4 * interval '1 minute', 28800000, 28800000, now() - $4 * interval '1 minute',
         now() - $4 * interval '1 minute', CASE WHEN $5 THEN now() END,
         CASE WHEN $5 THEN 'MET' END, 1)`,
      [`${number(i)}:${kind}:1`, number(i), kind, minutesAgo, ended],
    );
  }

  const breached = async (): Promise<Timer[]> => {
    const { body } = await gql<{ slaTimers: Timer[] }>(
      world.api,
      TIMERS,
      { f: { breachedOnly: true } },
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.slaTimers;
  };

  it('«Vencidos» lists breaches on open tickets, newest breach first, and drops a closed ticket', async () => {
    await breachedClock(0, 'triage', 120, true); // breached, then the late triage ended it
    await breachedClock(0, 'progress', 30);
    await breachedClock(1, 'triage', 60);
    await breachedClock(2, 'triage', 5, true); // the newest breach, but its ticket is closed

    const listed = await breached();
    expect(listed.map((t) => t.clock.id)).toEqual([
      `${number(0)}:progress:1`,
      `${number(1)}:triage:1`,
      `${number(0)}:triage:1`,
    ]);
    expect(listed.every((t) => t.slaStatus === 'breached' && t.ticketState !== 'CLOSED')).toBe(
      true,
    );
    const at = listed.map((t) => Date.parse(t.clock.breachedAt!));
    expect(at).toEqual([...at].sort((a, b) => b - a));

    // The ticket is closed (the projection writes its state): its breach is history now.
    await world.db.query(`UPDATE ticket SET state = 'CLOSED' WHERE number = $1`, [number(1)]);
    expect((await breached()).map((t) => t.clock.id)).toEqual([
      `${number(0)}:progress:1`,
      `${number(0)}:triage:1`,
    ]);
  });

  /**
   * A scheduling clock on `ticket` due Wednesday 2024-01-10 10:00 in Mexico City (16:00 UTC) and
   * answered at 11:20 the same day, `budgetMs` after `startedAt`.
   */
  async function answeredLate(ticket: string, startedAt: string, budgetMs: number) {
    await world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, breached_at,
         ended_at, end_reason, calendar_version)
       VALUES ($1, $2, 'scheduling', 1, 'BREACHED', 2, 'days', $3, '2024-01-10T16:00:00Z',
         $4, $4, '2024-01-10T16:00:00Z', '2024-01-10T16:00:00Z', '2024-01-10T17:20:00Z', 'MET', 1)`,
      [`${ticket}:scheduling:1`, ticket, startedAt, budgetMs],
    );
  }

  /** «Vencidos»: each clock's business minutes late, by clock ID. */
  const overdueMinutes = async (): Promise<Map<string, number | null>> => {
    const { body } = await gql<{
      slaTimers: { clock: { id: string; overdueMinutes: number | null } }[];
    }>(
      world.api,
      `{ slaTimers(filter: { breachedOnly: true }) { clock { id overdueMinutes } } }`,
      {},
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    return new Map(body.data!.slaTimers.map((t) => [t.clock.id, t.clock.overdueMinutes]));
  };

  it('says how late a breached clock is, in business time (QA: «0 min hábiles» said nothing)', async () => {
    // Breached Wednesday 2024-01-10 10:00 in Mexico City, answered 11:20 the same day: 80 min.
    await answeredLate(number(0), '2024-01-08T15:00:00Z', 32400000);
    const late = await overdueMinutes();
    expect(late.get(`${number(0)}:scheduling:1`)).toBe(80);
    // One still running: late by whatever business time has passed since (never null).
    expect(late.get(`${number(0)}:progress:1`)).toEqual(expect.any(Number));
  });

  it('compliance counts a breach as missed from the moment it happens, before the clock ends', async () => {
    const month = calendarMonth();
    const compliance = async () => {
      const { body } = await gql<{
        slaCompliance: { kind: string; organizationId: string; met: number; breached: number }[];
      }>(
        world.api,
        `query ($f: SlaComplianceFilter!) {
          slaCompliance(filter: $f) { kind organizationId met breached compliancePercent } }`,
        { f: { fromMonth: month, toMonth: month, organizationId: Object.values(world.orgIds)[0] } },
        world.bearer(Role.MANAGER),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.slaCompliance;
    };
    // Four diagnosis clocks met this month (on ticket 2), as «4 cumplidos» on the board.
    for (let run = 2; run <= 5; run++) {
      await world.db.query(
        `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
           target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, ended_at,
           end_reason, calendar_version)
         VALUES ($1, $2, 'diagnosis', $3, 'MET', 480, 'minutes', now() - interval '1 hour',
           now() + interval '1 day', 28800000, 3600000, now(), now(), 'MET', 1)`,
        [`${number(2)}:diagnosis:${run}`, number(2), run],
      );
    }
    // A diagnosis clock breaches and keeps running (the late answer has not come yet).
    await world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, calendar_version)
       VALUES ($1, $2, 'diagnosis', 1, 'RUNNING', 480, 'minutes', now() - interval '1 day',
         now() - interval '1 minute', 28800000, 28000000, now() - interval '1 minute', 1)`,
      [`${number(0)}:diagnosis:1`, number(0)],
    );
    expect((await compliance()).find((r) => r.kind === 'diagnosis')).toMatchObject({
      met: 4,
      breached: 0,
      compliancePercent: 100,
    });
    await world.db.query(
      `UPDATE ticket_clock SET status = 'BREACHED', breached_at = now() WHERE clock_id = $1`,
      [`${number(0)}:diagnosis:1`],
    );
    expect((await compliance()).find((r) => r.kind === 'diagnosis')).toMatchObject({
      met: 4,
      breached: 1,
      compliancePercent: 80,
    });
    // The late answer ends it: still one breach, counted once.
    await world.db.query(`UPDATE ticket_clock SET ended_at = now() WHERE clock_id = $1`, [
      `${number(0)}:diagnosis:1`,
    ]);
    expect((await compliance()).find((r) => r.kind === 'diagnosis')).toMatchObject({
      met: 4,
      breached: 1,
      compliancePercent: 80,
    });
  });

  it('«En riesgo» lists running clocks past their at-risk mark, soonest deadline first, to the millisecond', async () => {
    // On the open ticket 1: three running clocks at risk (deadlines out of order), one at risk but
    // breached, one at risk but ended, one running and not at risk.
    const clock = async (
      run: number,
      deadline: string,
      o: { atRisk?: boolean; breached?: boolean; ended?: boolean } = {},
    ): Promise<void> => {
      await world.db.query(
        `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
           target_unit, started_at, deadline, at_risk_at, budget_ms, consumed_ms, consumed_as_of,
           at_risk_recorded_at, breached_at, ended_at, end_reason, calendar_version)
         VALUES ($1, $2, 'progress', $3, $4, 480, 'minutes', '2030-01-01T15:00:00Z', $5, '2030-01-02T15:00:00Z',
           28800000, 3600000, '2030-01-01T16:00:00Z', CASE WHEN $6 THEN '2030-01-02T15:00:00.250Z'::timestamptz END,
           CASE WHEN $7 THEN '2030-01-03T15:00:00Z'::timestamptz END,
           CASE WHEN $8 THEN '2030-01-03T16:00:00Z'::timestamptz END, CASE WHEN $8 THEN 'MET' END, 1)`,
        [
          `${number(1)}:progress:${run}`,
          number(1),
          run,
          o.breached ? 'BREACHED' : o.ended ? 'MET' : 'RUNNING',
          deadline,
          o.atRisk ?? true,
          o.breached ?? false,
          o.ended ?? false,
        ],
      );
    };
    await world.db.query(`UPDATE ticket SET state = 'IN_ANALYSIS' WHERE number = $1`, [number(1)]);
    await clock(11, '2030-01-05T15:00:00.789Z');
    await clock(12, '2030-01-03T15:00:00.123Z');
    await clock(13, '2030-01-04T15:00:00.456Z');
    await clock(14, '2030-01-02T15:00:00Z', { breached: true });
    await clock(15, '2030-01-02T16:00:00Z', { ended: true });
    await clock(16, '2030-01-02T17:00:00Z', { atRisk: false });
    // Microseconds below the millisecond are cut, as the driver cuts them when it reads a row.
    await clock(17, '2030-01-06T15:00:00.999999Z');
    const { body } = await gql<{
      slaTimers: {
        ticketNumber: string;
        slaStatus: string;
        clock: { id: string; deadline: string; atRiskRecordedAt: string; startedAt: string };
      }[];
    }>(
      world.api,
      `{ slaTimers(filter: { atRiskOnly: true }) { ticketNumber slaStatus
          clock { id deadline atRiskRecordedAt startedAt } } }`,
      {},
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const mine = body.data!.slaTimers.filter((t) => t.ticketNumber === number(1));
    expect(mine.map((t) => [t.clock.id, t.clock.deadline, t.slaStatus])).toEqual([
      [`${number(1)}:progress:12`, '2030-01-03T15:00:00.123Z', 'at_risk'],
      [`${number(1)}:progress:13`, '2030-01-04T15:00:00.456Z', 'at_risk'],
      [`${number(1)}:progress:11`, '2030-01-05T15:00:00.789Z', 'at_risk'],
      [`${number(1)}:progress:17`, '2030-01-06T15:00:00.999Z', 'at_risk'],
    ]);
    expect(mine[0].clock.atRiskRecordedAt).toBe('2030-01-02T15:00:00.250Z');
    expect(mine[0].clock.startedAt).toBe('2030-01-01T15:00:00.000Z');
    // The list reads its partial index in its own order (migration 1764319620000).
    const plan = await world.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_bitmapscan = off');
      await tx.query('SET LOCAL enable_sort = off');
      return tx.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT c.clock_id FROM ticket_clock c
          WHERE c.ended_at IS NULL AND c.at_risk_recorded_at IS NOT NULL AND c.breached_at IS NULL
          ORDER BY c.deadline ASC NULLS LAST LIMIT 200`,
      );
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_ticket_clock_at_risk');
  });

  it("computes a clock on its ticket's own calendar, at the calendar's current version (BUSINESS-TIME.md)", async () => {
    // A calendar whose weekdays open at 11:00 (Mexico City); after the edit, at 09:00.
    const week = (start: string) =>
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [{ start, end: '18:00' }] }));
    const created = await gql<{ createCalendar: { id: string } }>(
      world.api,
      `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
      {
        input: {
          name: 'Turno tarde',
          timeZone: 'America/Mexico_City',
          mexicoLft74Holidays: false,
          weekly: week('11:00'),
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const calendarId = created.body.data!.createCalendar.id;
    const late = `L3-2024-${800101}`;
    await world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, registered_at, last_event_seq)
       SELECT $1, 2024, 800101, $2, organization_id, registrant_id, $3, category, subject,
              description, 'IN_ANALYSIS', registered_at, 0
         FROM ticket WHERE number = $4`,
      [late, `sla-board-${late}`, calendarId, number(0)],
    );
    // Due Wednesday 2024-01-10 10:00 Mexico City, answered 11:20 the same day.
    await answeredLate(late, '2024-01-08T17:00:00Z', 25200000);
    const overdue = async () => (await overdueMinutes()).get(`${late}:scheduling:1`);
    // Its calendar opened at 11:00: 20 business minutes late (the default calendar would say 80).
    expect(await overdue()).toBe(20);
    const edited = await gql<{ updateCalendar: { id: string } }>(
      world.api,
      `mutation ($id: ID!, $input: UpdateCalendarInput!) { updateCalendar(id: $id, input: $input) { id } }`,
      { id: calendarId, input: { weekly: week('09:00') } },
      world.bearer(Role.ADMIN),
    );
    expect(edited.body.errors).toBeUndefined();
    // The next read follows the new version: open since 09:00, so 80 minutes.
    expect(await overdue()).toBe(80);
  });

  describe('totals of the lists (S17-E: «Se muestran 200 de 350»; L3-06…L3-09)', () => {
    const COUNTS = `query ($f: SlaTimerCountFilter) {
      slaTimerCounts(filter: $f) { running paused atRisk breached }
    }`;
    const tulumTicket = 'L3-2024-800201';
    const tulumClosed = 'L3-2024-800202';
    let tulum: string;

    const counts = async (f: Record<string, unknown> = {}, role = Role.MANAGER) => {
      const { body } = await gql<{
        slaTimerCounts: { running: number; paused: number; atRisk: number; breached: number };
      }>(world.api, COUNTS, { f }, world.bearer(role));
      expect(body.errors).toBeUndefined();
      return body.data!.slaTimerCounts;
    };
    const listed = async (f: Record<string, unknown>) => {
      const { body } = await gql<{ slaTimers: Timer[] }>(
        world.api,
        TIMERS,
        { f },
        world.bearer(Role.MANAGER),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.slaTimers;
    };

    /** `n` clocks by SQL on `ticket` (runs from `run`), its ended state and client from the ticket. */
    async function clocks(
      ticket: string,
      kind: string,
      run: number,
      n: number,
      o: { status?: string; atRisk?: boolean; breached?: boolean; ended?: boolean } = {},
    ) {
      await world.db.query(
        `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
           target_unit, started_at, deadline, at_risk_at, budget_ms, consumed_ms, consumed_as_of,
           at_risk_recorded_at, breached_at, ended_at, end_reason, calendar_version)
         SELECT $1 || ':' || $2 || ':' || g, $1, $2, g, $5, 480, 'minutes',
                now() - interval '1 hour', now() + g * interval '1 minute',
                now() + g * interval '1 minute' - interval '30 minutes', 28800000, 3600000, now(),
                CASE WHEN $6 THEN now() END, CASE WHEN $7 THEN now() - g * interval '1 second' END,
                CASE WHEN $8 THEN now() END, CASE WHEN $8 THEN 'MET' END, 1
           FROM generate_series($3::int, $3::int + $4::int - 1) g`,
        [
          ticket,
          kind,
          run,
          n,
          o.status ?? 'RUNNING',
          o.atRisk ?? false,
          o.breached ?? false,
          o.ended ?? false,
        ],
      );
    }

    beforeAll(async () => {
      [{ id: tulum }] = await world.db.query<{ id: string }[]>(
        `SELECT id FROM organization WHERE name = 'Grupo Industrial Tulum'`,
      );
      for (const [n, state] of [
        [tulumTicket, 'IN_ANALYSIS'],
        [tulumClosed, 'CLOSED'],
      ] as const) {
        await world.db.query(
          `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
             calendar_id, category, subject, description, state, registered_at, last_event_seq)
           SELECT $1, 2024, $2, $3, $4, registrant_id, calendar_id, category, 'Muchos relojes',
                  description, $5, registered_at, 0
             FROM ticket WHERE number = $6`,
          [n, Number(n.slice(-6)), `sla-board-${n}`, tulum, state, number(0)],
        );
      }
      // On Tulum's open ticket: 230 running progress clocks (7 of them at risk), 5 paused
      // diagnosis clocks, 3 breached and still open; on its closed ticket 2 breaches (history)
      // and, anywhere, ended clocks that no list shows.
      await clocks(tulumTicket, 'progress', 1, 223);
      await clocks(tulumTicket, 'progress', 224, 7, { atRisk: true });
      await clocks(tulumTicket, 'diagnosis', 1, 5, { status: 'PAUSED' });
      await clocks(tulumTicket, 'scheduling', 1, 3, { status: 'BREACHED', breached: true });
      await clocks(tulumClosed, 'triage', 1, 2, { status: 'BREACHED', breached: true });
      await clocks(tulumClosed, 'diagnosis', 1, 3000, { status: 'MET', ended: true });
      await world.db.query('ANALYZE ticket_clock');
      await world.db.query('ANALYZE ticket');
    });

    it('counts what each list holds in all, while a page shows at most `first`', async () => {
      expect(await counts({ organizationId: tulum })).toEqual({
        running: 230,
        paused: 5,
        atRisk: 7,
        breached: 3,
      });
      const page = await listed({ organizationId: tulum, runningOnly: true });
      expect(page).toHaveLength(200);
      expect(page.every((t) => ['RUNNING', 'PAUSED'].includes(t.clock.status))).toBe(true);
      // «Mostrar más» (first up to 1000) reaches the rest: as many as counted.
      expect(await listed({ organizationId: tulum, runningOnly: true, first: 400 })).toHaveLength(
        235,
      );
      expect(await listed({ organizationId: tulum, atRiskOnly: true })).toHaveLength(7);
      expect(await listed({ organizationId: tulum, breachedOnly: true })).toHaveLength(3);
    });

    it('counts with the filters the lists take: clock kind and client', async () => {
      expect(await counts({ organizationId: tulum, kind: 'diagnosis' })).toEqual({
        running: 0,
        paused: 5,
        atRisk: 0,
        breached: 0,
      });
      expect(await counts({ organizationId: tulum, kind: 'progress' })).toMatchObject({
        running: 230,
        atRisk: 7,
      });
      // The whole provider, and one kind across clients: each total equals its whole list.
      for (const f of [{}, { kind: 'progress' }, { kind: 'scheduling' }]) {
        const all = await counts(f);
        const full = { ...f, first: 1000 };
        expect((await listed({ ...full, runningOnly: true })).length).toBe(
          all.running + all.paused,
        );
        expect((await listed({ ...full, atRiskOnly: true })).length).toBe(all.atRisk);
        expect((await listed({ ...full, breachedOnly: true })).length).toBe(all.breached);
      }
      expect((await counts()).running).toBeGreaterThanOrEqual(230);
    });

    it('counts with the indexes, sorting nothing, over thousands of clocks', async () => {
      const plan = await world.db.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT count(*) FILTER (WHERE c.status = 'RUNNING')::int,
                (SELECT count(*)::int FROM ticket_clock c
                  WHERE c.breached_at IS NOT NULL AND NOT c.ticket_ended)
           FROM ticket_clock c WHERE c.ended_at IS NULL`,
      );
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).not.toMatch(/Sort/);
      // One client's totals read the client each clock carries, never the client's tickets (a
      // client with 50,000 tickets: 251 ms before, 3 ms after; migration 1764319880000).
      const byClient = await world.db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        await tx.query('SET LOCAL enable_bitmapscan = off');
        return tx.query<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN SELECT count(*) FILTER (WHERE c.status = 'RUNNING')::int,
                  count(*) FILTER (WHERE c.at_risk_recorded_at IS NOT NULL
                                     AND c.breached_at IS NULL)::int,
                  (SELECT count(*)::int FROM ticket_clock c
                    WHERE c.breached_at IS NOT NULL AND NOT c.ticket_ended
                      AND c.organization_id = $1)
             FROM ticket_clock c WHERE c.ended_at IS NULL AND c.organization_id = $1`,
          [tulum],
        );
      });
      const clientPlan = byClient.map((r) => r['QUERY PLAN']).join('\n');
      expect(clientPlan).toContain('Index Only Scan using ix_ticket_clock_org_open_counts');
      expect(clientPlan).toContain('Index Only Scan using ix_ticket_clock_org_breached_open');
      expect(clientPlan).not.toMatch(/ on ticket /);
    });

    it('drops a ticket’s breaches from the total when it ends, and counts them again if it reopens (L3-08)', async () => {
      const breachedOf = async () => ({
        counted: (await counts({ organizationId: tulum })).breached,
        listed: (await listed({ organizationId: tulum, breachedOnly: true })).length,
      });
      expect(await breachedOf()).toEqual({ counted: 3, listed: 3 });
      // The projection writes the state; the clocks carry it (migration 1764319760000).
      await world.db.query(`UPDATE ticket SET state = 'CANCELLED' WHERE number = $1`, [
        tulumTicket,
      ]);
      expect(await breachedOf()).toEqual({ counted: 0, listed: 0 });
      // A clock written after the ticket ended is history too.
      await clocks(tulumTicket, 'progress', 900, 1, { status: 'BREACHED', breached: true });
      expect(await breachedOf()).toEqual({ counted: 0, listed: 0 });
      await world.db.query(`UPDATE ticket SET state = 'IN_ANALYSIS' WHERE number = $1`, [
        tulumTicket,
      ]);
      expect(await breachedOf()).toEqual({ counted: 4, listed: 4 });
      await world.db.query(`DELETE FROM ticket_clock WHERE clock_id = $1`, [
        `${tulumTicket}:progress:900`,
      ]);
      expect(await breachedOf()).toEqual({ counted: 3, listed: 3 });
    });

    it('answers provider staff only, and refuses bad filters with a typed code', async () => {
      expect((await counts({ organizationId: tulum }, Role.AGENT)).paused).toBe(5);
      expect((await counts({ organizationId: tulum }, Role.ADMIN)).paused).toBe(5);
      for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
        const { body } = await gql(world.api, COUNTS, { f: {} }, world.bearer(role));
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(body.data).toBeNull();
      }
      const anonymous = await gql(world.api, COUNTS, { f: {} });
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      for (const f of [{ kind: 'lunch' }, { organizationId: 'tulum' }]) {
        const { body } = await gql(world.api, COUNTS, { f }, world.bearer(Role.MANAGER));
        expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      }
    });
  });
});
