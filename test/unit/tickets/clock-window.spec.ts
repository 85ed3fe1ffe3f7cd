import fc from 'fast-check';
import {
  BusinessCalendar,
  defaultMexicoCityCalendar,
  type CalendarDefinition,
  type TimeInterval,
} from '../../../src/business-time/engine';
import { businessWindow, computeClock } from '../../../src/tickets/clock-computation';
import { computeInWindow } from '../../../workflows/ticket/clock-arithmetic';
import type { ClockComputationArgs } from '../../../workflows/ticket/ticket.contract';

// BUSINESS-TIME.md, issues 5/10: the workflow computes a clock inside the calendar window a local
// activity returned. Wherever the window answers, it must answer exactly what the engine does
// (L3-06 triage, L3-07 progress cadence); outside it, or for the days rule, it must not answer.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function calendarIn(
  timeZone: string,
  hours: readonly TimeInterval[],
  weekdays: ReadonlyArray<1 | 2 | 3 | 4 | 5 | 6 | 7> = [1, 2, 3, 4, 5],
): CalendarDefinition {
  return {
    timeZone,
    weekly: Object.fromEntries(weekdays.map((day) => [day, hours])),
    holidays: [{ date: '2026-03-09', name: 'closed', source: 'test' }],
    overrides: [{ date: '2026-11-07', intervals: [{ start: '10:00', end: '12:00' }] }],
  };
}

const calendars: Record<string, BusinessCalendar> = {
  // Mexico City: LFT art. 74 holidays, 09:00–18:00 with no DST.
  mexico: new BusinessCalendar(defaultMexicoCityCalendar(2025, 2028)),
  // US DST (spring forward 2026-03-08, fall back 2026-11-01), split shifts.
  tijuana: new BusinessCalendar(
    calendarIn('America/Tijuana', [
      { start: '08:00', end: '13:00' },
      { start: '15:00', end: '19:30' },
    ]),
  ),
  // A night shift across the DST changes (spans at the edge of local dates), every day.
  nights: new BusinessCalendar(
    calendarIn(
      'America/New_York',
      [
        { start: '00:00', end: '03:00' },
        { start: '22:00', end: '24:00' },
      ],
      [1, 2, 3, 4, 5, 6, 7],
    ),
  ),
};

const T0 = Date.parse('2026-02-20T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('clock computations in a recorded calendar window (BUSINESS-TIME.md)', () => {
  it.each(Object.keys(calendars))(
    'L3-06/L3-07: on the %s calendar, whatever the window answers is what the engine computes, and it answers every minutes clock inside it',
    (name) => {
      const engine = calendars[name];
      let answered = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 300 * DAY }), // window start after T0
          fc.integer({ min: 1, max: 30 * DAY }), // window length
          fc.integer({ min: -2 * DAY, max: 32 * DAY }), // clock start, from the window's start
          fc.integer({ min: 0, max: 60 * 60 }), // minutes
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: DAY })),
            {
              maxLength: 2,
            },
          ),
          fc.option(fc.integer({ min: 0, max: 6 * DAY }), { nil: undefined }),
          fc.boolean(),
          (offset, length, startAt, minutes, gaps, untilAfter, days) => {
            const from = T0 + offset;
            const window = businessWindow(engine, 'c', 7, from, from + length);
            const startedAt = from + startAt;
            // Pauses: each `[wait, paused]` after the previous resume; the last may stay open.
            let cursor = startedAt;
            const pauses = gaps.map(([wait, paused], i) => {
              const pauseFrom = cursor + wait;
              cursor = pauseFrom + paused;
              const open = i === gaps.length - 1 && paused % 7 === 0;
              return { from: iso(pauseFrom), to: open ? null : iso(cursor) };
            });
            const args: ClockComputationArgs = {
              calendarId: 'c',
              startedAt: iso(startedAt),
              amount: days ? Math.floor(minutes / 600) : minutes,
              unit: days ? 'days' : 'minutes',
              pauses,
              ...(untilAfter === undefined ? {} : { until: iso(cursor + untilAfter) }),
              atRiskFraction: 0.75,
            };
            const local = computeInWindow(window, [args]);
            if (days) {
              expect(local).toBeUndefined();
              return;
            }
            let expected;
            try {
              expected = computeClock(engine, 7, args);
            } catch {
              expect(local).toBeUndefined();
              return;
            }
            if (local === undefined) {
              // Only when the clock needs time outside the window.
              // The never-paused deadline is always walked (a paused clock's budget).
              const plain = computeClock(engine, 7, { ...args, pauses: [] }).deadline;
              const ends = [plain, expected.deadline, expected.atRiskAt, args.until]
                .filter((x): x is string => typeof x === 'string')
                .map(Date.parse);
              const needsOutside = startedAt < from || Math.max(cursor, ...ends) > from + length;
              expect(needsOutside).toBe(true);
              return;
            }
            answered += 1;
            expect(local).toEqual([expected]);
          },
        ),
        { seed: 20261201, numRuns: 2_000 },
      );
      // The property is not vacuous: a good share of the generated clocks fit their window.
      expect(answered).toBeGreaterThan(150);
    },
  );

  it('L3-07: a progress restart (the ending run until now, the next from now) is answered in the window, on its version', () => {
    const engine = calendars.mexico;
    const from = Date.parse('2026-03-02T15:00:00.000Z'); // Mon 09:00 local
    const window = businessWindow(engine, 'mx', 4, from, from + 21 * DAY);
    const base = { calendarId: 'mx', pauses: [], atRiskFraction: 0.75, unit: 'minutes' } as const;
    const at = iso(from + 26 * HOUR); // Tue 11:00 local
    const batch: ClockComputationArgs[] = [
      { ...base, startedAt: iso(from), amount: 240, until: at },
      { ...base, startedAt: at, amount: 240 },
    ];
    const local = computeInWindow(window, batch);
    expect(local).toEqual(batch.map((args) => computeClock(engine, 4, args)));
    expect(local?.[0].consumedMs).toBe(11 * HOUR); // Mon 09:00–18:00 and Tue 09:00–11:00
    expect(local?.[1]).toMatchObject({ deadline: '2026-03-03T21:00:00.000Z', calendarVersion: 4 });
  });

  it('QA S62 #1 (L3-06, BUSINESS-TIME.md): less than a minute left at a closing ends there, in the window as in the engine', () => {
    const engine = calendars.mexico;
    const monday = Date.parse('2026-03-02T15:00:00.000Z'); // Mon 09:00 local
    const window = businessWindow(engine, 'mx', 4, monday, monday + 21 * DAY);
    const base = { calendarId: 'mx', atRiskFraction: 0.75, unit: 'minutes', amount: 480 } as const;
    const closing = '2026-03-03T00:00:00.000Z'; // Mon 18:00 local
    // Never paused: registered at 10:00:56, 8 h → 18:00 the same day, not Tue 09:00:56.
    const plain: ClockComputationArgs = {
      ...base,
      startedAt: iso(monday + HOUR + 56_000),
      pauses: [],
    };
    // Resumed: paused at 10:15:20 (1 h 15 min 20 s used), resumed at 11:15:40: 20 s would spill.
    const resumed: ClockComputationArgs = {
      ...base,
      startedAt: iso(monday),
      pauses: [
        {
          from: iso(monday + HOUR + 15 * 60_000 + 20_000),
          to: iso(monday + 2 * HOUR + 15 * 60_000 + 40_000),
        },
      ],
    };
    // A whole minute left still spills, with its seconds, into Tuesday.
    const spills: ClockComputationArgs = { ...plain, amount: 481 };
    const batch = [plain, resumed, spills];
    const local = computeInWindow(window, batch);
    expect(local).toEqual(batch.map((args) => computeClock(engine, 4, args)));
    expect(local?.map((c) => c.deadline)).toEqual([closing, closing, '2026-03-03T15:01:56.000Z']);
  });

  it("QA S62 #1: seconds left at the window's last span end (maybe only its cut) go to the activity", () => {
    const engine = calendars.mexico;
    const monday = Date.parse('2026-03-02T15:00:00.000Z');
    const window = businessWindow(engine, 'mx', 4, monday, monday + 9 * HOUR); // to Mon 18:00
    const args: ClockComputationArgs = {
      calendarId: 'mx',
      atRiskFraction: 0.75,
      unit: 'minutes',
      amount: 480,
      startedAt: iso(monday + HOUR + 56_000),
      pauses: [],
    };
    expect(computeInWindow(window, [args])).toBeUndefined();
    expect(computeClock(engine, 4, args).deadline).toBe('2026-03-03T00:00:00.000Z');
  });

  it('a computation on another calendar, or before the window, goes to the activity', () => {
    const engine = calendars.mexico;
    const from = Date.parse('2026-03-02T15:00:00.000Z');
    const window = businessWindow(engine, 'mx', 4, from, from + 21 * DAY);
    const args = {
      calendarId: 'mx',
      pauses: [],
      atRiskFraction: 0.75,
      unit: 'minutes',
      amount: 60,
    } as const;
    expect(computeInWindow(window, [{ ...args, startedAt: iso(from) }])).toBeDefined();
    expect(computeInWindow(window, [{ ...args, calendarId: 'other', startedAt: iso(from) }])).toBe(
      undefined,
    );
    expect(computeInWindow(window, [{ ...args, startedAt: iso(from - 1) }])).toBeUndefined();
    expect(computeInWindow(window, [{ ...args, startedAt: 'not an instant' }])).toBeUndefined();
  });
});
