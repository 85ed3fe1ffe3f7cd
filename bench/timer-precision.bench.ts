import { Role } from '../src/identity/role.enum';
import type { BenchRow, BenchScenario } from './bench-harness';
import { concurrentRate, openBenchTickets, percentile, withBenchWorld } from './real-stack';

/* eslint-disable no-console */

const DEFAULT_TICKETS = 300;
const CLIENTS = 16;
/** The shortest progress cadence a ticket takes (whole minutes). */
const CADENCE_MINUTES = 1;
const GOAL_P99_MS = 1_000;
/** Ticket sequence numbers of this scenario start here (the API's counter never reaches them). */
const FIRST_SEQ = 700_001;

const CREATE_CALENDAR = `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`;
const CLASSIFY = `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { ticket { state } } }`;

/**
 * Issue 10 item 1: how late an SLA clock fires. Real ticket workflows on the real worker (its own
 * process, as deployed) and dev server, on a 24/7 calendar created through the API, with a short
 * target: the progress clock of a problem ticket at a 1-minute cadence (L3-07; the contract's own
 * cadence is 8 business hours). `BENCH_TIMER_TICKETS` tickets (default 300) are opened, then
 * classified as problems through GraphQL by the agent, 16 at a time, so their clocks fall due
 * over the same span, about as fast as the system takes transitions. Lateness is
 * `fired_at − deadline` of each `breached` `sla_event` row (workflow time of the firing task) and
 * `recorded_at − deadline` (row committed); each clock's breach must be in the timeline once.
 */
export const timerPrecisionScenario: BenchScenario = {
  name: 'timer precision',
  run: () => withBenchWorld('timers', measure, { worker: 'own-process' }),
};

type World = Parameters<Parameters<typeof withBenchWorld>[1]>[0];

async function measure(world: World): Promise<BenchRow[]> {
  const n = Number(process.env.BENCH_TIMER_TICKETS ?? DEFAULT_TICKETS);
  if (!Number.isInteger(n) || n < 1) throw new Error('BENCH_TIMER_TICKETS must be an integer > 0');
  const calendar = await world.gql<{ createCalendar: { id: string } }>(
    CREATE_CALENDAR,
    {
      input: {
        name: 'Banco de pruebas 24/7',
        timeZone: 'UTC',
        mexicoLft74Holidays: false,
        weekly: Array.from({ length: 7 }, (_, i) => ({
          weekday: i + 1,
          intervals: [{ start: '00:00', end: '24:00' }],
        })),
      },
    },
    Role.MANAGER,
  );
  const calendarId = calendar.data?.createCalendar.id;
  if (!calendarId) throw new Error(`createCalendar failed: ${JSON.stringify(calendar.errors)}`);

  // Opened as registerTicket opens them, with the short cadence the API does not offer.
  const { numbers, start } = await openBenchTickets(world, {
    firstSeq: FIRST_SEQ,
    count: n,
    calendarId,
    subject: 'Reloj de precisión',
    description: 'Ticket del escenario de temporizadores.',
    progressCadenceMinutes: CADENCE_MINUTES,
  });
  await concurrentRate(CLIENTS, n, Infinity, start);
  await until('every triage clock running', 120_000, async () => {
    const [{ count }] = await world.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ticket_clock c JOIN ticket t ON t.number = c.ticket_number
        WHERE t.seq >= $1 AND c.kind = 'triage' AND c.status = 'RUNNING'`,
      [FIRST_SEQ],
    );
    return count === n;
  });

  const t0 = Date.now();
  await concurrentRate(CLIENTS, n, Infinity, async (i) => {
    const res = await world.gql<{ classifyTicket: { ticket: { state: string } } }>(
      CLASSIFY,
      { input: { number: numbers[i], classification: 'PROBLEM' } },
      Role.AGENT,
    );
    if (res.data?.classifyTicket.ticket.state !== 'IN_ANALYSIS') {
      throw new Error(`classifyTicket failed: ${JSON.stringify(res)}`);
    }
  });
  const spanSeconds = (Date.now() - t0) / 1000;
  console.log(`  [timers] ${n} progress clocks started over ${spanSeconds.toFixed(1)} s`);

  // The breach is recorded in `sla_event` by an activity, then in the ticket's timeline: each
  // clock's must be there exactly once (`sla_event` is unique per clock and event).
  let rows: { fired: number; recorded: number }[] = [];
  let timeline = { events: 0, clocks: 0 };
  await until('every progress clock breached', CADENCE_MINUTES * 60_000 + 120_000, async () => {
    rows = (
      await world.db.query<{ fired: string; recorded: string }[]>(
        `SELECT extract(epoch FROM fired_at - deadline) * 1000 AS fired,
                extract(epoch FROM recorded_at - deadline) * 1000 AS recorded
           FROM sla_event WHERE ticket_key = ANY($1) AND clock_kind = 'progress' AND event = 'breached'`,
        [numbers],
      )
    ).map((r) => ({ fired: Number(r.fired), recorded: Number(r.recorded) }));
    [timeline] = await world.db.query<{ events: number; clocks: number }[]>(
      `SELECT count(*)::int AS events, count(DISTINCT data->>'clockId')::int AS clocks
         FROM ticket_event WHERE ticket_number = ANY($1) AND type = 'CLOCK_BREACHED'`,
      [numbers],
    );
    return rows.length === n && timeline.clocks === n;
  });
  if (timeline.events !== n) {
    throw new Error(`${timeline.events} breach events in the timelines of ${n} clocks`);
  }

  const fired = rows.map((r) => r.fired);
  const recorded = rows.map((r) => r.recorded);
  const row = (metric: string, values: number[], p: number, goal: boolean): BenchRow => ({
    scenario: 'timer precision',
    metric: `${metric} ${p === 100 ? 'max' : `p${p}`} (n=${values.length})`,
    value: percentile(values, p),
    unit: 'ms',
    ...(goal
      ? { goal: { text: `< ${GOAL_P99_MS} ms`, met: percentile(values, p) < GOAL_P99_MS } }
      : {}),
  });
  return [
    {
      scenario: 'timer precision',
      metric: `ticket progress clocks falling due (24/7, ${CADENCE_MINUTES} min target)`,
      value: n,
      unit: 'clocks',
      baseline: { label: 'due over s', value: spanSeconds },
    },
    row('fired_at − deadline', fired, 50, false),
    row('fired_at − deadline', fired, 99, true),
    row('fired_at − deadline', fired, 100, false),
    row('recorded_at − deadline', recorded, 50, false),
    row('recorded_at − deadline', recorded, 99, false),
    {
      scenario: 'timer precision',
      metric: 'breach events per clock in the timeline',
      value: timeline.events / timeline.clocks,
      unit: '',
    },
  ];
}

/** Polls `done` every 250 ms until it holds; throws after `ms` with `what`. */
async function until(what: string, ms: number, done: () => Promise<boolean>): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timer precision: not reached within ${ms / 1000} s: ${what}`);
}
