import { updateChanges } from '../../../src/business-time/calendars/calendar-change';
import type { CalendarDefinition } from '../../../src/business-time/engine';
import { withRecomputedVersions } from '../../../src/tickets/recomputed-versions';
import type { TicketEventModel } from '../../../src/tickets/ticket.model';

// BUSINESS-TIME.md, L3-06: a recomputed deadline names the calendar changes it followed: every
// version after the one its clock had, up to the one it was recomputed on (the workflow coalesces
// several edits into one recompute).

const CAL = '00000000-0000-4000-8000-000000000009';
const event = (seq: number, type: string, data: Record<string, unknown>): TicketEventModel => ({
  seq,
  type,
  at: new Date(0),
  actorId: null,
  actorRole: null,
  data: JSON.stringify(data),
});

describe('recomputed deadlines: which calendar versions (L3-06, BUSINESS-TIME.md)', () => {
  it('takes the previous version the event recorded, else the clock’s last known one', () => {
    const events = withRecomputedVersions(CAL, [
      event(1, 'registered', {}),
      event(2, 'CLOCK_STARTED', { clockId: 'c1', calendarVersion: 3 }),
      event(3, 'CLOCK_STARTED', { clockId: 'c2', calendarVersion: 4 }),
      // Recorded before `previousCalendarVersion` existed: c1 had version 3.
      event(4, 'CLOCK_RECOMPUTED', { clockId: 'c1', calendarVersion: 6 }),
      event(5, 'CLOCK_RECOMPUTED', {
        clockId: 'c2',
        calendarVersion: 7,
        previousCalendarVersion: 4,
      }),
      // Nothing known of the clock: the version just before.
      event(6, 'CLOCK_RECOMPUTED', { clockId: 'c3', calendarVersion: 9 }),
      // The same version (only the deadline moved): no change to name.
      event(7, 'CLOCK_RECOMPUTED', { clockId: 'c1', calendarVersion: 6 }),
    ]);
    expect(events.map((e) => e.recomputedOn ?? null)).toEqual([
      null,
      null,
      null,
      { calendarId: CAL, from: 3, to: 6 },
      { calendarId: CAL, from: 4, to: 7 },
      { calendarId: CAL, from: 8, to: 9 },
      { calendarId: CAL, from: 6, to: 6 },
    ]);
  });

  it('a moved reminder or auto-close (SCHEDULE_RECOMPUTED) follows its own versions (L3-07, L3-09)', () => {
    const at = { from: '2026-11-16T16:00:00.000Z', to: '2026-11-17T16:00:00.000Z' };
    const [coalesced, continued, old] = withRecomputedVersions(CAL, [
      event(1, 'SCHEDULE_RECOMPUTED', {
        autoCloseAt: at,
        calendarVersion: 7,
        previousCalendarVersion: 4,
      }),
      // A run continued as new before its first computation: the latest change alone.
      event(2, 'SCHEDULE_RECOMPUTED', { approvalReminderAt: at, calendarVersion: 9 }),
      // Recorded before the event kept a version: today's words.
      event(3, 'SCHEDULE_RECOMPUTED', { autoCloseAt: at }),
    ]);
    expect(coalesced.recomputedOn).toEqual({ calendarId: CAL, from: 4, to: 7 });
    expect(continued.recomputedOn).toEqual({ calendarId: CAL, from: 8, to: 9 });
    expect(old.recomputedOn).toBeUndefined();
  });

  it('an event with unreadable data or no version is left as it is', () => {
    const [bad, none] = withRecomputedVersions(CAL, [
      { ...event(1, 'CLOCK_RECOMPUTED', {}), data: '{' },
      event(2, 'CLOCK_RECOMPUTED', { clockId: 'c1' }),
    ]);
    expect(bad.recomputedOn).toBeUndefined();
    expect(none.recomputedOn).toBeUndefined();
  });
});

describe('updateCalendar: what changed, as data (BUSINESS-TIME.md)', () => {
  const definition: CalendarDefinition = {
    timeZone: 'America/Mexico_City',
    weekly: { 1: [{ start: '09:00', end: '18:00' }] },
    holidays: [],
    overrides: [],
  };
  const before = { name: 'México CDMX', definition, holidaySources: ['MX_LFT_74'] };

  it('names only what really differs', () => {
    expect(updateChanges(before, { ...before })).toEqual([]);
    expect(
      updateChanges(before, {
        name: 'Cancún',
        definition: {
          ...definition,
          timeZone: 'America/Cancun',
          weekly: { 1: [{ start: '08:00', end: '17:00' }] },
        },
        holidaySources: [],
      }),
    ).toEqual([
      { kind: 'RENAMED', name: 'Cancún' },
      { kind: 'TIME_ZONE_CHANGED', timeZone: 'America/Cancun' },
      { kind: 'WEEK_CHANGED' },
      { kind: 'HOLIDAY_SOURCE_OFF', source: 'MX_LFT_74' },
    ]);
  });
});
