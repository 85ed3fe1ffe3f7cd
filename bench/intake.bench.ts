import { randomUUID } from 'node:crypto';
import { Role } from '../src/identity/role.enum';
import type { BenchRow, BenchScenario } from './bench-harness';
import { cpuBetween, cpuSnapshot, type StackPart } from './process-cpu';
import { type BenchWorld, concurrentRate, NOOP_TASK_QUEUE, withBenchWorld } from './real-stack';
import { noopWorkflow } from './workflows/noop';

const CLIENTS = 8;
const TICKETS = 300;
const MAX_MS = 20_000;
const GOAL_RATIO = 0.7;
/** How long the bench waits for a burst's tickets to be processed before it gives up. */
const DRAIN_MS = 120_000;
/** A pause between the drained burst and the baseline (the last emails leave the outbox). */
const SETTLE_MS = 1_000;
const PARTS: readonly StackPart[] = [
  'API',
  'ticket worker',
  'Temporal server',
  'PostgreSQL',
  'bench',
];

const REGISTER = `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number state } }`;

/**
 * Issue 5 item 9 / issue 10 item 1: tickets registered per second through GraphQL
 * `registerTicket` (number allocated, row written, workflow started, first state read) by 8
 * concurrent clients, against bare `client.workflow.start` of a no-op workflow on the same server.
 */
export const intakeScenario: BenchScenario = {
  name: 'intake',
  run: () =>
    withBenchWorld(
      'intake',
      async (world) => {
        const register = async (i: number): Promise<void> => {
          const res = await world.gql<{ registerTicket: { number: string } }>(
            REGISTER,
            {
              input: {
                category: 'DEVELOPMENT',
                subject: `Bench ticket ${i}`,
                description: 'Ticket de carga del benchmark de registro.',
              },
            },
            Role.CLIENT_USER,
          );
          if (!res.data) throw new Error(`registerTicket failed: ${JSON.stringify(res.errors)}`);
        };
        const start = async (): Promise<void> => {
          await world.client.workflow.start(noopWorkflow, {
            taskQueue: NOOP_TASK_QUEUE,
            workflowId: `bench-noop-${randomUUID()}`,
            args: [false],
          });
        };
        // Warm-up: JIT, pools, caches on both paths.
        await concurrentRate(CLIENTS, 16, MAX_MS, register);
        await drained(world);
        await concurrentRate(CLIENTS, 32, MAX_MS, start);

        const registering = Date.now();
        const cpuBefore = cpuSnapshot();
        const tickets = await concurrentRate(CLIENTS, TICKETS, MAX_MS, register);
        // The burst's tickets go on in the worker after their answers (first task, projection,
        // emails queued): the baseline runs once they are done, not beside them.
        await drained(world);
        const processedIn = (Date.now() - registering) / 1000;
        const cpu = cpuBetween(cpuBefore, cpuSnapshot());
        await sleep(SETTLE_MS);
        const bareBefore = cpuSnapshot();
        const bare = await concurrentRate(CLIENTS, TICKETS * 2, MAX_MS / 2, start);
        const bareCpu = cpuBetween(bareBefore, cpuSnapshot());
        const ratio = tickets.perSecond / bare.perSecond;
        const rows: BenchRow[] = [
          {
            scenario: 'intake',
            metric: `registerTicket, ${CLIENTS} clients (${tickets.done} tickets)`,
            value: tickets.perSecond,
            unit: '/s',
            baseline: { label: 'bare workflow.start /s', value: bare.perSecond },
          },
          {
            scenario: 'intake',
            metric: 'registerTicket ÷ bare start',
            value: ratio,
            unit: '×',
            goal: { text: `≥ ${GOAL_RATIO}×`, met: ratio >= GOAL_RATIO },
          },
          {
            scenario: 'intake',
            metric: 'registered and processed (first task, projection, emails queued)',
            value: tickets.done / processedIn,
            unit: '/s',
          },
          ...cpuRows(cpu, tickets.done, bareCpu, bare.done),
        ];
        return rows;
      },
      { worker: 'own-process', api: 'own-process' },
    ),
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every registered ticket has had its first workflow task (the projection marks the
 * row started) and its events' emails queued (`notified_seq`).
 */
async function drained(world: BenchWorld): Promise<void> {
  const until = Date.now() + DRAIN_MS;
  for (;;) {
    const [{ behind }] = await world.db.query<{ behind: number }[]>(
      `SELECT count(*)::int AS behind FROM ticket
        WHERE workflow_started_at IS NULL OR notified_seq < last_event_seq`,
    );
    if (behind === 0) return;
    if (Date.now() > until) throw new Error(`${behind} tickets not processed in ${DRAIN_MS} ms`);
    await sleep(50);
  }
}

/**
 * CPU milliseconds per ticket (registration until processed) and per bare start, by part of the
 * stack: on one machine every part shares the cores, so the rate follows their sum.
 */
function cpuRows(
  cpu: ReadonlyMap<StackPart, number>,
  tickets: number,
  bareCpu: ReadonlyMap<StackPart, number>,
  starts: number,
): BenchRow[] {
  if (cpu.size === 0) return [];
  const total = (used: ReadonlyMap<StackPart, number>): number =>
    [...used.values()].reduce((sum, seconds) => sum + seconds, 0);
  return [
    ...PARTS.map((part) => [part, cpu.get(part) ?? 0, bareCpu.get(part) ?? 0] as const),
    ['all', total(cpu), total(bareCpu)] as const,
  ].map(([part, seconds, bareSeconds]) => ({
    scenario: 'intake',
    metric: `CPU per ticket: ${part}`,
    value: (seconds * 1000) / tickets,
    unit: 'ms',
    baseline: { label: 'per bare start', value: (bareSeconds * 1000) / starts },
  }));
}
