import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Role } from '../../src/identity/role.enum';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { TicketWorkflowClient } from '../../src/tickets/ticket-workflow.client';
import { createActivities } from '../../src/worker/activities';
import { WorkerModule } from '../../src/worker/worker.module';
import { ADOPT_REMINDERS_PATCH } from '../../workflows/ticket/adopted-reminders';
import {
  APPROVAL_REMINDERS_PATCH,
  CHANGE_ORDER_REMINDERS_PATCH,
} from '../../workflows/ticket/approval-reminders';
import { TESTING_REMINDERS_PATCH } from '../../workflows/ticket/testing-reminders';
import {
  ticketStateQuery,
  type TicketView,
  ticketWorkflowId,
} from '../../workflows/ticket/ticket.contract';
import { eventually } from '../support/eventually';
import { ROOT } from '../support/paths';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import {
  businessClosing,
  type RequirementJourney,
  ticketJourneys,
} from '../support/ticket-journeys';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';
import { buildWorker, removeWorkerBuild } from '../support/worker-process';
import {
  type BackgroundWorker,
  registerTicket,
  startBackgroundWorker,
} from '../support/world-with-worker';

// `npm run tickets:adopt-reminders` (L3-09, L3-12), the compiled script as an operator runs it
// after an upgrade. Tickets older than the reminders adopt them on their next workflow task
// (workflows/ticket/adopted-reminders.ts), but an idle one has none. Here a worker of the code
// before the reminders (their patches off, as the workflow tier's adopted-reminders spec does)
// leaves one ticket in RELEASED_FOR_TESTING, one waiting for its estimate's authorization and one
// for a change order's; a worker of this code then runs, and the script wakes exactly those three:
// each adopts its series from then. A ticket armed by this code and one in another state are not
// signalled (their histories do not grow), and a second run signals nobody.

const BEFORE_REMINDERS = [
  APPROVAL_REMINDERS_PATCH,
  CHANGE_ORDER_REMINDERS_PATCH,
  TESTING_REMINDERS_PATCH,
  ADOPT_REMINDERS_PATCH,
];

describe('tickets:adopt-reminders, the compiled script (L3-09, L3-12)', () => {
  let world: SeededWorld;
  let bundle: WorkflowBundleWithSourceMap;
  let current: BackgroundWorker | undefined;
  let buildDir: string | undefined;

  beforeAll(async () => {
    installQuietRuntime();
    world = await createSeededWorld('adoptreminders', {
      TEMPORAL_TASK_QUEUE: `adoptreminders-${process.pid}-${Date.now()}`,
    });
    bundle = await bundleWorkflows();
    buildDir = await buildWorker();
  }, 240_000);
  afterAll(async () => {
    await current?.stop();
    await world?.close();
    if (buildDir) removeWorkerBuild(buildDir);
  });

  /**
   * The code before the reminders while `body` runs: a worker with their patches off, on the
   * world's queue, and the API starting tickets as it did then, without a patch level (this code
   * starts them at FOLDED_PATCHES_LEVEL, whose runs take every patch without asking).
   */
  async function withOldCode<T>(body: () => Promise<T>): Promise<T> {
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(world.config), {
      logger: ['error', 'warn'],
    });
    const connection = await NativeConnection.connect({ address: world.config.temporal.address });
    const workflows = world.api.app.get(TicketWorkflowClient);
    const start = workflows.start.bind(workflows);
    const startedBefore = jest
      .spyOn(workflows, 'start')
      .mockImplementation(({ foldedPatches: _level, ...input }) => start(input));
    try {
      const worker = await Worker.create({
        connection,
        namespace: world.config.temporal.namespace,
        taskQueue: world.config.temporal.taskQueue,
        workflowBundle: bundle,
        activities: createActivities(context),
        // No cache: the next worker replays every task this one ran.
        maxCachedWorkflows: 0,
        patchActivationCallback: ({ patchId }) => !BEFORE_REMINDERS.includes(patchId),
      });
      return await worker.runUntil(body());
    } finally {
      startedBefore.mockRestore();
      await connection.close();
      await context.close();
    }
  }

  /** The shared journeys on this spec's world (created in `beforeAll`). */
  const journeys = () => ticketJourneys(world);
  const act = async (role: Role, mutation: string, input: object, type?: string) =>
    (await journeys().act(role, mutation, input, type)).state;
  const register = (subject: string) =>
    registerTicket(world, { subject, description: `${subject} por zona.` });
  /** Each ticket's requirement: 6 hours, authorized in writing (L3-09, L3-12). */
  const requirement = (subject: string): RequirementJourney => ({
    subject,
    description: `${subject} por zona.`,
    hours: 6,
    scope: `${subject}: consulta y formato`,
    statement: 'Autorizo las 6 horas.',
  });

  /** A DEVELOPMENT requirement classified and estimated: it waits for the approver (L3-09). */
  const estimateSubmitted = (subject: string) =>
    journeys().estimatedRequirement(requirement(subject));

  /** The estimate authorized and the development started. */
  async function inDevelopment(subject: string): Promise<string> {
    const number = await journeys().scheduledRequirement(requirement(subject));
    await act(
      Role.AGENT,
      'setReleaseDate',
      { number, releaseDate: businessClosing() },
      'SetReleaseDateInput',
    );
    expect(await act(Role.AGENT, 'startDevelopment', { number })).toBe('IN_DEVELOPMENT');
    return number;
  }

  /** A change order submitted during the development: it waits for the approver (L3-12). */
  async function changeOrderPending(subject: string): Promise<string> {
    const number = await inDevelopment(subject);
    await act(
      Role.AGENT,
      'submitChangeOrder',
      { number, additionalHours: 4, scope: 'Falta el filtro por sucursal' },
      'SubmitChangeOrderInput',
    );
    return number;
  }

  /** Developed and released: it waits for the client's tests (L3-09). */
  async function releasedForTesting(subject: string): Promise<string> {
    const number = await inDevelopment(subject);
    expect(await act(Role.AGENT, 'releaseForTesting', { number, note: 'Ya puede probarlo' })).toBe(
      'RELEASED_FOR_TESTING',
    );
    return number;
  }

  const handle = (number: string) =>
    world.api.app.get(TemporalClientService).client.workflow.getHandle(ticketWorkflowId(number));
  const view = (number: string): Promise<TicketView> => handle(number).query(ticketStateQuery);
  /**
   * The workflows' history lengths once each is idle: no workflow task or activity pending, and
   * the last event a completed task or a started timer.
   */
  const idle = async (numbers: string[]): Promise<Record<string, number>> => {
    const lengths: Record<string, number> = {};
    for (const number of numbers) {
      const { length } = await eventually(
        async () => {
          const { raw } = await handle(number).describe();
          const events = (await handle(number).fetchHistory()).events ?? [];
          const last = events[events.length - 1];
          const settled =
            !raw.pendingWorkflowTask &&
            (raw.pendingActivities ?? []).length === 0 &&
            (!!last?.workflowTaskCompletedEventAttributes || !!last?.timerStartedEventAttributes);
          return { settled, length: events.length };
        },
        (state) => state.settled,
      );
      lengths[number] = length;
    }
    return lengths;
  };
  const projectedState = (number: string, state: string) =>
    eventually(
      () =>
        world.db.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [number]),
      (rows) => rows[0]?.state === state,
    );

  const run = async (env: Record<string, string> = {}, args: string[] = []) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [join(buildDir!, 'src', 'tickets', 'adopt-reminders.js'), ...args],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: world.config.database.url,
            TEMPORAL_ADDRESS: world.config.temporal.address,
            TEMPORAL_NAMESPACE: world.config.temporal.namespace,
            ...env,
          },
        },
      );
      return { code: 0, output: `${stdout}${stderr}` };
    } catch (err) {
      const failed = err as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
    }
  };

  it('L3-09, L3-12: wakes the idle tickets that wait without their reminders once; armed tickets and other states are not signalled; a second run wakes none', async () => {
    const old = await withOldCode(async () => ({
      testing: await releasedForTesting('Reporte de cobranza'),
      estimate: await estimateSubmitted('Reporte de embarques'),
      changeOrder: await changeOrderPending('Reporte de sucursales'),
    }));
    current = await startBackgroundWorker(world.config);
    const armed = await releasedForTesting('Reporte de inventario');
    const registered = await register('Reporte de compras');
    await projectedState(old.testing, 'RELEASED_FOR_TESTING');
    await projectedState(old.estimate, 'ESTIMATE_SUBMITTED');
    await projectedState(old.changeOrder, 'IN_DEVELOPMENT');
    await projectedState(armed, 'RELEASED_FOR_TESTING');
    await projectedState(registered, 'REGISTERED');

    // The old tickets wait without reminders (a query runs no task: nothing is adopted by it).
    expect((await view(old.testing)).testingReminder).toBeUndefined();
    expect((await view(old.estimate)).approvalReminder).toBeUndefined();
    expect((await view(old.changeOrder)).changeOrderReminder).toBeUndefined();
    expect((await view(armed)).testingReminder).toMatchObject({ release: 1, sent: 0 });
    const untouched = await idle([armed, registered]);

    const before = Date.now();
    const first = await run();
    expect(first.output).toContain(
      `woke 3 ticket(s) to adopt their reminders (${[old.testing, old.estimate, old.changeOrder].sort().join(', ')})`,
    );
    expect(first.output).toContain('1 of 4 waiting ticket(s) already had them');
    expect(first.code).toBe(0);

    // Each adopts its series from the wake-up: the first reminder ahead, none sent for the past.
    const testing = await eventually(
      () => view(old.testing),
      (v) => !!v.testingReminder,
    );
    expect(testing.testingReminder).toMatchObject({
      release: 1,
      note: 'Ya puede probarlo',
      sent: 0,
    });
    expect(Date.parse(testing.testingReminder!.from)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(testing.testingReminder!.nextAt!)).toBeGreaterThan(before + 86_400_000);
    const estimate = await eventually(
      () => view(old.estimate),
      (v) => !!v.approvalReminder,
    );
    expect(estimate.approvalReminder).toMatchObject({ estimateVersion: 1, sent: 0 });
    expect(Date.parse(estimate.approvalReminder!.nextAt!)).toBeGreaterThan(before + 86_400_000);
    const changeOrder = await eventually(
      () => view(old.changeOrder),
      (v) => !!v.changeOrderReminder,
    );
    expect(changeOrder.changeOrderReminder).toMatchObject({ estimateVersion: 2, sent: 0 });
    expect(Date.parse(changeOrder.changeOrderReminder!.nextAt!)).toBeGreaterThan(
      before + 86_400_000,
    );
    for (const v of [testing, estimate, changeOrder]) {
      expect(v.timeline.filter((e) => e.type.endsWith('_REMINDER'))).toEqual([]);
    }
    // Neither the armed ticket nor the one in another state got a task.
    expect(await idle([armed, registered])).toEqual(untouched);

    // A second run: every waiting ticket has its reminders now; nobody is signalled.
    const all = [old.testing, old.estimate, old.changeOrder, armed, registered];
    const adopted = await idle(all);
    const second = await run();
    expect(second.output).toContain('woke 0 ticket(s) to adopt their reminders');
    expect(second.output).toContain('4 of 4 waiting ticket(s) already had them');
    expect(second.code).toBe(0);
    expect(await idle(all)).toEqual(adopted);
  }, 240_000);

  it('fails with a clear message when Temporal is unreachable, and signals nothing', async () => {
    const { code, output } = await run({ TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(code).toBe(1);
    expect(output).toContain('Temporal is unreachable at 127.0.0.1:1 (TEMPORAL_ADDRESS)');
    expect(output).toContain('Nothing was signalled');

    const usage = await run({}, ['--concurrency=0']);
    expect(usage.code).toBe(1);
    expect(usage.output).toContain('Unknown option or value: --concurrency=0. Usage:');
  }, 60_000);

  it('stops with a clear message when no worker answers, and signals nothing', async () => {
    await current?.stop();
    current = undefined;
    const numbers = (
      await world.db.query<{ number: string }[]>('SELECT number FROM ticket ORDER BY number')
    ).map((r) => r.number);
    const before = await idle(numbers);
    const { code, output } = await run({}, ['--query-timeout=2', '--concurrency=2']);
    expect(code).toBe(1);
    // A worker gone for a while: Temporal answers the query at once that no poller was seen
    // (gRPC FAILED_PRECONDITION, the SDK's «Failed to query Workflow»); gone only just: the query
    // waits for its deadline. Either way the operator reads which queue needs its worker.
    const queue = world.config.temporal.taskQueue;
    expect(output).toMatch(
      new RegExp(
        `No worker (polls task queue ${queue} \\(Temporal answered the query of ticket \\S+ at once: .*no poller seen|answered the query of ticket \\S+ \\(.*; waited at most 2 s\\))`,
      ),
    );
    expect(output).toContain(
      `: start the worker of this version on task queue ${queue}, then run this again.`,
    );
    expect(output).toMatch(
      /0 ticket\(s\) woken so far keep their reminders; \d+ of \d+ were not asked\./,
    );
    expect(await idle(numbers)).toEqual(before);
  }, 120_000);
});
