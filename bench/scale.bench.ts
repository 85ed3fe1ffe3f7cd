import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_CALENDAR_ID } from '../src/database/migrations/1764317000000-calendars';
import type { BenchRow, BenchScenario } from './bench-harness';
import { concurrentRate, openBenchTickets, withBenchWorld } from './real-stack';

/* eslint-disable no-console */

const DEFAULT_N = 10_000;
const WARM_UP = 50;
const CLIENTS = 16;
/** Ticket sequence numbers of this scenario start here (the API's counter never reaches them). */
const FIRST_SEQ = 500_001;
const MiB = 1024 * 1024;
/** Where the worker's memory is read, as fractions of N: the curve shows where it flattens. */
const CURVE = [0.1, 0.2, 0.4, 0.7, 1];

/**
 * Issue 10 item 1: N open ticket workflows (default 10,000; `BENCH_SCALE_N`) on one machine, each
 * with its triage clock running (a durable timer 8 business hours out on the default calendar).
 * The read-model rows are inserted by SQL; the workflows are started with the Temporal client
 * (16 concurrent starts), each runs its first task, computes its clock and projects its first
 * events. Measured: how long starting them took, when every clock was running in the read model,
 * the worker's memory (its own process, as deployed: RSS covers its workflow threads), read at
 * points of a curve, and the Temporal SQLite file per open ticket. The email dispatcher is off
 * (the registration emails stay queued in the outbox).
 */
export const scaleScenario: BenchScenario = {
  name: 'scale',
  run: async () => {
    const n = Number(process.env.BENCH_SCALE_N ?? DEFAULT_N);
    if (!Number.isInteger(n) || n < 1) throw new Error('BENCH_SCALE_N must be a positive integer');
    const dispatcher = process.env.MAIL_DISPATCHER;
    process.env.MAIL_DISPATCHER = 'off';
    try {
      return await withBenchWorld('scale', (world) => measure(world, n), {
        worker: 'own-process',
      });
    } finally {
      if (dispatcher === undefined) delete process.env.MAIL_DISPATCHER;
      else process.env.MAIL_DISPATCHER = dispatcher;
    }
  },
};

type World = Parameters<Parameters<typeof withBenchWorld>[1]>[0];

async function measure(world: World, n: number): Promise<BenchRow[]> {
  const { start } = await openBenchTickets(world, {
    firstSeq: FIRST_SEQ,
    count: WARM_UP + n,
    calendarId: DEFAULT_CALENDAR_ID,
    subject: 'Ticket de escala',
    description: 'Carga del escenario de escala.',
  });
  const running = async (): Promise<number> =>
    Number(
      (
        await world.db.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM ticket_clock WHERE status = 'RUNNING' AND kind = 'triage'`,
        )
      )[0].n,
    );
  const untilRunning = async (count: number, what: string): Promise<void> => {
    let last = -1;
    let lastChange = Date.now();
    for (;;) {
      const now = await running();
      if (now >= count) return;
      if (now !== last) [last, lastChange] = [now, Date.now()];
      // No progress for 2 minutes: something is stuck; stop rather than hang the bench.
      if (Date.now() - lastChange > 120_000) throw new Error(`${what}: stuck at ${now}/${count}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  // Warm-up: JIT, pools, the workflow bundle's first contexts.
  await concurrentRate(CLIENTS, WARM_UP, Infinity, start);
  await untilRunning(WARM_UP, 'warm-up');
  const before = snapshot(world);

  // Started in steps; at each point of the curve, once every clock so far runs, the worker's
  // memory is read.
  const t0 = Date.now();
  let startMs = 0;
  let begun = 0;
  const curve: { open: number; workerRss: number }[] = [];
  for (const point of CURVE) {
    const upTo = Math.round(point * n);
    const from = begun;
    const t = Date.now();
    await concurrentRate(CLIENTS, upTo - from, Infinity, async (i) => {
      await start(WARM_UP + from + i);
      if ((from + i) % 1_000 === 0 && from + i > 0) {
        console.log(`  [scale] ${from + i} started, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      }
    });
    startMs += Date.now() - t;
    begun = upTo;
    await untilRunning(WARM_UP + upTo, 'clocks');
    curve.push({ open: WARM_UP + upTo, workerRss: processRss(world.workerPid) });
    console.log(
      `  [scale] ${WARM_UP + upTo} open, worker RSS ${(curve[curve.length - 1].workerRss / MiB).toFixed(0)} MiB`,
    );
  }
  const startSeconds = startMs / 1000;
  const runningSeconds = (Date.now() - t0) / 1000;
  const after = snapshot(world);
  const [pg] = await world.db.query<{ bytes: string }[]>(
    'SELECT pg_database_size(current_database()) AS bytes',
  );

  const perTicketKiB = (a: number, b: number): number => (a - b) / n / 1024;
  const row = (metric: string, value: number, unit: string, baseline?: BenchRow['baseline']) => ({
    scenario: 'scale',
    metric,
    value,
    unit,
    ...(baseline ? { baseline } : {}),
  });
  return [
    row(
      `start ${n} ticket workflows, ${CLIENTS} clients (time spent starting)`,
      startSeconds,
      's',
      {
        label: 'starts /s',
        value: n / startSeconds,
      },
    ),
    row(`all ${n} triage clocks running (read model)`, runningSeconds, 's'),
    row(
      'worker process RSS per open ticket',
      perTicketKiB(after.workerRss, before.workerRss),
      'KiB',
      { label: `worker RSS MiB at ${WARM_UP + n}`, value: after.workerRss / MiB },
    ),
    ...curve.map((c) =>
      row(`  worker process RSS at ${c.open} open tickets`, c.workerRss / MiB, 'MiB'),
    ),
    row(
      'bench process RSS (API, client) per open ticket',
      perTicketKiB(after.rss, before.rss),
      'KiB',
      {
        label: `bench RSS MiB at ${WARM_UP + n}`,
        value: after.rss / MiB,
      },
    ),
    row(
      'Temporal SQLite per open ticket',
      perTicketKiB(after.temporalDb, before.temporalDb),
      'KiB',
      { label: `SQLite MiB at ${WARM_UP + n}`, value: after.temporalDb / MiB },
    ),
    row('PostgreSQL database size', Number(pg.bytes) / MiB, 'MiB'),
    row('worker workflow cache (default maxCachedWorkflows)', defaultCacheSize(), 'runs'),
  ];
}

interface Snapshot {
  /** This process (the API and the bench client), after a full GC. */
  readonly rss: number;
  /** The worker process (its workflow threads included), as the OS counts it. */
  readonly workerRss: number;
  readonly temporalDb: number;
}

/** Memory of both processes, and the dev server's SQLite file with its WAL. */
function snapshot(world: World): Snapshot {
  gc();
  const memory = process.memoryUsage();
  const dir = join(world.dataDir, 'temporal');
  const temporalDb = readdirSync(dir)
    .filter((f) => f.startsWith('temporal.db'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return { rss: memory.rss, workerRss: processRss(world.workerPid), temporalDb };
}

/** Resident memory of process `pid` (`VmRSS` in /proc), in bytes. */
function processRss(pid: number | undefined): number {
  if (!pid) throw new Error('the scale scenario needs the worker in its own process');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** A full collection, without starting node with `--expose-gc`. */
function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * What the SDK picks when `maxCachedWorkflows` is not set (worker-options, reuseV8Context). The
 * worker process runs with Node's defaults, as this one, so its heap limit is the same.
 */
function defaultCacheSize(): number {
  const heapMiB = getHeapStatistics().heap_size_limit / MiB;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}
