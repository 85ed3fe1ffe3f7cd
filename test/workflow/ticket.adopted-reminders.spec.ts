import type { WorkerOptions } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import { ADOPT_REMINDERS_PATCH } from '../../workflows/ticket/adopted-reminders';
import {
  APPROVAL_REMINDERS_PATCH,
  CHANGE_ORDER_REMINDERS_PATCH,
} from '../../workflows/ticket/approval-reminders';
import { TESTING_REMINDERS_PATCH } from '../../workflows/ticket/testing-reminders';
import {
  acceptDeliveryUpdate,
  APPROVAL_REMINDER_BUSINESS_DAYS,
  APPROVAL_REMINDER_LIMIT,
  authorizeChangeOrderUpdate,
  authorizeEstimateUpdate,
  calendarChangedSignal,
  commentUpdate,
  TESTING_REMINDER_BUSINESS_DAYS,
  TESTING_REMINDER_LIMIT,
  ticketStateQuery,
  type TicketView,
  type TimelineEvent,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  maybeRecordHistory,
  MINUTE,
  req,
  skipTo,
  startTicket,
  type TicketHarness,
  terminateIfOpen,
  useTicketHarness,
  withWorker,
} from './ticket-harness';
import {
  everyBusinessDays,
  projected,
  releaseForTesting,
  submitChangeOrder,
  type TicketHandle,
  toEstimateSubmitted,
  toInDevelopment,
  viewWhen,
} from './ticket-steps';

// Tickets older than the reminders (L3-09 estimate approval and client testing, L3-12 change
// order) passed the point where the series is armed under the code before it, so no reminder
// ever came. Such a ticket is built here by a worker that runs the code as it was then: the
// reminders' patches (and the adoption's) left off, as a worker without them records no marker.
// A worker with this code then takes the ticket over (it replays the old tasks unchanged) and, on
// the ticket's next workflow task, arms the series it is owed from then: no reminder for the
// past, the first one the series' business days later, sent once.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

const BEFORE_REMINDERS = [
  APPROVAL_REMINDERS_PATCH,
  CHANGE_ORDER_REMINDERS_PATCH,
  TESTING_REMINDERS_PATCH,
  ADOPT_REMINDERS_PATCH,
];
/** The worker of the code before the reminders; no cache, so the next worker replays it all. */
const OLD_CODE: Pick<WorkerOptions, 'maxCachedWorkflows' | 'patchActivationCallback'> = {
  maxCachedWorkflows: 0,
  patchActivationCallback: ({ patchId }) => !BEFORE_REMINDERS.includes(patchId),
};

const ofType =
  (type: string) =>
  (view: TicketView): TimelineEvent[] =>
    view.timeline.filter((e) => e.type === type);
const iso = (ms: number): string => new Date(ms).toISOString();
/**
 * Sent at its instant, not before: the timer fires there, and the event takes the instant after
 * the next one's computation (a local activity), later by what the loaded machine took; the skip
 * goes a minute past it.
 */
const expectSentAt = (at: string, instant: number): void => {
  expect(Date.parse(at)).toBeGreaterThanOrEqual(instant);
  expect(Date.parse(at)).toBeLessThan(instant + MINUTE);
};

/** A DEVELOPMENT ticket driven by the old code to where it waits, left waiting `days` business days. */
async function oldTicket<T>(
  drive: (handle: TicketHandle) => Promise<T>,
  days: number,
): Promise<{ handle: TicketHandle; waited: T }> {
  return withWorker(
    h,
    async () => {
      const { handle } = await startTicket(h, { category: 'DEVELOPMENT' });
      const waited = await drive(handle);
      const [later] = everyBusinessDays(h, await h.env.currentTimeMs(), days, 1);
      await skipTo(h, later);
      return { handle, waited };
    },
    undefined,
    OLD_CODE,
  );
}

/** The history, with this code, replays without nondeterminism (adoption included). */
async function expectReplays(handle: TicketHandle): Promise<void> {
  await expect(
    Worker.runReplayHistory({ workflowBundle: h.bundle }, await handle.fetchHistory()),
  ).resolves.toBeUndefined();
}

/** An approval (L3-09 estimate, L3-12 change order) the old code left waiting without reminders. */
interface PendingApproval {
  /** The reminders' timeline event type. */
  type: string;
  /** The ticket's series of those reminders, once armed. */
  series: (view: TicketView) => TicketView['approvalReminder'];
  /** The version waiting for its authorization. */
  estimateVersion: number;
  /** An internal comment: the transition that runs the next task under this code. */
  comment: string;
  /** Checks the first reminder's data (`expected`: the series' first two instants). */
  firstSent: (data: unknown, expected: number[]) => void;
  /** The approver's decision, which ends the series. */
  decide: (handle: TicketHandle) => Promise<unknown>;
}

/**
 * With this code, the next transition arms the approval's series from then (none for the past), the
 * first reminder is sent at its instant and handed to the projection once, the approver's decision
 * stops the series, and the history replays. Terminates the ticket if it is still open.
 */
async function expectApprovalAdopted(
  handle: TicketHandle,
  approval: PendingApproval,
): Promise<void> {
  const reminders = ofType(approval.type);
  try {
    await withWorker(h, async () => {
      await handle.executeUpdate(commentUpdate, {
        args: [req(agent, { body: approval.comment, internal: true })],
      });
      const adopted = await viewWhen(handle, (v) => !!approval.series(v));
      const from = approval.series(adopted)!.from!;
      const expected = everyBusinessDays(h, from, APPROVAL_REMINDER_BUSINESS_DAYS, 2);
      expect(approval.series(adopted)).toEqual({
        estimateVersion: approval.estimateVersion,
        sent: 0,
        nextAt: iso(expected[0]),
        from,
      });
      expect(reminders(adopted)).toEqual([]);

      await skipTo(h, expected[0] + MINUTE);
      const sent = reminders(await viewWhen(handle, (v) => reminders(v).length === 1));
      expectSentAt(sent[0].at, expected[0]);
      approval.firstSent(sent[0].data, expected);
      await approval.decide(handle);
      await skipTo(h, expected[1] + MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toHaveLength(1);
      expect(projected(h, approval.type).map((e) => e.seq)).toEqual([sent[0].seq]);
      await expectReplays(handle);
    });
  } finally {
    await terminateIfOpen(handle);
  }
}

describe('tickets older than their reminders adopt them (L3-09, L3-12)', () => {
  it('L3-09: a release waiting for the client testing since before the reminders: the next task arms them from then, none for the past, the first sent once', async () => {
    const reminders = ofType('TESTING_REMINDER');
    const { handle, waited } = await oldTicket(async (handle) => {
      await toInDevelopment(h, handle);
      const releasedAt = await releaseForTesting(handle, 'Primera entrega del reporte');
      const view = await handle.query(ticketStateQuery);
      expect(view.state).toBe('RELEASED_FOR_TESTING');
      expect(view.testingReminder).toBeUndefined();
      return releasedAt;
    }, 7); // well past where the old code's 3 reminders would have fallen
    try {
      await withWorker(h, async () => {
        // Still none while no task runs under this code.
        expect(reminders(await handle.query(ticketStateQuery))).toEqual([]);
        // Any task: here a calendar change of another calendar, which changes nothing else.
        const before = await h.env.currentTimeMs();
        await handle.signal(calendarChangedSignal, { calendarId: 'otro-calendario' });
        const adopted = await viewWhen(handle, (v) => !!v.testingReminder);
        const from = adopted.testingReminder!.from;
        expect(Date.parse(from)).toBeGreaterThanOrEqual(before - 1_000);
        const expected = everyBusinessDays(h, from, TESTING_REMINDER_BUSINESS_DAYS, 2);
        expect(adopted.testingReminder).toEqual({
          releasedAt: waited,
          release: 1,
          note: 'Primera entrega del reporte',
          sent: 0,
          nextAt: iso(expected[0]),
          from,
        });
        // No burst for the reminders the old code never sent; the clocks untouched.
        expect(reminders(adopted)).toEqual([]);
        expect(adopted.slaStatus).toBe('ok');

        await skipTo(h, expected[0] - MINUTE);
        expect(reminders(await handle.query(ticketStateQuery))).toEqual([]);
        await skipTo(h, expected[0] + MINUTE);
        const sent = reminders(await viewWhen(handle, (v) => reminders(v).length === 1));
        expectSentAt(sent[0].at, expected[0]);
        expect(sent[0].data).toEqual({
          releasedAt: waited,
          release: 1,
          note: 'Primera entrega del reporte',
          reminder: 1,
          limit: TESTING_REMINDER_LIMIT,
          nextReminderAt: iso(expected[1]),
        });
        // Handed to the projection (which emails it, keyed by its sequence number) once.
        expect(projected(h, 'TESTING_REMINDER').map((e) => e.seq)).toEqual([sent[0].seq]);

        await handle.executeUpdate(acceptDeliveryUpdate, { args: [req(clientUser)] });
        const final = await handle.result();
        expect(final.closure?.outcome).toBe('ACCEPTED');
        expect(reminders(final)).toHaveLength(1);
        await expectReplays(handle);
        await maybeRecordHistory(handle, 'adopted-testing-reminders');
      });
    } finally {
      await terminateIfOpen(handle);
    }
  });

  it('L3-12: a change order pending since before the reminders: the next transition arms them from then; authorizing it stops them', async () => {
    const { handle } = await oldTicket(async (handle) => {
      await toInDevelopment(h, handle);
      await submitChangeOrder(handle);
      expect((await handle.query(ticketStateQuery)).changeOrderReminder).toBeUndefined();
    }, 5);
    await expectApprovalAdopted(handle, {
      type: 'CHANGE_ORDER_REMINDER',
      series: (v) => v.changeOrderReminder,
      estimateVersion: 2,
      comment: 'Seguimos con la orden de cambio',
      firstSent: (data, expected) =>
        expect(data).toEqual({
          estimateVersion: 2,
          reminder: 1,
          limit: APPROVAL_REMINDER_LIMIT,
          nextReminderAt: iso(expected[1]),
        }),
      decide: (handle) =>
        handle.executeUpdate(authorizeChangeOrderUpdate, {
          args: [req(approver, { estimateVersion: 2, statement: 'Autorizo 4 h más.' })],
        }),
    });
  });

  it('L3-09: an estimate waiting for its authorization since before the reminders: the next transition arms them from then; authorizing it stops them', async () => {
    const { handle } = await oldTicket(async (handle) => {
      await toEstimateSubmitted(handle, { requirementKind: 'DEVELOPMENT' });
      expect((await handle.query(ticketStateQuery)).approvalReminder).toBeUndefined();
    }, 5);
    await expectApprovalAdopted(handle, {
      type: 'ESTIMATE_REMINDER',
      series: (v) => v.approvalReminder,
      estimateVersion: 1,
      comment: 'Quedamos atentos a la autorización',
      firstSent: (data) => expect(data).toMatchObject({ estimateVersion: 1, reminder: 1 }),
      decide: (handle) =>
        handle.executeUpdate(authorizeEstimateUpdate, {
          args: [req(approver, { estimateVersion: 1, statement: 'Autorizo 8 h.' })],
        }),
    });
  });
});
