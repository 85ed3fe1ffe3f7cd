import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundleWorkflows,
  createTimeSkippingEnv,
  installQuietRuntime,
} from '../support/time-skipping-env';
import type { ProjectionBatch } from '../../workflows/ticket/ticket-projection';
import type {
  ReleaseHoursArgs,
  ReserveHoursArgs,
  TicketLedgerActivities,
} from '../../workflows/ticket/ticket-ledger';
import { ApplicationFailure } from '@temporalio/common';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  BusinessCalendar,
  type CalendarDefinition,
  defaultMexicoCityCalendar,
  localDateOf,
  workingIntervalsOn,
} from '../../src/business-time/engine';
import {
  type AgentLoadLookup,
  type CalendarLookupResult,
  createTicketActivities,
} from '../../src/tickets/ticket.activities';
import type { SlaEventRecord } from '../../workflows/sla/sla-events.contract';
import {
  type Actor,
  type RequestBase,
  type TicketInput,
  ticketStateQuery,
  type TicketView,
  ticketWorkflowId,
} from '../../workflows/ticket/ticket.contract';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';

// Shared by the ticket workflow specs: the real business-time engine behind the local activities
// (a plain calendar lookup, no PostgreSQL), an in-memory recordSlaEvent, and helpers that place
// the time-skipping server's "now" at a known business instant.

export const CALENDAR_ID = 'mx-default';
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export const agent: Actor = { userId: 'agent-1', role: 'AGENT' };
export const manager: Actor = { userId: 'manager-1', role: 'MANAGER' };
export const clientUser: Actor = { userId: 'client-1', role: 'CLIENT_USER' };
export const approver: Actor = { userId: 'approver-1', role: 'CLIENT_APPROVER' };

// The server starts at real "now" and tests skip weeks ahead: cover the years they can reach.
const YEAR = new Date().getUTCFullYear();
export const baseDefinition: CalendarDefinition = defaultMexicoCityCalendar(YEAR - 1, YEAR + 4);

/** A calendar lookup a test can move to a new version (calendar change). */
export class TestCalendars {
  current: CalendarLookupResult = { version: 1, engine: new BusinessCalendar(baseDefinition) };
  publish(definition: CalendarDefinition): void {
    this.current = { version: this.current.version + 1, engine: new BusinessCalendar(definition) };
  }
  get engine(): BusinessCalendar {
    return this.current.engine;
  }
}

/** In-memory recordSlaEvent: keeps every call, answers `firstTime` like the unique index does. */
export class FakeSlaEvents {
  readonly calls: SlaEventRecord[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  recordSlaEvent = (event: SlaEventRecord): Promise<{ firstTime: boolean }> => {
    const firstTime = !this.calls.some(
      (e) => e.clockId === event.clockId && e.event === event.event,
    );
    this.calls.push(event);
    this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true));
    return Promise.resolve({ firstTime });
  };

  of(kind: string, event?: 'at_risk' | 'breached'): SlaEventRecord[] {
    return this.calls.filter((e) => e.kind === kind && (event === undefined || e.event === event));
  }

  /** Resolves once `count` events match (event-driven, no polling); fails after `timeoutMs`. */
  waitFor(
    kind: string,
    event: 'at_risk' | 'breached',
    count = 1,
    timeoutMs = 10_000,
  ): Promise<void> {
    const test = (): boolean => this.of(kind, event).length >= count;
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${count}× ${kind} ${event} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

export interface TicketHarness {
  readonly env: TestWorkflowEnvironment;
  readonly bundle: WorkflowBundleWithSourceMap;
  readonly calendars: TestCalendars;
  readonly events: FakeSlaEvents;
  /** Every batch the workflow handed to the projection activity, in order. */
  readonly projections: ProjectionBatch[];
  /** L3-12 ledger stand-in: reservations and releases the workflow asked for. */
  readonly ledger: FakeLedger;
  readonly taskQueue: string;
}

export function newHarness(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
): TicketHarness {
  return {
    env,
    bundle,
    calendars: new TestCalendars(),
    events: new FakeSlaEvents(),
    projections: [],
    ledger: new FakeLedger(),
    taskQueue: `ticket-${randomUUID()}`,
  };
}

/** Runs `body` while a worker with the real engine activities and the fake recorder polls. */
export async function withWorker<T>(
  h: TicketHarness,
  body: () => Promise<T>,
  agentLoad?: AgentLoadLookup,
  options: Pick<WorkerOptions, 'maxCachedWorkflows' | 'patchActivationCallback'> = {},
): Promise<T> {
  const worker = await Worker.create({
    ...options,
    connection: h.env.nativeConnection,
    taskQueue: h.taskQueue,
    workflowBundle: h.bundle,
    activities: {
      ...createTicketActivities(() => Promise.resolve(h.calendars.current), agentLoad),
      recordSlaEvent: h.events.recordSlaEvent,
      ...h.ledger.activities(),
      projectTicket: (batch: ProjectionBatch) => {
        h.projections.push(batch);
        return Promise.resolve({ appended: batch.events.length });
      },
    },
  });
  return worker.runUntil(body());
}

/** A prepaid balance that refuses reservations beyond it, like the real ledger (L3-12). */
export class FakeLedger {
  available = Number.POSITIVE_INFINITY;
  /** What `releaseHours` answers: the unused hours the ledger gave back. */
  releasedHours = 0;
  readonly reservations: ReserveHoursArgs[] = [];
  readonly releases: ReleaseHoursArgs[] = [];

  activities(): TicketLedgerActivities {
    return {
      reserveHours: (args) => {
        if (this.reservations.some((r) => r.idempotencyKey === args.idempotencyKey)) {
          return Promise.resolve({ reservedHours: args.hours });
        }
        if (args.hours > this.available) {
          return Promise.reject(
            ApplicationFailure.create({
              message: `INSUFFICIENT_HOURS: short by ${args.hours - this.available} h`,
              type: 'VALIDATION_FAILED',
              nonRetryable: true,
            }),
          );
        }
        this.available -= args.hours;
        this.reservations.push(args);
        return Promise.resolve({ reservedHours: args.hours });
      },
      releaseHours: (args) => {
        this.releases.push(args);
        return Promise.resolve({ releasedHours: this.releasedHours });
      },
    };
  }
}

let counter = 0;
/** A fresh ticket number per test. */
export function nextTicketNumber(): string {
  counter += 1;
  return `L3-2026-${String(counter).padStart(6, '0')}`;
}

export function ticketInput(overrides: Partial<TicketInput> = {}): TicketInput {
  return {
    ticketNumber: nextTicketNumber(),
    clientOrgId: 'org-client-1',
    calendarId: CALENDAR_ID,
    registrantId: clientUser.userId,
    category: 'INCIDENT',
    subject: 'Invoices do not post',
    description: 'Posting an invoice fails with a stack trace.',
    registeredAt: new Date().toISOString(),
    searchAttributes: false,
    ...overrides,
  };
}

export async function startTicket(
  h: TicketHarness,
  overrides: Partial<TicketInput> = {},
): Promise<{ handle: WorkflowHandle<typeof ticketWorkflow>; input: TicketInput }> {
  // Whole minutes: the server's clock drifts a few ms past a skip target in real time.
  const nowMs = await h.env.currentTimeMs();
  const registeredAt = new Date(nowMs - (nowMs % MINUTE)).toISOString();
  const input = ticketInput({ registeredAt, ...overrides });
  const handle = await h.env.client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
    taskQueue: h.taskQueue,
    workflowId: ticketWorkflowId(input.ticketNumber),
    args: [input],
  });
  return { handle, input };
}

/**
 * The ticket's state once it has opened (registered, triage clock running). A query that reaches
 * the run with its first task sees the state before the opening's computation has answered, so a
 * test that compares "before" and "after" reads "before" here, not straight after the start.
 */
export function openedState(handle: WorkflowHandle<typeof ticketWorkflow>): Promise<TicketView> {
  return eventually(
    () => handle.query(ticketStateQuery),
    (view) => view.clocks.length === 1,
  );
}

/** Update arguments: a fresh requestId, the actor, and the transition's own fields. */
export function req<T extends object>(actor: Actor, fields?: T): RequestBase & T {
  return { requestId: randomUUID(), actor, ...(fields ?? ({} as T)) };
}

/** Moves the server's clock to the opening of the next business date (09:00 local). */
export async function skipToNextOpening(h: TicketHarness): Promise<number> {
  const now = await h.env.currentTimeMs();
  const engine = h.calendars.engine;
  for (let day = 1; day < 30; day += 1) {
    const date = localDateOf(engine, new Date(now + day * 24 * HOUR));
    const first = workingIntervalsOn(engine, date).intervals[0];
    if (first && first.start.getTime() > now) {
      await h.env.sleep(first.start.getTime() - now);
      return first.start.getTime();
    }
  }
  throw new Error('no business date within 30 days');
}

/** Sleeps the server until `instantMs` (a no-op when already past). */
export async function skipTo(h: TicketHarness, instantMs: number): Promise<void> {
  const now = await h.env.currentTimeMs();
  if (instantMs > now) await h.env.sleep(instantMs - now);
}

/**
 * Fired at the instant (time skipping fires a timer at its target, not later). The workflow reads
 * the time its task started: while that task waits for a worker the test server's clock runs in
 * real time, so under load this can read a second or more late; where a worker starts cold (a
 * restart) use {@link expectFiredWithin}.
 */
export function expectFiredAt(firedAt: string, instant: string | number): void {
  const target = typeof instant === 'number' ? instant : Date.parse(instant);
  const delta = Date.parse(firedAt) - target;
  expect(delta).toBeGreaterThanOrEqual(0);
  expect(delta).toBeLessThan(1_000);
}

/**
 * Fired at or after `from` and before `before`: an outcome (the event happened in the window it
 * was due in, e.g. a breach after its deadline and before the instant the test skipped to; the
 * server cannot skip past a timer whose task is still to run), not how late it was.
 */
export function expectFiredWithin(
  firedAt: string,
  from: string | number,
  before: string | number,
): void {
  const ms = (instant: string | number) =>
    typeof instant === 'number' ? instant : Date.parse(instant);
  expect(Date.parse(firedAt)).toBeGreaterThanOrEqual(ms(from));
  expect(Date.parse(firedAt)).toBeLessThan(ms(before));
}

/**
 * Writes the run's history for the replay tier when `RECORD_HISTORIES=1`. The SDK's
 * `historyToJSON` fails with this dependency tree (@temporalio/common bundles protobufjs 8 while
 * @temporalio/proto is built on protobufjs 7: "type must be a Type"), so the file is the proto's
 * own object form (`History.toObject`, enums and longs as strings, bytes base64).
 */
export async function maybeRecordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  const json = temporal.api.history.v1.History.toObject(
    temporal.api.history.v1.History.fromObject(history),
    { longs: String, enums: String, bytes: String },
  );
  const dir = join(__dirname, 'histories');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(json));
  // Formatted like the rest of the repository, so `prettier --check` stays clean.
  execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', file]);
}

/** Ends a still-open ticket so later time skips never drive it. */
export async function terminateIfOpen(handle: WorkflowHandle): Promise<void> {
  const { status } = await handle.describe();
  if (status.name === 'RUNNING') await handle.terminate('test done');
}

type TicketBody<T> = (
  handle: WorkflowHandle<typeof ticketWorkflow>,
  input: TicketInput,
) => Promise<T>;

/**
 * The usual test: a worker polls (`withWorker`) while `body` drives one ticket started with
 * `overrides` (`startTicket`); the ticket is ended if `body` leaves it open, passing or failing
 * (`terminateIfOpen`). Answers what `body` answers.
 */
export function withTicket<T>(h: TicketHarness, body: TicketBody<T>): Promise<T>;
export function withTicket<T>(
  h: TicketHarness,
  overrides: Partial<TicketInput>,
  body: TicketBody<T>,
): Promise<T>;
export function withTicket<T>(
  h: TicketHarness,
  ...args: [TicketBody<T>] | [Partial<TicketInput>, TicketBody<T>]
): Promise<T> {
  const [overrides, body] = args.length === 1 ? [{}, args[0]] : args;
  return withWorker(h, async () => {
    const { handle, input } = await startTicket(h, overrides);
    try {
      return await body(handle, input);
    } finally {
      await terminateIfOpen(handle);
    }
  });
}

/**
 * Two tickets started alike, for a spec that moves them in lockstep and compares two ways to the
 * same outcome; as `withTicket`, each is ended if `body` leaves it open.
 */
export function withTicketPair<T>(
  h: TicketHarness,
  body: (
    a: WorkflowHandle<typeof ticketWorkflow>,
    b: WorkflowHandle<typeof ticketWorkflow>,
  ) => Promise<T>,
): Promise<T> {
  return withWorker(h, async () => {
    const [a, b] = [await startTicket(h), await startTicket(h)];
    try {
      return await body(a.handle, b.handle);
    } finally {
      for (const { handle } of [a, b]) await terminateIfOpen(handle);
    }
  });
}

/**
 * Re-reads `read` until `accept` holds (a workflow reacts to a signal on its own schedule); a
 * bounded wait for an observable condition, not a fixed sleep.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Registers one spec file's hooks: one time-skipping server and one workflow bundle per file
 * (Runtime installed once), a fresh harness per test, optionally moved to the next business
 * opening. `onEach` receives them before every test.
 */
export function useTicketHarness(
  onEach: (ctx: { env: TestWorkflowEnvironment; h: TicketHarness }) => void,
  options: { skipToNextOpening?: boolean } = {},
): void {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    installQuietRuntime();
    [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    const h = newHarness(env!, bundle);
    if (options.skipToNextOpening ?? true) await skipToNextOpening(h);
    onEach({ env: env!, h });
  });
}

/** The activity types of the local activities the history recorded so far, in order. */
export async function localActivities(handle: WorkflowHandle): Promise<string[]> {
  const events = (await handle.fetchHistory()).events ?? [];
  return events.flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    const data = marker?.details?.data?.payloads?.[0]?.data;
    if (marker?.markerName !== 'core_local_activity' || !data) return [];
    return [(JSON.parse(Buffer.from(data).toString()) as { activity_type: string }).activity_type];
  });
}
