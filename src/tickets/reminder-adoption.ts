import { type Client, isGrpcDeadlineError, WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { remindersToAdopt } from '../../workflows/ticket/adopted-reminders';
import {
  CHANGE_ORDER_DECISION_STATES,
  calendarChangedSignal,
  ticketStateQuery,
  type TicketState,
  ticketWorkflowId,
} from '../../workflows/ticket/ticket.contract';
import { inLanes } from './in-lanes';

// Tickets older than the reminders (L3-09 estimate approval and client testing, L3-12 change
// order) adopt them on their next workflow task (workflows/ticket/adopted-reminders.ts). An idle
// one (its clocks paused while it waits on the client, no timer) has no next task, so after an
// upgrade it would wait without reminders for good. This wakes each such ticket once.

/** The read-model states in which a ticket may wait without the reminders it is owed. */
export const STATES_OWING_REMINDERS: readonly TicketState[] = [
  ...new Set<TicketState>(['ESTIMATE_SUBMITTED', ...CHANGE_ORDER_DECISION_STATES]),
];

/**
 * The calendar the wake-up signal names: no ticket uses it, so the handler changes nothing
 * (ticket-handlers.ts ignores another calendar) and the signal only gives the ticket a workflow
 * task, in which it adopts what it is owed. An existing signal: no new handler, no new command.
 */
export const WAKE_CALENDAR_ID = 'adopt-missing-reminders';

export interface AdoptionOptions {
  /** Tickets asked and woken at once, so 10,000 tickets do not flood Temporal or the worker. */
  readonly concurrency: number;
  /** How long one ticket's query may wait for a worker before the run stops. */
  readonly queryTimeoutMs: number;
}

export const DEFAULT_ADOPTION_OPTIONS: AdoptionOptions = { concurrency: 8, queryTimeoutMs: 30_000 };

export interface AdoptionReport {
  /** Open tickets of the read model in {@link STATES_OWING_REMINDERS}. */
  readonly candidates: number;
  /** Tickets that were owed a reminder series and received the wake-up signal. */
  readonly woken: string[];
  /** Tickets whose workflow already has every series it is owed: left untouched. */
  readonly armed: number;
  /** Tickets whose workflow has ended since the read model saw them. */
  readonly ended: number;
  /** Tickets that could not be asked or woken, with the reason. */
  readonly failed: { readonly number: string; readonly reason: string }[];
}

/**
 * No worker answered a ticket's query in time, or Temporal said none polls its task queue: the run
 * stops, nothing more is asked.
 */
export class NoWorkerAnsweredError extends Error {}

/**
 * Asks each candidate ticket's workflow (a query: no history event) whether it waits without a
 * reminder series it is owed, and signals only those. Idempotent: a woken ticket adopts its
 * reminders in that task, so a second run finds it armed and sends nothing; tickets armed by the
 * current code are never signalled.
 */
export async function wakeTicketsOwedReminders(
  db: DataSource,
  client: Client,
  options: AdoptionOptions = DEFAULT_ADOPTION_OPTIONS,
): Promise<AdoptionReport> {
  const rows = await db.query<{ number: string }[]>(
    `SELECT number FROM ticket WHERE state = ANY($1) ORDER BY number`,
    [STATES_OWING_REMINDERS],
  );
  const report = {
    candidates: rows.length,
    woken: [] as string[],
    armed: 0,
    ended: 0,
    failed: [] as { number: string; reason: string }[],
  };
  // Whether any worker answered a query in this run: until one has, a failed query means no
  // worker polls the queue (the server answers so, or the deadline passes, by its version).
  let answered = false;

  const wake = async (number: string): Promise<void> => {
    const handle = client.workflow.getHandle(ticketWorkflowId(number));
    let asked = false;
    try {
      const view = await client.withDeadline(Date.now() + options.queryTimeoutMs, () =>
        handle.query(ticketStateQuery),
      );
      asked = answered = true;
      if (remindersToAdopt(view) === null) {
        report.armed++;
        return;
      }
      await handle.signal(calendarChangedSignal, { calendarId: WAKE_CALENDAR_ID });
      report.woken.push(number);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        report.ended++;
      } else if (!asked && noPollerSeen(err)) {
        // The server's fast answer when no worker polled the ticket's task queue lately (it does
        // not wait for the deadline then): the SDK's «Failed to query Workflow», said plainly.
        const queue = await taskQueueOf(client, handle);
        throw new NoWorkerAnsweredError(
          `No worker polls task queue ${queue} (Temporal answered the query of ticket ${number} ` +
            `at once: ${reasonOf(err)}): start the worker of this version on task queue ` +
            `${queue}, then run this again.`,
        );
      } else if (!asked && (!answered || isGrpcDeadlineError(err)) && !workerFailed(err)) {
        const queue = await taskQueueOf(client, handle);
        throw new NoWorkerAnsweredError(
          `No worker answered the query of ticket ${number} (${reasonOf(err)}; waited at most ` +
            `${options.queryTimeoutMs / 1000} s): start the worker of this version on task ` +
            `queue ${queue}, then run this again.`,
        );
      } else {
        report.failed.push({ number, reason: reasonOf(err) });
      }
    }
  };
  const { started, stoppedBy } = await inLanes(
    rows.map((r) => r.number),
    options.concurrency,
    wake,
  );
  if (stoppedBy instanceof NoWorkerAnsweredError) {
    throw new NoWorkerAnsweredError(
      `${stoppedBy.message} ${report.woken.length} ticket(s) woken so far keep their reminders; ` +
        `${rows.length - started} of ${rows.length} were not asked.`,
    );
  }
  if (stoppedBy !== undefined) {
    throw stoppedBy instanceof Error ? stoppedBy : new Error(JSON.stringify(stoppedBy));
  }
  return report;
}

/** The ticket's task queue as Temporal describes its run, for the operator's message. */
async function taskQueueOf(
  client: Client,
  handle: ReturnType<Client['workflow']['getHandle']>,
): Promise<string> {
  try {
    return (await client.withDeadline(Date.now() + 5_000, () => handle.describe())).taskQueue;
  } catch {
    return '(its task queue: Temporal could not describe the ticket)';
  }
}

const GRPC_FAILED_PRECONDITION = 9;

/**
 * Temporal's answer to a query when no worker polled the workflow's task queue lately: gRPC
 * FAILED_PRECONDITION «no poller seen for task queue recently, worker may be down», wrapped by
 * the SDK in «Failed to query Workflow». (Within that window after a worker stopped, the server
 * waits for the deadline instead.)
 */
export function noPollerSeen(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === GRPC_FAILED_PRECONDITION && /poller/i.test(e.message)) {
      return true;
    }
  }
  return false;
}

/** The error's message and its causes' (Temporal wraps the server's answer in a cause). */
function reasonOf(err: unknown): string {
  const parts: string[] = [];
  for (let e = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    parts.push(`${e.message}${typeof code === 'number' ? ` (gRPC ${code})` : ''}`);
  }
  return parts.length ? parts.join(': ') : String(err);
}

const GRPC_INVALID_ARGUMENT = 3;

/**
 * A worker answered the query with a failure (e.g. the ticket's workflow task fails): the server
 * passes it on as INVALID_ARGUMENT. That ticket fails alone; the run goes on.
 */
function workerFailed(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === GRPC_INVALID_ARGUMENT) return true;
  }
  return false;
}
