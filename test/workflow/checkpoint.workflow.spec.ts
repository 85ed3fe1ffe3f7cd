import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  BusinessCalendar,
  defaultMexicoCityCalendar,
  isBusinessTime,
  localDateOf,
  workingIntervalsOn,
} from '../../src/business-time/engine';
import {
  type CheckpointTime,
  checkpointInterval,
  firstCheckpointDate,
  intervalFires,
  planCheckpointRun,
} from '../../src/checkpoints/checkpoint-schedule';
import {
  type CheckpointActivities,
  type CheckpointRunState,
  checkpointRunQuery,
  checkpointOnDemandWorkflowId,
  checkpointScheduleId,
  type PlanCheckpointArgs,
  type RecordAgendaArgs,
} from '../../workflows/checkpoint/checkpoint.contract';
import type { checkpointWorkflow } from '../../workflows/checkpoint/checkpoint.workflow';
import {
  bundleWorkflows,
  createTimeSkippingEnv,
  installQuietRuntime,
} from '../support/time-skipping-env';

// L3-15 on the time-skipping server. It has no Schedules, so the Schedule is emulated from the
// very interval the real one gets (checkpointInterval): the workflow is started at each fire
// instant, and the real run planning (client calendar, art. 74 holidays) decides when it builds.
// The real Schedule on the dev server is exercised in test/integration/checkpoints.spec.ts.

const DAY = 86_400_000;
const YEAR = new Date().getUTCFullYear();
const MX = new BusinessCalendar(defaultMexicoCityCalendar(YEAR - 1, YEAR + 3));
const ORG = 'org-aurora';

/** Activities backed by the real planning and an in-memory agenda store keyed by run. */
class FakeCheckpoints {
  readonly agendas = new Map<string, RecordAgendaArgs & { checkpointId: string }>();
  readonly attempts: string[] = [];
  readonly planned: PlanCheckpointArgs[] = [];
  failFirstAttempt = false;

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly time: CheckpointTime | null,
  ) {}

  activities(): CheckpointActivities {
    return {
      planCheckpointRun: (args) => {
        this.planned.push(args);
        // As CheckpointAgendaService.plan: a manager's request is off schedule, at once.
        if (args.onDemand) {
          return Promise.resolve({ kind: 'MANUAL', scheduledFor: null, buildAt: args.startedAt });
        }
        if (!this.time) return Promise.resolve({ kind: 'SKIP', reason: 'no settings' });
        const plan = planCheckpointRun(this.calendar, this.time, new Date(args.startedAt));
        return Promise.resolve({
          kind: plan.kind,
          scheduledFor: plan.scheduledFor?.toISOString() ?? null,
          buildAt: plan.buildAt.toISOString(),
        });
      },
      recordCheckpointAgenda: (args) => {
        this.attempts.push(args.runKey);
        if (this.failFirstAttempt && this.attempts.filter((k) => k === args.runKey).length === 1) {
          return Promise.reject(new Error('database went away'));
        }
        const known = this.agendas.get(args.runKey);
        if (known) return Promise.resolve({ checkpointId: known.checkpointId, emailsQueued: 0 });
        const checkpointId = randomUUID();
        this.agendas.set(args.runKey, { ...args, checkpointId });
        return Promise.resolve({ checkpointId, emailsQueued: 3 });
      },
    };
  }
}

/**
 * `actual` is `expected` give or take the workflow task's own latency on the server's clock (the
 * build runs in the workflow task after the timer, a few ms later): never before, within a minute.
 */
function expectSoonAfter(actual: string, expected: string): void {
  const lag = Date.parse(actual) - Date.parse(expected);
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThan(60_000);
}

/** The first weekday art. 74 holiday more than 15 days ahead of `fromMs`, with its weekday. */
function upcomingWeekdayHoliday(fromMs: number): { date: string; weekday: number } {
  for (let ms = fromMs + 16 * DAY; ; ms += DAY) {
    const day = workingIntervalsOn(MX, localDateOf(MX, new Date(ms)));
    if (day.rule === 'holiday' && day.weekday <= 5) return { date: day.date, weekday: day.weekday };
  }
}

describe('L3-15 checkpoint workflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installQuietRuntime();
    env = await createTimeSkippingEnv();
    bundle = await bundleWorkflows();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(fake: FakeCheckpoints, taskQueue: string, body: () => Promise<T>) {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: fake.activities(),
    });
    return worker.runUntil(body());
  }

  /** Skips the server's clock forward to `ms` (no-op when already there). */
  async function skipTo(ms: number): Promise<void> {
    const now = await env.currentTimeMs();
    if (ms > now) await env.sleep(ms - now);
  }

  /**
   * Runs what the Schedule would start at `fireMs`: skips time to the fire, starts the run, skips
   * past `settledBy` (its durable timer, if any) and waits for its result. The result is read
   * with a plain client: the environment's own one would skip time on its own while waiting.
   */
  async function fire(taskQueue: string, fireMs: number, settledBy = fireMs) {
    await skipTo(fireMs);
    const workflowId = `${checkpointScheduleId(ORG)}-${new Date(fireMs).toISOString()}`;
    await env.client.workflow.start<typeof checkpointWorkflow>('checkpointWorkflow', {
      taskQueue,
      workflowId,
      args: [{ organizationId: ORG }],
    });
    await skipTo(settledBy + 1_000);
    const handle = new Client({
      connection: env.connection,
      namespace: env.namespace,
    }).workflow.getHandle<typeof checkpointWorkflow>(workflowId);
    return { handle, state: await handle.result() };
  }

  it('builds an agenda every two weeks on business days; a holiday moves it to the next business moment', async () => {
    const now = await env.currentTimeMs();
    const holiday = upcomingWeekdayHoliday(now);
    const time = { weekday: holiday.weekday, localTime: '10:00' };
    // The cadence that lands on the holiday: its first checkpoint two weeks before it.
    const anchor = new Date(Date.parse(`${holiday.date}T12:00:00Z`) - 14 * DAY)
      .toISOString()
      .slice(0, 10);
    const interval = checkpointInterval(MX.timeZone, anchor, time.localTime);
    const fires = intervalFires(interval, new Date(Date.parse(`${anchor}T00:00:00Z`)), 3);
    const fake = new FakeCheckpoints(MX, time);
    const taskQueue = `checkpoint-${randomUUID()}`;

    const results: CheckpointRunState[] = await withWorker(fake, taskQueue, async () => {
      const out: CheckpointRunState[] = [];
      for (const at of fires) {
        // A moved agenda waits for the next opening: at most a few days after its checkpoint.
        out.push((await fire(taskQueue, at.getTime(), at.getTime() + 5 * DAY)).state);
      }
      return out;
    });

    expect(results.map((r) => r.phase)).toEqual(['BUILT', 'BUILT', 'BUILT']);
    expect(results[1]).toMatchObject({
      kind: 'MOVED_TO_NEXT_BUSINESS_MOMENT',
      scheduledFor: fires[1].toISOString(),
    });
    const agendas = [...fake.agendas.values()];
    expect(agendas).toHaveLength(3);
    for (const [i, agenda] of agendas.entries()) {
      const builtAt = new Date(agenda.builtAt);
      // Built on business time, never before its checkpoint, exactly when the plan said.
      expect(isBusinessTime(MX, builtAt)).toBe(true);
      expectSoonAfter(agenda.builtAt, results[i].buildAt!);
      expect(builtAt.getTime()).toBeGreaterThanOrEqual(fires[i].getTime());
      expect(agenda.scheduledFor).toBe(fires[i].toISOString());
    }
    // The holiday's agenda waits for the next opening: the day after, or later.
    const moved = new Date(results[1].buildAt!);
    expect(localDateOf(MX, moved) > holiday.date).toBe(true);
    expect(workingIntervalsOn(MX, localDateOf(MX, moved)).intervals[0].start).toEqual(moved);
    // The scheduled checkpoints themselves stay 14 days apart.
    expect(fires[1].getTime() - fires[0].getTime()).toBe(14 * DAY);
    expect(fires[2].getTime() - fires[1].getTime()).toBe(14 * DAY);
  });

  it('in a zone with DST, a fire one hour early waits on a durable timer for the local time', async () => {
    const tijuana = new BusinessCalendar({
      ...defaultMexicoCityCalendar(YEAR - 1, YEAR + 3),
      timeZone: 'America/Tijuana',
    });
    const time = { weekday: 3, localTime: '11:00' };
    const now = await env.currentTimeMs();
    const anchor = firstCheckpointDate(tijuana.timeZone, time, new Date(now + DAY));
    const interval = checkpointInterval(tijuana.timeZone, anchor, time.localTime);
    // The first business-day fire that comes early (standard time) within a year.
    const early = intervalFires(interval, new Date(now + DAY), 27).find((f) => {
      const plan = planCheckpointRun(tijuana, time, f);
      return plan.kind === 'SCHEDULED' && plan.scheduledFor!.getTime() > f.getTime();
    })!;
    const fake = new FakeCheckpoints(tijuana, time);
    const taskQueue = `checkpoint-${randomUUID()}`;

    const { state } = await withWorker(fake, taskQueue, () =>
      fire(taskQueue, early.getTime(), early.getTime() + 3_600_000),
    );

    expect(state).toMatchObject({ phase: 'BUILT', kind: 'SCHEDULED' });
    const [agenda] = [...fake.agendas.values()];
    expectSoonAfter(agenda.builtAt, state.scheduledFor!);
    expect(Date.parse(state.scheduledFor!) - early.getTime()).toBe(3_600_000);
  });

  it('a manual trigger builds at once, and a retried recording still gives one agenda', async () => {
    const fake = new FakeCheckpoints(MX, { weekday: 2, localTime: '10:00' });
    fake.failFirstAttempt = true;
    const taskQueue = `checkpoint-${randomUUID()}`;
    const now = await env.currentTimeMs();
    // A moment that is not within hours of a Tuesday 10:00: a run nobody scheduled.
    let at = now;
    while (
      planCheckpointRun(MX, { weekday: 2, localTime: '10:00' }, new Date(at)).kind !== 'MANUAL'
    ) {
      at += 6 * 3_600_000;
    }

    const state = await withWorker(fake, taskQueue, async () => {
      const { handle, state: result } = await fire(taskQueue, at);
      expect(await handle.query(checkpointRunQuery)).toEqual(result);
      return result;
    });

    expect(state).toMatchObject({ phase: 'BUILT', kind: 'MANUAL', scheduledFor: null });
    expect(fake.attempts).toHaveLength(2);
    expect(fake.agendas.size).toBe(1);
    expect([...fake.agendas.values()][0].checkpointId).toBe(state.checkpointId);
  });

  it('skips a client without checkpoint settings (a Schedule left behind)', async () => {
    const fake = new FakeCheckpoints(MX, null);
    const taskQueue = `checkpoint-${randomUUID()}`;
    const { state } = await withWorker(fake, taskQueue, async () =>
      fire(taskQueue, await env.currentTimeMs()),
    );
    expect(state).toMatchObject({ phase: 'SKIPPED', skipReason: 'no settings' });
    expect(fake.agendas.size).toBe(0);
  });

  it('«Generar agenda ahora»: an on-demand run builds at once, even shortly before the scheduled time', async () => {
    const time = { weekday: 2, localTime: '10:00' };
    const fake = new FakeCheckpoints(MX, time);
    const taskQueue = `checkpoint-${randomUUID()}`;
    // An hour before a Tuesday 10:00: a scheduled run started now would wait for 10:00.
    let at = Math.ceil((await env.currentTimeMs()) / 900_000) * 900_000;
    let plan = planCheckpointRun(MX, time, new Date(at));
    while (plan.buildAt.getTime() - at !== 3_600_000) {
      at += 15 * 60_000;
      plan = planCheckpointRun(MX, time, new Date(at));
    }
    await skipTo(at);
    const workflowId = checkpointOnDemandWorkflowId(ORG, null);
    const state = await withWorker(fake, taskQueue, async () => {
      await env.client.workflow.start<typeof checkpointWorkflow>('checkpointWorkflow', {
        taskQueue,
        workflowId,
        args: [{ organizationId: ORG, onDemand: true }],
      });
      return new Client({ connection: env.connection, namespace: env.namespace }).workflow
        .getHandle<typeof checkpointWorkflow>(workflowId)
        .result();
    });
    expect(fake.planned).toEqual([
      expect.objectContaining({ organizationId: ORG, onDemand: true }),
    ]);
    expect(state).toMatchObject({ phase: 'BUILT', kind: 'MANUAL', scheduledFor: null });
    const [agenda] = [...fake.agendas.values()];
    expect(agenda).toMatchObject({ runKey: workflowId, kind: 'MANUAL' });
    // Built at the request, not at 10:00.
    expectSoonAfter(agenda.builtAt, new Date(at).toISOString());
    expect(Date.parse(agenda.builtAt)).toBeLessThan(plan.buildAt.getTime());
  });
});
