import { randomUUID } from 'node:crypto';
import { Role } from '../src/identity/role.enum';
import type { BenchRow, BenchScenario } from './bench-harness';
import { concurrentRate, NOOP_TASK_QUEUE, withBenchWorld } from './real-stack';
import { noopWorkflow } from './workflows/noop';

const CLIENTS = 8;
const TICKETS = 300;
const MAX_MS = 20_000;
const GOAL_RATIO = 0.7;

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
        await concurrentRate(CLIENTS, 32, MAX_MS, start);

        const tickets = await concurrentRate(CLIENTS, TICKETS, MAX_MS, register);
        const bare = await concurrentRate(CLIENTS, TICKETS * 2, MAX_MS / 2, start);
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
        ];
        return rows;
      },
      { worker: 'own-process', api: 'own-process' },
    ),
};
