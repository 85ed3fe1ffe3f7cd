import {
  APPROVAL_REMINDER_BUSINESS_DAYS,
  APPROVAL_REMINDER_LIMIT,
  authorizeEstimateUpdate,
  cancelUpdate,
  commentUpdate,
  rejectEstimateUpdate,
  requestReestimateUpdate,
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
  submitEstimate,
  type TicketHandle,
  toEstimateSubmitted,
  viewWhen,
} from './ticket-steps';
import {
  expectCalendarChangeMovesNextReminder,
  expectRemindersSent,
  type ReminderSeries,
} from './reminder-checks';

// L3-09 "approval wait (no provider SLA; reminders to the approver)": while an estimate waits for
// its written authorization, the workflow reminds the approvers with a durable timer every
// 2 business days of the ticket's calendar (the days rule: closing of the 2nd business date
// after), at most 5 times per estimate version. Each reminder is one ESTIMATE_REMINDER timeline
// event handed to the projection (which emails it once). It is no clock and no SLA status.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

/** The estimate the specs submit, version after version (L3-09). */
const ESTIMATE = { hours: 12.5, scope: 'Reporte de ventas por canal' };
const reminders = (view: TicketView): TimelineEvent[] =>
  view.timeline.filter((e) => e.type === 'ESTIMATE_REMINDER');
/** Reminder instants after `from`: every APPROVAL_REMINDER_BUSINESS_DAYS business days. */
const schedule = (from: string, count: number): number[] =>
  everyBusinessDays(h, from, APPROVAL_REMINDER_BUSINESS_DAYS, count);

/** The series as the shared checks know it (reminder-checks.ts). */
const series: ReminderSeries = {
  reminders,
  schedule,
  nextAt: (view) => view.approvalReminder?.nextAt,
  recomputedKey: 'approvalReminderAt',
};

const submitted = (handle: TicketHandle): Promise<TicketView> =>
  toEstimateSubmitted(handle, { requirementKind: 'DEVELOPMENT', ...ESTIMATE });

describe('L3-09 approver reminders while an estimate waits for authorization', () => {
  it('L3-09: reminds at every 2nd business closing after the submission, at most 5 times, no SLA effect', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      const view0 = await submitted(handle);
      const expected = schedule(view0.estimates[0].submittedAt, APPROVAL_REMINDER_LIMIT + 3);

      // Not a minute early.
      await skipTo(h, expected[0] - MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toEqual([]);

      // A client comment in the meantime changes nothing about the schedule.
      await handle.executeUpdate(commentUpdate, {
        args: [req(clientUser, { body: 'Lo revisamos con finanzas.', internal: false })],
      });

      // Well past where a 6th, 7th and 8th reminder would fall: only 5.
      await skipTo(h, expected[expected.length - 1] + MINUTE);
      const view = await viewWhen(handle, (v) => reminders(v).length >= APPROVAL_REMINDER_LIMIT);
      const sent = reminders(view);
      expectRemindersSent(sent, expected, APPROVAL_REMINDER_LIMIT, { estimateVersion: 1 });
      // No SLA: the approval wait has no clock, status or deadline.
      expect(view).toMatchObject({
        state: 'ESTIMATE_SUBMITTED',
        slaStatus: 'ok',
        nextDeadline: null,
      });
      expect(view.clocks.filter((c) => c.endedAt === null)).toEqual([]);
      expect(h.events.calls).toEqual([]);
      // Each reminder reached the projection (the outbox is keyed by its sequence number) once.
      expect(projected(h, 'ESTIMATE_REMINDER').map((e) => e.seq)).toEqual(sent.map((e) => e.seq));

      await handle.executeUpdate(cancelUpdate, {
        args: [req(clientUser, { note: 'Sin presupuesto' })],
      });
      await handle.result();
      await maybeRecordHistory(handle, 'estimate-approval-reminders');
    });
  });

  it('L3-09: no reminder after the written authorization', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      const view0 = await submitted(handle);
      const expected = schedule(view0.estimates[0].submittedAt, 4);
      await skipTo(h, expected[0] + MINUTE);
      await viewWhen(handle, (v) => reminders(v).length === 1);
      await handle.executeUpdate(authorizeEstimateUpdate, {
        args: [req(approver, { estimateVersion: 1, statement: 'Autorizo las 12.5 horas.' })],
      });
      await skipTo(h, expected[3] + MINUTE);
      const view = await handle.query(ticketStateQuery);
      expect(view.state).toBe('SCHEDULING');
      expect(reminders(view)).toHaveLength(1);
    });
  });

  it('L3-09: a rejection or re-estimate request stops them; a new estimate counts afresh; cancelling stops them', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      const view0 = await submitted(handle);
      const v1 = schedule(view0.estimates[0].submittedAt, 3);
      await skipTo(h, v1[0] + MINUTE);
      await viewWhen(handle, (v) => reminders(v).length === 1);
      await handle.executeUpdate(requestReestimateUpdate, {
        args: [req(clientUser, { estimateVersion: 1, reason: 'Falta el filtro por canal.' })],
      });
      await skipTo(h, v1[2] + MINUTE);
      expect(reminders(await handle.query(ticketStateQuery))).toHaveLength(1);

      // Version 2: its own schedule from its own submission.
      await submitEstimate(handle, ESTIMATE);
      const v2at = (await handle.query(ticketStateQuery)).estimates[1].submittedAt;
      const v2 = schedule(v2at, 3);
      await skipTo(h, v2[0] + MINUTE);
      const afterV2 = await viewWhen(handle, (v) => reminders(v).length === 2);
      expectFiredAt(reminders(afterV2)[1].at, v2[0]);
      expect(reminders(afterV2)[1].data).toMatchObject({ estimateVersion: 2, reminder: 1 });

      await handle.executeUpdate(rejectEstimateUpdate, {
        args: [req(approver, { estimateVersion: 2, reason: 'Demasiadas horas.' })],
      });
      await submitEstimate(handle, ESTIMATE);
      const v3 = schedule((await handle.query(ticketStateQuery)).estimates[2].submittedAt, 2);
      // v2's second reminder would fall with v3's first: only v3's comes.
      expect(v3[0]).toBeGreaterThanOrEqual(v2[1]);
      await skipTo(h, v3[0] + MINUTE);
      const afterReject = await viewWhen(handle, (v) => reminders(v).length >= 3);
      const sent = reminders(afterReject);
      expect(sent.map((e) => [e.data.estimateVersion, e.data.reminder])).toEqual([
        [1, 1],
        [2, 1],
        [3, 1],
      ]);
      expectFiredAt(sent[2].at, v3[0]);

      await handle.executeUpdate(cancelUpdate, {
        args: [req(clientUser, { note: 'Cancelado' })],
      });
      const final = await handle.result();
      expect(final.state).toBe('CANCELLED');
      expect(reminders(final)).toEqual(reminders(await handle.query(ticketStateQuery)));
    });
  });

  it('L3-09: a calendar change (the reminder day closed) moves the next reminder, from the same anchor', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      const view0 = await submitted(handle);
      const submittedAt = view0.estimates[0].submittedAt;
      await expectCalendarChangeMovesNextReminder(h, handle, series, submittedAt);
    });
  });

  it('L3-09, L3-06: after continue-as-new the reminder still knows its calendar version: a calendar change names the version before', async () => {
    // A low history limit: the run continues as new while the reminder waits (agent notes fill
    // the history), before the calendar changes (BUSINESS-TIME.md: «Recordatorio … recalculado»
    // names the versions it moved between).
    await withTicket(h, { category: 'DEVELOPMENT', historyEventLimit: 90 }, async (handle) => {
      const firstRunId = (await handle.describe()).runId;
      const view0 = await submitted(handle);
      expect(view0.approvalReminder?.nextAt).toBe(
        new Date(schedule(view0.estimates[0].submittedAt, 1)[0]).toISOString(),
      );
      expect((await handle.describe()).runId).toBe(firstRunId);
      for (let note = 1; (await handle.describe()).runId === firstRunId; note += 1) {
        expect(note).toBeLessThan(40);
        await handle.executeUpdate(commentUpdate, {
          args: [req(agent, { body: `Nota interna ${note}`, internal: true })],
        });
      }
      const carried = await handle.query(ticketStateQuery);
      expect(carried.approvalReminder).toEqual(view0.approvalReminder);
      expect(carried.timeline.filter((e) => e.type === 'SCHEDULE_RECOMPUTED')).toEqual([]);
      await expectCalendarChangeMovesNextReminder(
        h,
        handle,
        series,
        view0.estimates[0].submittedAt,
      );
    });
  });
});
