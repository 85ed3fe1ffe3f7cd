import {
  acceptDeliveryUpdate,
  cancelUpdate,
  reportFailuresUpdate,
  TESTING_REMINDER_BUSINESS_DAYS,
  TESTING_REMINDER_LIMIT,
  ticketStateQuery,
  type TicketView,
  type TimelineEvent,
} from '../../workflows/ticket/ticket.contract';
import {
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
  releaseForTesting as release,
  toInDevelopment,
  viewWhen,
} from './ticket-steps';
import {
  expectCalendarChangeMovesNextReminder,
  expectRemindersSent,
  type ReminderSeries,
} from './reminder-checks';

// L3-09 client testing: after the release for testing the client tests it and accepts it
// (closure) or reports failures (rework). The contract sets no time limit there and the provider
// has no SLA, so the workflow never decides for the client (no automatic acceptance), but while
// the release waits it reminds the registrant and the authorizers: a durable timer every
// 2 business days of the ticket's calendar from the release, at most 3 times per release, each a
// TESTING_REMINDER timeline event (emailed once by the projection). Accepting, reporting failures
// or cancelling stops them; a new release after rework counts afresh.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

const reminders = (view: TicketView): TimelineEvent[] =>
  view.timeline.filter((e) => e.type === 'TESTING_REMINDER');
/** Reminder instants after `from`: every TESTING_REMINDER_BUSINESS_DAYS business days. */
const schedule = (from: string | number, count: number): number[] =>
  everyBusinessDays(h, from, TESTING_REMINDER_BUSINESS_DAYS, count);

/** The series as the shared checks know it (reminder-checks.ts). */
const series: ReminderSeries = {
  reminders,
  schedule,
  nextAt: (view) => view.testingReminder?.nextAt,
  recomputedKey: 'testingReminderAt',
};

describe('L3-09 reminders while a release waits for the client testing', () => {
  it('L3-09: reminds at every 2nd business closing after the release, at most 3 times, state and clocks untouched, never accepted for the client', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const releasedAt = await release(handle, 'Primera entrega del reporte');
      const before = await handle.query(ticketStateQuery);
      const expected = schedule(releasedAt, TESTING_REMINDER_LIMIT + 2);
      expect(before.testingReminder).toEqual({
        releasedAt,
        release: 1,
        note: 'Primera entrega del reporte',
        sent: 0,
        nextAt: new Date(expected[0]).toISOString(),
        from: releasedAt,
      });

      // Not a minute early.
      await skipTo(h, expected[0] - MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toEqual([]);

      // Well past where a 4th and 5th would fall: only 3.
      await skipTo(h, expected[expected.length - 1] + MINUTE);
      const view = await viewWhen(handle, (v) => reminders(v).length >= TESTING_REMINDER_LIMIT);
      const sent = reminders(view);
      expectRemindersSent(sent, expected, TESTING_REMINDER_LIMIT, {
        releasedAt,
        release: 1,
        note: 'Primera entrega del reporte',
      });
      // Not an SLA and not a transition: the ticket still waits for the client's decision.
      expect(view.state).toBe('RELEASED_FOR_TESTING');
      expect(view.closure).toBeNull();
      expect(view.clocks).toEqual(before.clocks);
      expect(view.slaStatus).toBe(before.slaStatus);
      expect(view.nextDeadline).toBe(before.nextDeadline);
      expect(h.events.calls).toEqual([]);
      // Each reached the projection (the outbox is keyed by its sequence number) once.
      expect(projected(h, 'TESTING_REMINDER').map((e) => e.seq)).toEqual(sent.map((e) => e.seq));

      await handle.executeUpdate(acceptDeliveryUpdate, { args: [req(clientUser)] });
      const final = await handle.result();
      expect(final.closure?.outcome).toBe('ACCEPTED');
      expect(reminders(final)).toHaveLength(TESTING_REMINDER_LIMIT);
      await maybeRecordHistory(handle, 'testing-reminders');
    });
  });

  it('L3-09: acceptance stops them; reported failures stop them and the next release starts its own series', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const first = schedule(await release(handle), 3);
      await skipTo(h, first[0] + MINUTE);
      await viewWhen(handle, (v) => reminders(v).length === 1);
      // The client rejects the release with reasons: rework, no reminder in development.
      await handle.executeUpdate(reportFailuresUpdate, {
        args: [req(clientUser, { note: 'El total por zona no cuadra' })],
      });
      await skipTo(h, first[2] + MINUTE);
      const reworking = await handle.query(ticketStateQuery);
      expect(reworking.state).toBe('IN_DEVELOPMENT');
      expect(reminders(reworking)).toHaveLength(1);

      // Release 2: its own series from its own instant, counted from 1 again.
      const secondAt = await release(handle, 'Corregido el total');
      const second = schedule(secondAt, 3);
      await skipTo(h, second[1] + MINUTE);
      const afterSecond = await viewWhen(handle, (v) => reminders(v).length === 3);
      const sent = reminders(afterSecond);
      expect(sent.map((e) => [e.data.release, e.data.reminder])).toEqual([
        [1, 1],
        [2, 1],
        [2, 2],
      ]);
      expectFiredAt(sent[1].at, second[0]);
      expectFiredAt(sent[2].at, second[1]);
      expect(sent[1].data).toMatchObject({ releasedAt: secondAt, note: 'Corregido el total' });

      // Accepted before the third: none after it.
      await handle.executeUpdate(acceptDeliveryUpdate, { args: [req(clientUser)] });
      const final = await handle.result();
      expect(final.state).toBe('CLOSED');
      expect(reminders(final)).toHaveLength(3);
      expect(Date.parse(final.closure!.at)).toBeLessThan(second[2]);
    });
  });

  it('L3-09: cancelling a ticket in testing stops them (the run ends)', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const expected = schedule(await release(handle), 1);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Ya no' })] });
      const final = await handle.result();
      expect(final.state).toBe('CANCELLED');
      await skipTo(h, expected[0] + MINUTE);
      expect(reminders(final)).toEqual([]);
      expect(projected(h, 'TESTING_REMINDER')).toEqual([]);
    });
  });

  it('L3-09: a calendar change (the reminder day closed) moves the next reminder, from the same anchor', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDevelopment(h, handle);
      const releasedAt = await release(handle);
      await expectCalendarChangeMovesNextReminder(h, handle, series, releasedAt);
    });
  });
});
