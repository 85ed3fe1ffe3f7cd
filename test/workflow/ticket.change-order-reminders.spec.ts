import {
  APPROVAL_REMINDER_BUSINESS_DAYS,
  APPROVAL_REMINDER_LIMIT,
  authorizeChangeOrderUpdate,
  cancelUpdate,
  rejectChangeOrderUpdate,
  releaseForTestingUpdate,
  reportFailuresUpdate,
  ticketStateQuery,
  type TicketView,
  type TimelineEvent,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  expectFiredAt,
  maybeRecordHistory,
  MINUTE,
  req,
  skipTo,
  type TicketHarness,
  useTicketHarness,
  withTicket,
} from './ticket-harness';
import {
  everyBusinessDays,
  projected,
  submitChangeOrder,
  toInDevelopment,
  viewWhen,
} from './ticket-steps';
import {
  expectCalendarChangeMovesNextReminder,
  expectRemindersSent,
  type ReminderSeries,
} from './reminder-checks';

// L3-12 with L3-09's approval wait: a change order (more hours for an authorized requirement)
// waits for the approver's written authorization like an estimate, and its approvers are reminded
// the same way: a durable timer every 2 business days of the ticket's calendar from its
// submission, at most 5 times, each a CHANGE_ORDER_REMINDER timeline event (emailed once by the
// projection). Authorizing, rejecting or withdrawing it (the ticket ended) stops them; a new change
// order counts afresh. Released for testing it can only be rejected: no reminder there.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

const reminders = (view: TicketView): TimelineEvent[] =>
  view.timeline.filter((e) => e.type === 'CHANGE_ORDER_REMINDER');
/** Reminder instants after `from`: every APPROVAL_REMINDER_BUSINESS_DAYS business days. */
const schedule = (from: string, count: number): number[] =>
  everyBusinessDays(h, from, APPROVAL_REMINDER_BUSINESS_DAYS, count);

/** The series as the shared checks know it (reminder-checks.ts). */
const series: ReminderSeries = {
  reminders,
  schedule,
  nextAt: (view) => view.changeOrderReminder?.nextAt,
  recomputedKey: 'changeOrderReminderAt',
};

describe('L3-12 approver reminders while a change order waits for authorization', () => {
  it('L3-12/L3-09: reminds at every 2nd business closing after the submission, at most 5 times, state and clocks untouched', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const submittedAt = await submitChangeOrder(handle);
      const before = await handle.query(ticketStateQuery);
      expect(before.changeOrderReminder).toEqual({
        estimateVersion: 2,
        sent: 0,
        nextAt: new Date(schedule(submittedAt, 1)[0]).toISOString(),
        from: submittedAt,
      });
      const expected = schedule(submittedAt, APPROVAL_REMINDER_LIMIT + 2);

      // Not a minute early.
      await skipTo(h, expected[0] - MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toEqual([]);

      // Well past where a 6th and 7th would fall: only 5.
      await skipTo(h, expected[expected.length - 1] + MINUTE);
      const view = await viewWhen(handle, (v) => reminders(v).length >= APPROVAL_REMINDER_LIMIT);
      const sent = reminders(view);
      expectRemindersSent(sent, expected, APPROVAL_REMINDER_LIMIT, { estimateVersion: 2 });
      // Not an SLA and not a transition: the state, clocks and the estimate's reminders stay.
      expect(view.state).toBe('IN_DEVELOPMENT');
      expect(view.clocks).toEqual(before.clocks);
      expect(view.slaStatus).toBe(before.slaStatus);
      expect(view.timeline.filter((e) => e.type === 'ESTIMATE_REMINDER')).toEqual([]);
      expect(h.events.calls).toEqual([]);
      expect(view.estimates.at(-1)).toMatchObject({ version: 2, status: 'SUBMITTED' });
      // Each reached the projection (the outbox is keyed by its sequence number) once.
      expect(projected(h, 'CHANGE_ORDER_REMINDER').map((e) => e.seq)).toEqual(
        sent.map((e) => e.seq),
      );

      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Ya no' })] });
      await handle.result();
      await maybeRecordHistory(handle, 'change-order-approval-reminders');
    });
  });

  it('L3-12: none after the authorization or the rejection; a new change order counts afresh; none once withdrawn', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const v2 = schedule(await submitChangeOrder(handle), 4);
      await skipTo(h, v2[0] + MINUTE);
      await viewWhen(handle, (v) => reminders(v).length === 1);
      await handle.executeUpdate(authorizeChangeOrderUpdate, {
        args: [req(approver, { estimateVersion: 2, statement: 'Autorizo 4 h más.' })],
      });
      await skipTo(h, v2[3] + MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toHaveLength(1);

      // Version 3: its own series from its own submission; rejected after its first reminder.
      const v3 = schedule(await submitChangeOrder(handle, { additionalHours: 2 }), 4);
      await skipTo(h, v3[0] + MINUTE);
      const afterV3 = await viewWhen(handle, (v) => reminders(v).length === 2);
      expectFiredAt(reminders(afterV3)[1].at, v3[0]);
      await handle.executeUpdate(rejectChangeOrderUpdate, {
        args: [req(approver, { estimateVersion: 3, reason: 'No es prioritario.' })],
      });
      await skipTo(h, v3[3] + MINUTE);
      expect(
        reminders(await handle.query(ticketStateQuery)).map((e) => [
          e.data.estimateVersion,
          e.data.reminder,
        ]),
      ).toEqual([
        [2, 1],
        [3, 1],
      ]);

      // Version 4 is withdrawn with the cancelled ticket: the run ends, nothing more is due.
      await submitChangeOrder(handle, { additionalHours: 1 });
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Fin' })] });
      const final = await handle.result();
      expect(final.estimates.at(-1)).toMatchObject({ version: 4, status: 'WITHDRAWN' });
      expect(reminders(final)).toHaveLength(2);
    });
  });

  it('L3-12: released for testing (it may only be rejected there) none is sent; back in development the one due goes out once, the next 2 business days later', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const expected = schedule(await submitChangeOrder(handle), 3);
      await handle.executeUpdate(releaseForTestingUpdate, { args: [req(agent)] });
      await skipTo(h, expected[2] + MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toEqual([]);

      await handle.executeUpdate(reportFailuresUpdate, {
        args: [req(clientUser, { note: 'Falla el total' })],
      });
      const back = await viewWhen(handle, (v) => reminders(v).length === 1);
      const [first] = reminders(back);
      expect(back.state).toBe('IN_DEVELOPMENT');
      const next = schedule(first.at, 1)[0];
      expect(first.data).toEqual({
        estimateVersion: 2,
        reminder: 1,
        limit: APPROVAL_REMINDER_LIMIT,
        nextReminderAt: new Date(next).toISOString(),
      });
      // No burst of the ones missed in testing: the second comes at its new instant.
      await skipTo(h, next - MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toHaveLength(1);
      await skipTo(h, next + MINUTE);
      const view = await viewWhen(handle, (v) => reminders(v).length === 2);
      expectFiredAt(reminders(view)[1].at, next);
    });
  });

  it('L3-12: a calendar change (the reminder day closed) moves the next reminder, from the same anchor', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const submittedAt = await submitChangeOrder(handle);
      await expectCalendarChangeMovesNextReminder(h, handle, series, submittedAt);
    });
  });
});
