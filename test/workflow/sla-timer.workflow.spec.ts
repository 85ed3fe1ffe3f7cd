import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  moveDeadlineUpdate,
  pauseUpdate,
  slaTimerStateQuery,
  slaTimerWorkflowId,
  stopUpdate,
  type SlaEventRecord,
  type SlaTimerActivities,
  type SlaTimerInput,
} from '../../workflows/sla-timer/sla-timer.contract';
import type { slaTimerWorkflow } from '../../workflows/sla-timer/sla-timer.workflow';
import {
  bundleWorkflows,
  createTimeSkippingEnv,
  installQuietRuntime,
} from '../support/time-skipping-env';

// SLA clocks fire exactly once at their deadline and warn before it (SLA-CLAUSES.md clocks table,
// L3-06 triage, L3-08 diagnosis, L3-09 scheduling, L3-07 progress).

const HOUR = 3_600_000;
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  installQuietRuntime();
  [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows()]);
});

afterAll(async () => {
  await env?.teardown();
});

/** Runs `body` with a worker whose recordSlaEvent activity appends to `events`. */
async function withWorker<T>(
  events: SlaEventRecord[],
  body: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `sla-timer-${Math.random().toString(36).slice(2)}`;
  const activities: SlaTimerActivities = {
    recordSlaEvent: (event) => {
      const firstTime = !events.some((e) => e.clockId === event.clockId && e.event === event.event);
      events.push(event);
      return Promise.resolve({ firstTime });
    },
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities,
  });
  return worker.runUntil(body(taskQueue));
}

async function input(
  clockId: string,
  deadlineInHours: number,
  atRiskInHours?: number,
): Promise<SlaTimerInput> {
  const now = await env.currentTimeMs();
  return {
    clockId,
    ticketKey: 'L3-2026-000001',
    kind: 'triage',
    deadline: new Date(now + deadlineInHours * HOUR).toISOString(),
    atRiskAt:
      atRiskInHours === undefined ? null : new Date(now + atRiskInHours * HOUR).toISOString(),
  };
}

describe('SLA timer workflow (L3-06 triage clock)', () => {
  it('warns once at the at-risk instant and breaches once at the deadline', async () => {
    const events: SlaEventRecord[] = [];
    const args = await input('c1', 8, 6);
    const result = await withWorker(events, (taskQueue) =>
      env.client.workflow.execute<typeof slaTimerWorkflow>('slaTimerWorkflow', {
        taskQueue,
        workflowId: slaTimerWorkflowId(args.clockId),
        args: [args],
      }),
    );
    expect(events.map((e) => e.event)).toEqual(['at_risk', 'breached']);
    expect(Date.parse(events[0].firedAt)).toBeGreaterThanOrEqual(Date.parse(args.atRiskAt!));
    expect(Date.parse(events[1].firedAt)).toBeGreaterThanOrEqual(Date.parse(args.deadline));
    // Time-skipping fires the timer at the deadline, not later.
    expect(Date.parse(events[1].firedAt) - Date.parse(args.deadline)).toBeLessThan(1_000);
    expect(result.status).toBe('breached');
    expect(result.breachedAt).toBe(events[1].firedAt);
  });

  it('never fires when stopped before the deadline', async () => {
    const events: SlaEventRecord[] = [];
    const args = await input('c2', 8);
    const result = await withWorker(events, async (taskQueue) => {
      const handle = await env.client.workflow.start<typeof slaTimerWorkflow>('slaTimerWorkflow', {
        taskQueue,
        workflowId: slaTimerWorkflowId(args.clockId),
        args: [args],
      });
      await env.sleep(2 * HOUR);
      const stopped = await handle.executeUpdate(stopUpdate, { args: [{ reason: 'triage done' }] });
      expect(stopped.status).toBe('stopped');
      return handle.result();
    });
    expect(events).toEqual([]);
    expect(result).toMatchObject({
      status: 'stopped',
      stopReason: 'triage done',
      breachedAt: null,
    });
  });

  it('fires at a moved deadline, not the original one', async () => {
    const events: SlaEventRecord[] = [];
    const args = await input('c3', 2);
    const start = await env.currentTimeMs();
    await withWorker(events, async (taskQueue) => {
      const handle = await env.client.workflow.start<typeof slaTimerWorkflow>('slaTimerWorkflow', {
        taskQueue,
        workflowId: slaTimerWorkflowId(args.clockId),
        args: [args],
      });
      await env.sleep(HOUR);
      const moved = new Date(start + 10 * HOUR).toISOString();
      await handle.executeUpdate(moveDeadlineUpdate, { args: [{ deadline: moved }] });
      const state = await handle.query(slaTimerStateQuery);
      expect(state).toMatchObject({ status: 'running', deadline: moved });
      return handle.result();
    });
    expect(events).toHaveLength(1);
    expect(Date.parse(events[0].firedAt)).toBeGreaterThanOrEqual(start + 10 * HOUR);
    expect(events[0].deadline).toBe(new Date(start + 10 * HOUR).toISOString());
  });

  it('does not fire while paused, and resumes with the new deadline', async () => {
    const events: SlaEventRecord[] = [];
    const args = await input('c4', 1);
    const start = await env.currentTimeMs();
    await withWorker(events, async (taskQueue) => {
      const handle = await env.client.workflow.start<typeof slaTimerWorkflow>('slaTimerWorkflow', {
        taskQueue,
        workflowId: slaTimerWorkflowId(args.clockId),
        args: [args],
      });
      expect((await handle.executeUpdate(pauseUpdate)).status).toBe('paused');
      await env.sleep(5 * HOUR); // far past the original deadline: nothing may fire
      expect(events).toEqual([]);
      await handle.executeUpdate(moveDeadlineUpdate, {
        args: [{ deadline: new Date(start + 6 * HOUR).toISOString() }],
      });
      return handle.result();
    });
    expect(events.map((e) => e.event)).toEqual(['breached']);
    expect(Date.parse(events[0].firedAt)).toBeGreaterThanOrEqual(start + 6 * HOUR);
  });

  it('rejects a malformed deadline update and changes nothing', async () => {
    const events: SlaEventRecord[] = [];
    const args = await input('c5', 3);
    await withWorker(events, async (taskQueue) => {
      const handle = await env.client.workflow.start<typeof slaTimerWorkflow>('slaTimerWorkflow', {
        taskQueue,
        workflowId: slaTimerWorkflowId(args.clockId),
        args: [args],
      });
      await expect(
        handle.executeUpdate(moveDeadlineUpdate, { args: [{ deadline: 'tomorrow' }] }),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/ISO-8601/) } });
      expect((await handle.query(slaTimerStateQuery)).deadline).toBe(args.deadline);
      return handle.result();
    });
    expect(events.map((e) => e.deadline)).toEqual([args.deadline]);
  });
});
