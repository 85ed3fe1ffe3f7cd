import type { Client } from '@temporalio/client';
import { ServiceError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  NoWorkerAnsweredError,
  noPollerSeen,
  WAKE_CALENDAR_ID,
  wakeTicketsOwedReminders,
} from '../../../src/tickets/reminder-adoption';
import type { TicketView } from '../../../workflows/ticket/ticket.contract';

// L3-09/L3-12 adopt-reminders with typed fakes of the database and the Temporal client: tickets
// owed a reminder series are woken once each; when no worker polls the task queue Temporal answers
// the query at once (gRPC FAILED_PRECONDITION «no poller seen for task queue recently», the SDK's
// «Failed to query Workflow»), and the operator is told which queue needs its worker.

/** What Temporal's gRPC layer throws: an Error with a numeric status code. */
function grpc(code: number, message: string): Error {
  return Object.assign(new Error(message), { code });
}
const noPoller = () =>
  new ServiceError('Failed to query Workflow', {
    cause: grpc(
      9,
      '9 FAILED_PRECONDITION: no poller seen for task queue recently, worker may be down',
    ),
  });

const owed = {
  state: 'ESTIMATE_SUBMITTED',
  estimates: [{ version: 1, status: 'SUBMITTED' }],
  reworkCount: 0,
} as unknown as TicketView;
const armed = { ...owed, approvalReminder: { estimateVersion: 1 } } as unknown as TicketView;

/** A fake client whose ticket `number` answers `answer(number)` (a view, or an error to throw). */
function fakeWorld(numbers: string[], answer: (number: string) => TicketView | Error) {
  const signalled: string[] = [];
  const queried: string[] = [];
  const client = {
    withDeadline: <R>(_deadline: number, fn: () => Promise<R>) => fn(),
    workflow: {
      getHandle: (workflowId: string) => {
        const number = workflowId.replace(/^ticket:/, '');
        return {
          query: async () => {
            queried.push(number);
            await Promise.resolve();
            const a = answer(number);
            if (a instanceof Error) throw a;
            return a;
          },
          signal: async (_def: unknown, arg: { calendarId: string }) => {
            expect(arg.calendarId).toBe(WAKE_CALENDAR_ID);
            signalled.push(number);
            await Promise.resolve();
          },
          describe: () => Promise.resolve({ taskQueue: 'tickets-v2' }),
        };
      },
    },
  } as unknown as Client;
  const db = {
    query: () => Promise.resolve(numbers.map((number) => ({ number }))),
  } as unknown as DataSource;
  return { client, db, signalled, queried };
}

const numbers = Array.from({ length: 20 }, (_, i) => `L3-2026-${String(i + 1).padStart(6, '0')}`);

describe('adopt-reminders (L3-09, L3-12)', () => {
  it('wakes each ticket owed a series once, leaves the armed ones alone', async () => {
    const { client, db, signalled, queried } = fakeWorld(numbers, (n) =>
      Number(n.slice(-1)) % 2 ? owed : armed,
    );
    const report = await wakeTicketsOwedReminders(db, client, {
      concurrency: 8,
      queryTimeoutMs: 1_000,
    });
    expect(queried.sort()).toEqual(numbers);
    const odd = numbers.filter((n) => Number(n.slice(-1)) % 2);
    expect([...signalled].sort()).toEqual(odd);
    expect(new Set(signalled).size).toBe(signalled.length);
    expect(report).toMatchObject({ candidates: 20, armed: 10, ended: 0, failed: [] });
    expect(report.woken.sort()).toEqual(odd);
  });

  it('tells the operator which task queue has no worker when Temporal answers at once that none polls it', async () => {
    const { client, db, signalled } = fakeWorld(numbers, () => noPoller());
    const run = wakeTicketsOwedReminders(db, client, { concurrency: 8, queryTimeoutMs: 30_000 });
    await expect(run).rejects.toBeInstanceOf(NoWorkerAnsweredError);
    const message = await run.catch((err: Error) => err.message);
    expect(message).toMatch(
      /^No worker polls task queue tickets-v2 \(Temporal answered the query of ticket L3-2026-0000\d\d at once: /,
    );
    expect(message).toContain(
      'start the worker of this version on task queue tickets-v2, then run this again.',
    );
    expect(message).toContain('no poller seen for task queue recently');
    // It did not wait for the deadline, so it does not say it did.
    expect(message).not.toContain('waited at most');
    expect(message).toContain(
      '0 ticket(s) woken so far keep their reminders; 12 of 20 were not asked.',
    );
    expect(signalled).toEqual([]);
  });

  it('stops on no worker even after others answered, and keeps what it woke', async () => {
    // The worker goes away after the first tickets: those woken stay woken, the rest are not asked.
    const { client, db, signalled } = fakeWorld(numbers, (n) =>
      n <= numbers[2] ? owed : noPoller(),
    );
    const message = await wakeTicketsOwedReminders(db, client, {
      concurrency: 1,
      queryTimeoutMs: 30_000,
    }).catch((err: Error) => err.message);
    expect(signalled).toEqual(numbers.slice(0, 3));
    expect(message).toContain(`query of ticket ${numbers[3]} at once`);
    expect(message).toContain(
      '3 ticket(s) woken so far keep their reminders; 16 of 20 were not asked.',
    );
  });

  it('recognises only the no-poller answer as such', () => {
    expect(noPollerSeen(noPoller())).toBe(true);
    expect(noPollerSeen(grpc(9, '9 FAILED_PRECONDITION: workflow task in failed state'))).toBe(
      false,
    );
    expect(noPollerSeen(grpc(4, '4 DEADLINE_EXCEEDED: no poller'))).toBe(false);
    expect(noPollerSeen(new Error('no poller'))).toBe(false);
  });
});
