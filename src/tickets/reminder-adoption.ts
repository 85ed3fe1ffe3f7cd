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

/** No worker answered a ticket's query in time: the run stops, nothing more is asked. */
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
  let stop: Error | undefined;
  let next = 0;

  const wake = async (number: string): Promise<void> => {
    const handle = client.workflow.getHandle(ticketWorkflowId(number));
    try {
      const view = await client.withDeadline(Date.now() + options.queryTimeoutMs, () =>
        handle.query(ticketStateQuery),
      );
      if (remindersToAdopt(view) === null) {
        report.armed++;
        return;
      }
      await handle.signal(calendarChangedSignal, { calendarId: WAKE_CALENDAR_ID });
      report.woken.push(number);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        report.ended++;
      } else if (isGrpcDeadlineError(err) || isGrpcDeadlineError((err as Error).cause)) {
        stop ??= new NoWorkerAnsweredError(
          `No worker answered ticket ${number} within ${options.queryTimeoutMs / 1000} s: start ` +
            `the worker of this version on its task queue, then run this again.`,
        );
      } else {
        report.failed.push({ number, reason: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  const lane = async (): Promise<void> => {
    while (!stop && next < rows.length) await wake(rows[next++].number);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));
  if (stop) throw stop;
  return report;
}
