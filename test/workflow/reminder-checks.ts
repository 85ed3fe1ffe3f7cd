import type { TicketView, TimelineEvent } from '../../workflows/ticket/ticket.contract';
import { ticketStateQuery } from '../../workflows/ticket/ticket.contract';
import { CALENDAR_ID, expectFiredAt, MINUTE, skipTo, type TicketHarness } from './ticket-harness';
import { closeDateOf, type TicketHandle, viewWhen } from './ticket-steps';

// What the three reminder series (L3-09 the estimate's approval and the client's testing, L3-12 a
// change order's approval) are checked for alike: each a durable timer every so many business
// days of the ticket's calendar from an anchor, a limited number of times, each reminder a
// timeline event with its number, the limit and the next instant; a calendar change moves the next
// one from the same anchor. Each spec names its series and keeps its own cases.

/** What tells one reminder series from another. */
export interface ReminderSeries {
  /** Its timeline events (ESTIMATE_REMINDER, CHANGE_ORDER_REMINDER, TESTING_REMINDER). */
  readonly reminders: (view: TicketView) => TimelineEvent[];
  /** Its instants: `count` of them after `from`. */
  readonly schedule: (from: string, count: number) => number[];
  /** Where the view keeps its next instant. */
  readonly nextAt: (view: TicketView) => string | null | undefined;
  /** Its key in a SCHEDULE_RECOMPUTED event's data. */
  readonly recomputedKey: string;
}

/**
 * `limit` reminders sent, the i-th at `expected[i]`, by no one, each with the series' `fields`, its
 * number, the limit and the next reminder's instant (none after the last).
 */
export function expectRemindersSent(
  sent: TimelineEvent[],
  expected: number[],
  limit: number,
  fields: Record<string, unknown>,
): void {
  expect(sent).toHaveLength(limit);
  sent.forEach((event, i) => {
    expectFiredAt(event.at, expected[i]);
    expect(event.actor).toBeNull();
    expect(event.data).toEqual({
      ...fields,
      reminder: i + 1,
      limit,
      nextReminderAt: i + 1 < limit ? new Date(expected[i + 1]).toISOString() : null,
    });
  });
}

/**
 * A calendar change closes the date of the next reminder (due from `anchor`): the reminder moves
 * to the series' next instant from the same anchor, recorded once as SCHEDULE_RECOMPUTED; the old
 * instant passes quietly and the new one fires.
 */
export async function expectCalendarChangeMovesNextReminder(
  h: TicketHarness,
  handle: TicketHandle,
  series: ReminderSeries,
  anchor: string,
): Promise<void> {
  const { reminders, schedule } = series;
  const [before] = schedule(anchor, 1);
  await closeDateOf(h, handle, before - MINUTE);
  const [after] = schedule(anchor, 1);
  expect(after).toBeGreaterThan(before);
  const moved = await viewWhen(handle, (v) => series.nextAt(v) === new Date(after).toISOString());
  expect(moved.timeline.filter((e) => e.type === 'SCHEDULE_RECOMPUTED')).toEqual([
    expect.objectContaining({
      data: {
        calendarId: CALENDAR_ID,
        [series.recomputedKey]: {
          from: new Date(before).toISOString(),
          to: new Date(after).toISOString(),
        },
        // BUSINESS-TIME.md, L3-06: the calendar versions it moved between (the history names
        // the change in between: the closed day).
        calendarVersion: h.calendars.current.version,
        previousCalendarVersion: h.calendars.current.version - 1,
      },
    }),
  ]);
  await skipTo(h, before + MINUTE);
  expect(reminders(await handle.query(ticketStateQuery))).toEqual([]);
  await skipTo(h, after + MINUTE);
  const view = await viewWhen(handle, (v) => reminders(v).length === 1);
  expectFiredAt(reminders(view)[0].at, after);
}
