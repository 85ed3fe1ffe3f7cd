import { addBusinessDays } from '../../src/business-time/engine';
import {
  AUTO_CLOSE_BUSINESS_DAYS,
  AUTO_CLOSE_REMINDER_BUSINESS_DAYS,
  cancelUpdate,
  commentUpdate,
  confirmResolutionUpdate,
  reopenUpdate,
  resolveUpdate,
  ticketStateQuery,
  type TicketView,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  CALENDAR_ID,
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
import { closeDateOf, toResolved as resolved, viewWhen } from './ticket-steps';

// L3-07 "resolution, client confirmation, closure": a resolved problem the client neither
// confirms nor reopens is not left open for ever. The workflow reminds the client 3 business days
// after the resolution and closes the ticket 5 business days after it (outcome AUTO_CLOSED), with
// the ticket's calendar and one durable timer. No SLA clock: the provider has no target here.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

const steps = (view: TicketView) =>
  view.timeline.filter((e) => e.type === 'AUTO_CLOSE_REMINDER' || e.type === 'AUTO_CLOSED');

function schedule(resolvedAt: string): { remindAt: number; closeAt: number } {
  const from = new Date(resolvedAt);
  return {
    remindAt: addBusinessDays(
      h.calendars.engine,
      from,
      AUTO_CLOSE_REMINDER_BUSINESS_DAYS,
    ).getTime(),
    closeAt: addBusinessDays(h.calendars.engine, from, AUTO_CLOSE_BUSINESS_DAYS).getTime(),
  };
}

describe('L3-07 automatic closure of a resolved ticket the client does not answer', () => {
  it('L3-07: reminds after 3 business days, closes after 5 as AUTO_CLOSED, each once', async () => {
    await withTicket(h, async (handle) => {
      const view0 = await resolved(handle);
      const resolvedAt = view0.timeline.find((e) => e.type === 'resolve')!.at;
      const { remindAt, closeAt } = schedule(resolvedAt);
      expect(view0.autoClose).toEqual({
        resolvedAt: expect.any(String) as string,
        remindAt: new Date(remindAt).toISOString(),
        closeAt: new Date(closeAt).toISOString(),
        remindedAt: null,
      });
      // It reached the read model with the resolution, so the resolution email can name the date.
      const withResolution = h.projections.find((b) => b.events.some((e) => e.type === 'resolve'));
      expect(withResolution?.slice.details.autoClose?.closeAt).toBe(
        new Date(closeAt).toISOString(),
      );

      await skipTo(h, remindAt - MINUTE);
      expect(steps(await handle.query(ticketStateQuery))).toEqual([]);
      // A client comment is no answer to the resolution: the schedule stays.
      await handle.executeUpdate(commentUpdate, {
        args: [req(clientUser, { body: 'Lo revisamos el lunes.', internal: false })],
      });

      await skipTo(h, remindAt + MINUTE);
      const reminded = await viewWhen(handle, (v) => steps(v).length === 1);
      expect(reminded.state).toBe('RESOLVED');
      expectFiredAt(steps(reminded)[0].at, remindAt);
      expect(steps(reminded)[0]).toMatchObject({
        type: 'AUTO_CLOSE_REMINDER',
        actor: null,
        data: { resolvedAt, closeAt: new Date(closeAt).toISOString() },
      });

      await skipTo(h, closeAt + MINUTE);
      const final = await handle.result();
      expect(final.state).toBe('CLOSED');
      expect(final.closure).toMatchObject({ outcome: 'AUTO_CLOSED' });
      expectFiredAt(final.closure!.at, closeAt);
      expect(steps(final).map((e) => e.type)).toEqual(['AUTO_CLOSE_REMINDER', 'AUTO_CLOSED']);
      expect(steps(final)[1].data).toEqual({
        resolvedAt,
        closeAt: new Date(closeAt).toISOString(),
        businessDays: AUTO_CLOSE_BUSINESS_DAYS,
      });
      // No SLA effect, and each step reached the projection once.
      expect(final.slaStatus).toBe('ok');
      expect(h.events.calls).toEqual([]);
      const projected = h.projections
        .flatMap((b) => b.events)
        .filter((e) => e.type === 'AUTO_CLOSE_REMINDER' || e.type === 'AUTO_CLOSED');
      expect(projected.map((e) => e.seq)).toEqual(steps(final).map((e) => e.seq));
      await maybeRecordHistory(handle, 'resolved-auto-close');
    });
  });

  it('L3-07: the client confirming first closes it as CONFIRMED; nothing fires later', async () => {
    await withTicket(h, async (handle) => {
      const view0 = await resolved(handle);
      await handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] });
      const final = await handle.result();
      expect(final.closure).toMatchObject({ outcome: 'CONFIRMED' });
      expect(steps(final)).toEqual([]);
      expect(view0.autoClose).not.toBeNull();
    });
  });

  it('L3-07: the client cannot cancel a resolved ticket (WRONG_STATE, nothing recorded); confirming still closes it', async () => {
    await withTicket(h, async (handle) => {
      const before = await resolved(handle);
      await expect(
        handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Ya quedó' })] }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      const after = await handle.query(ticketStateQuery);
      expect(after.state).toBe('RESOLVED');
      expect(after.timeline).toHaveLength(before.timeline.length);
      await handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] });
      expect((await handle.result()).closure).toMatchObject({ outcome: 'CONFIRMED' });
    });
  });

  it('L3-07: a reopening cancels the schedule; the next resolution starts its own', async () => {
    await withTicket(h, async (handle) => {
      const first = await resolved(handle);
      const firstSchedule = schedule(first.autoClose!.resolvedAt);
      await skipTo(h, firstSchedule.remindAt + MINUTE);
      await viewWhen(handle, (v) => steps(v).length === 1);
      await handle.executeUpdate(reopenUpdate, {
        args: [req(clientUser, { note: 'Sigue fallando' })],
      });
      // Past the first closing instant: still open, in analysis.
      await skipTo(h, firstSchedule.closeAt + MINUTE);
      const reopened = await handle.query(ticketStateQuery);
      expect(reopened.state).toBe('IN_ANALYSIS');
      expect(steps(reopened)).toHaveLength(1);

      await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Ahora sí' })] });
      const second = await handle.query(ticketStateQuery);
      const secondSchedule = schedule(second.autoClose!.resolvedAt);
      expect(second.autoClose).toMatchObject({
        closeAt: new Date(secondSchedule.closeAt).toISOString(),
        remindedAt: null,
      });
      await skipTo(h, secondSchedule.closeAt + MINUTE);
      const final = await handle.result();
      expect(final.closure).toMatchObject({ outcome: 'AUTO_CLOSED' });
      expect(steps(final).map((e) => e.type)).toEqual([
        'AUTO_CLOSE_REMINDER',
        'AUTO_CLOSE_REMINDER',
        'AUTO_CLOSED',
      ]);
    });
  });

  it('L3-07: a calendar change (a day closed before the closure) moves the reminder and the closure', async () => {
    await withTicket(h, async (handle) => {
      const view0 = await resolved(handle);
      const resolvedAt = view0.autoClose!.resolvedAt;
      const before = schedule(resolvedAt);
      // The reminder's day is closed (e.g. a holiday the client added).
      await closeDateOf(h, handle, before.remindAt - MINUTE, 'Inventario anual');
      const after = schedule(resolvedAt);
      expect(after.closeAt).toBeGreaterThan(before.closeAt);
      const moved = await viewWhen(
        handle,
        (v) => v.autoClose?.closeAt === new Date(after.closeAt).toISOString(),
      );
      expect(moved.autoClose?.remindAt).toBe(new Date(after.remindAt).toISOString());
      expect(moved.timeline.filter((e) => e.type === 'SCHEDULE_RECOMPUTED')).toEqual([
        expect.objectContaining({
          actor: null,
          data: {
            calendarId: CALENDAR_ID,
            autoCloseAt: {
              from: new Date(before.closeAt).toISOString(),
              to: new Date(after.closeAt).toISOString(),
            },
            // BUSINESS-TIME.md, L3-06: the calendar versions it moved between, so the history
            // names the change (the closed day).
            calendarVersion: h.calendars.current.version,
            previousCalendarVersion: h.calendars.current.version - 1,
          },
        }),
      ]);
      // The old instants pass quietly; the new ones fire, each once.
      await skipTo(h, before.closeAt + MINUTE);
      const quiet = await handle.query(ticketStateQuery);
      expect(quiet.state).toBe('RESOLVED');
      expect(steps(quiet)).toHaveLength(1);
      expectFiredAt(steps(quiet)[0].at, after.remindAt);
      await skipTo(h, after.closeAt + MINUTE);
      const final = await handle.result();
      expectFiredAt(final.closure!.at, after.closeAt);
      expect(steps(final).map((e) => e.type)).toEqual(['AUTO_CLOSE_REMINDER', 'AUTO_CLOSED']);
      await maybeRecordHistory(handle, 'calendar-moves-schedules');
    });
  });
});
