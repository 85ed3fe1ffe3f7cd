import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  BusinessCalendar,
  businessMillisecondsBetween,
  businessMinutesBetween,
  defaultMexicoCityCalendar,
  isBusinessTime,
  lastBusinessMoment,
  nextBusinessMoment,
  workingIntervalsOn,
  type CalendarDefinition,
} from '../../../src/business-time/engine';
import { walkBusinessMs } from '../../../src/business-time/engine/business-walk';

const mx = (local: string): Date => new Date(`${local}:00-06:00`);

const standard = defaultMexicoCityCalendar(2025, 2027);

// 09:00–14:00 and 15:00–18:00 with a lunch break, Mon–Fri.
const splitDay: CalendarDefinition = {
  ...standard,
  weekly: {
    1: [
      { start: '15:00', end: '18:00' },
      { start: '09:00', end: '14:00' },
    ],
    2: [
      { start: '09:00', end: '14:00' },
      { start: '15:00', end: '18:00' },
    ],
    3: [
      { start: '09:00', end: '14:00' },
      { start: '15:00', end: '18:00' },
    ],
    4: [
      { start: '09:00', end: '14:00' },
      { start: '15:00', end: '18:00' },
    ],
    5: [
      { start: '09:00', end: '14:00' },
      { start: '15:00', end: '18:00' },
    ],
  },
};

describe('L3-06 business hours with several intervals per day (09:00–14:00 + 15:00–18:00)', () => {
  test('the lunch break is skipped: Tue 13:30 + 1 h → 15:30', () => {
    expect(addBusinessHours(splitDay, mx('2026-01-27T13:30'), 1)).toEqual(mx('2026-01-27T15:30'));
  });

  test('a remainder ending exactly at 14:00 gives 14:00, not 15:00', () => {
    expect(addBusinessMinutes(splitDay, mx('2026-01-27T13:30'), 30)).toEqual(
      mx('2026-01-27T14:00'),
    );
  });

  test('registering during the break starts the clock at 15:00', () => {
    expect(addBusinessMinutes(splitDay, mx('2026-01-27T14:20'), 10)).toEqual(
      mx('2026-01-27T15:10'),
    );
    expect(nextBusinessMoment(splitDay, mx('2026-01-27T14:20'))).toEqual(mx('2026-01-27T15:00'));
  });

  test('8 business hours from Mon 10:00 → Tue 10:00 (4 + 3 + 1 hours)', () => {
    expect(addBusinessHours(splitDay, mx('2026-01-26T10:00'), 8)).toEqual(mx('2026-01-27T10:00'));
  });

  test('workingIntervalsOn lists both intervals in time order whatever the input order', () => {
    const day = workingIntervalsOn(splitDay, '2026-01-26');
    expect(day.rule).toBe('weekly');
    expect(day.weekday).toBe(1);
    expect(day.intervals).toEqual([
      {
        localStart: '09:00',
        localEnd: '14:00',
        start: mx('2026-01-26T09:00'),
        end: mx('2026-01-26T14:00'),
      },
      {
        localStart: '15:00',
        localEnd: '18:00',
        start: mx('2026-01-26T15:00'),
        end: mx('2026-01-26T18:00'),
      },
    ]);
  });

  test('business minutes between Mon 08:00 and Mon 20:00 = 8 h', () => {
    expect(businessMinutesBetween(splitDay, mx('2026-01-26T08:00'), mx('2026-01-26T20:00'))).toBe(
      480,
    );
  });

  test('L3-08 a days deadline is the closing of the last interval (18:00)', () => {
    expect(addBusinessDays(splitDay, mx('2026-01-26T10:00'), 1)).toEqual(mx('2026-01-27T18:00'));
  });
});

describe('L3-06/L3-08 day overrides win over holidays and weekly hours', () => {
  const withOverrides: CalendarDefinition = {
    ...standard,
    overrides: [
      {
        date: '2026-01-31',
        intervals: [{ start: '10:00', end: '14:00' }],
        reason: 'year-end close',
      },
      { date: '2026-01-28', intervals: [], reason: 'office move' },
      { date: '2026-02-02', intervals: [{ start: '09:00', end: '13:00' }], reason: 'on-call' },
    ],
  };

  test('L3-06 a worked Saturday: Fri 2026-01-30 17:00 + 3 h → Sat 01-31 12:00', () => {
    expect(addBusinessHours(withOverrides, mx('2026-01-30T17:00'), 3)).toEqual(
      mx('2026-01-31T12:00'),
    );
    expect(addBusinessHours(standard, mx('2026-01-30T17:00'), 3)).toEqual(mx('2026-02-03T11:00'));
  });

  test('L3-08 a worked Saturday counts as a business date', () => {
    expect(addBusinessDays(withOverrides, mx('2026-01-30T10:00'), 1)).toEqual(
      mx('2026-01-31T14:00'),
    );
    expect(addBusinessDays(standard, mx('2026-01-30T10:00'), 1)).toEqual(mx('2026-02-03T18:00'));
  });

  test('an override with no intervals closes a weekday', () => {
    expect(addBusinessHours(withOverrides, mx('2026-01-27T17:00'), 2)).toEqual(
      mx('2026-01-29T10:00'),
    );
    const closed = workingIntervalsOn(withOverrides, '2026-01-28');
    expect(closed.rule).toBe('override');
    expect(closed.override?.reason).toBe('office move');
    expect(closed.intervals).toEqual([]);
  });

  test('an override on a holiday opens it with its own hours', () => {
    const day = workingIntervalsOn(withOverrides, '2026-02-02');
    expect(day.rule).toBe('override');
    expect(day.holiday).toBeUndefined();
    expect(day.intervals.map((i) => [i.localStart, i.localEnd])).toEqual([['09:00', '13:00']]);
  });

  test('precedence: override, else holiday, else weekly', () => {
    expect(workingIntervalsOn(withOverrides, '2026-03-16').rule).toBe('holiday');
    expect(workingIntervalsOn(withOverrides, '2026-03-17').rule).toBe('weekly');
    expect(workingIntervalsOn(withOverrides, '2026-03-21').rule).toBe('weekly');
    expect(workingIntervalsOn(withOverrides, '2026-03-21').intervals).toEqual([]);
  });

  test('24:00 ends an interval at the next midnight', () => {
    const lateShift: CalendarDefinition = {
      ...standard,
      overrides: [{ date: '2026-01-29', intervals: [{ start: '20:00', end: '24:00' }] }],
    };
    const day = workingIntervalsOn(lateShift, '2026-01-29');
    expect(day.intervals[0]?.localEnd).toBe('24:00');
    expect(day.intervals[0]?.end).toEqual(mx('2026-01-30T00:00'));
    expect(addBusinessHours(lateShift, mx('2026-01-29T21:00'), 3)).toEqual(mx('2026-01-30T00:00'));
    expect(addBusinessHours(lateShift, mx('2026-01-29T21:00'), 4)).toEqual(mx('2026-01-30T10:00'));
  });
});

describe('L3-05 half-open intervals, N = 0 and next business moment', () => {
  test('opening instant is inside, closing instant is outside', () => {
    expect(isBusinessTime(standard, mx('2026-01-27T09:00'))).toBe(true);
    expect(isBusinessTime(standard, new Date(mx('2026-01-27T18:00').getTime() - 1))).toBe(true);
    expect(isBusinessTime(standard, mx('2026-01-27T18:00'))).toBe(false);
    expect(isBusinessTime(standard, mx('2026-01-27T08:59'))).toBe(false);
    expect(isBusinessTime(standard, mx('2026-01-31T12:00'))).toBe(false); // Saturday
    expect(isBusinessTime(standard, mx('2026-02-02T12:00'))).toBe(false); // holiday
  });

  test('0 minutes gives the next business moment at or after t', () => {
    expect(addBusinessMinutes(standard, mx('2026-01-27T11:11'), 0)).toEqual(mx('2026-01-27T11:11'));
    expect(addBusinessMinutes(standard, mx('2026-01-27T18:00'), 0)).toEqual(mx('2026-01-28T09:00'));
    expect(addBusinessHours(standard, mx('2026-01-30T19:00'), 0)).toEqual(mx('2026-02-03T09:00'));
    expect(nextBusinessMoment(standard, mx('2026-01-31T10:00'))).toEqual(mx('2026-02-03T09:00'));
  });

  test('the last business moment at or before t mirrors the next one (a closing instant counts)', () => {
    const inside = new Date(mx('2026-01-28T10:03').getTime() + 27_412);
    expect(lastBusinessMoment(standard, inside)).toEqual(inside);
    expect(lastBusinessMoment(standard, mx('2026-01-27T18:00'))).toEqual(mx('2026-01-27T18:00'));
    expect(lastBusinessMoment(standard, mx('2026-01-27T23:30'))).toEqual(mx('2026-01-27T18:00'));
    expect(lastBusinessMoment(standard, mx('2026-01-28T08:59'))).toEqual(mx('2026-01-27T18:00'));
    // Sunday morning → Friday's closing; Monday 2 Feb 2026 is a holiday (L3-06, LFT art. 74).
    expect(lastBusinessMoment(standard, mx('2026-02-01T08:03'))).toEqual(mx('2026-01-30T18:00'));
    expect(lastBusinessMoment(standard, mx('2026-02-02T12:00'))).toEqual(mx('2026-01-30T18:00'));
    // The lunch break ends at the morning's closing.
    expect(lastBusinessMoment(splitDay, mx('2026-01-27T14:20'))).toEqual(mx('2026-01-27T14:00'));
  });

  test('milliseconds in the start carry into the deadline', () => {
    const from = new Date(mx('2026-01-27T10:00').getTime() + 12_345);
    const deadline = addBusinessMinutes(standard, from, 60);
    expect(deadline.getTime() - from.getTime()).toBe(3_600_000);
  });
});

describe('L3-08/L3-09 business days', () => {
  test('the start date never counts, however early', () => {
    expect(addBusinessDays(standard, mx('2026-01-27T00:00'), 1)).toEqual(mx('2026-01-28T18:00'));
    expect(addBusinessDays(standard, mx('2026-01-27T23:59'), 1)).toEqual(mx('2026-01-28T18:00'));
  });

  test('a start on a weekend or holiday counts from the next business date', () => {
    expect(addBusinessDays(standard, mx('2026-01-31T12:00'), 1)).toEqual(mx('2026-02-03T18:00'));
    expect(addBusinessDays(standard, mx('2026-02-02T12:00'), 2)).toEqual(mx('2026-02-04T18:00'));
  });

  test('days = 0 means the end of the current business day, never before the start', () => {
    expect(addBusinessDays(standard, mx('2026-01-27T10:00'), 0)).toEqual(mx('2026-01-27T18:00'));
    expect(addBusinessDays(standard, mx('2026-01-27T18:00'), 0)).toEqual(mx('2026-01-28T18:00'));
    expect(addBusinessDays(standard, mx('2026-01-31T10:00'), 0)).toEqual(mx('2026-02-03T18:00'));
  });

  test('5 business days over the New Year: 2025-12-29 + 5 → 2026-01-06', () => {
    // 30, 31, (Jan 1 holiday), 2, (3, 4 weekend), 5, 6
    expect(addBusinessDays(standard, mx('2025-12-29T09:30'), 5)).toEqual(mx('2026-01-06T18:00'));
  });
});

describe('L3-08 business time between two instants (time consumed when a clock pauses)', () => {
  test('0 when b <= a', () => {
    expect(businessMinutesBetween(standard, mx('2026-01-27T12:00'), mx('2026-01-27T12:00'))).toBe(
      0,
    );
    expect(businessMinutesBetween(standard, mx('2026-01-27T12:00'), mx('2026-01-27T10:00'))).toBe(
      0,
    );
  });

  test('one business week of the default calendar is 45 h; a holiday week is 36 h', () => {
    expect(businessMinutesBetween(standard, mx('2026-01-26T00:00'), mx('2026-02-02T00:00'))).toBe(
      45 * 60,
    );
    expect(businessMinutesBetween(standard, mx('2026-02-02T00:00'), mx('2026-02-09T00:00'))).toBe(
      36 * 60,
    );
  });

  test('whole minutes are rounded down; the millisecond variant is exact', () => {
    const a = mx('2026-01-27T10:00');
    const b = new Date(a.getTime() + 90_500);
    expect(businessMinutesBetween(standard, a, b)).toBe(1);
    expect(businessMillisecondsBetween(standard, a, b)).toBe(90_500);
  });
});

// QA S62 #1 (L3-06, BUSINESS-TIME.md «a remainder that reaches zero exactly at a closing time gives
// that closing time»): business time is consumed in minutes and users never see seconds, so the
// seconds a start carries never spill past a closing into the next opening.
describe('QA S62 #1 (L3-06): less than a minute left at a closing instant ends there', () => {
  // The client of the finding: Bogotá (UTC−5, no DST), Mon–Fri 09:00–18:00.
  const bogota: CalendarDefinition = {
    timeZone: 'America/Bogota',
    weekly: Object.fromEntries(
      [1, 2, 3, 4, 5].map((day) => [day, [{ start: '09:00', end: '18:00' }]]),
    ),
    holidays: [],
    overrides: [],
  };
  const co = (local: string, ms = 0): Date => new Date(new Date(`${local}-05:00`).getTime() + ms);

  test('registered Mon 10:00:56, 8 business hours (triage) → 18:00 the same day, not 09:00:56 the next', () => {
    expect(addBusinessHours(bogota, co('2026-12-07T10:00:56'), 8)).toEqual(
      co('2026-12-07T18:00:00'),
    );
    // Under a minute either side of 10:00:56 still ends at 18:00; a whole minute left spills.
    expect(addBusinessHours(bogota, co('2026-12-07T10:00:00', 1), 8)).toEqual(
      co('2026-12-07T18:00:00'),
    );
    expect(addBusinessHours(bogota, co('2026-12-07T10:00:59', 999), 8)).toEqual(
      co('2026-12-07T18:00:00'),
    );
    expect(addBusinessHours(bogota, co('2026-12-07T10:01:00'), 8)).toEqual(
      co('2026-12-08T09:01:00'),
    );
    expect(addBusinessMinutes(bogota, co('2026-12-07T10:00:56'), 8 * 60 + 1)).toEqual(
      co('2026-12-08T09:01:56'),
    );
  });

  test('13:00:30 + 60 min on 09:00–14:00/15:00–18:00 → 14:00, not 15:00:30 after lunch', () => {
    const from = new Date(mx('2026-01-27T13:00').getTime() + 30_000);
    expect(addBusinessMinutes(splitDay, from, 60)).toEqual(mx('2026-01-27T14:00'));
    // The business time measured is the 59 min 30 s really consumed.
    expect(businessMillisecondsBetween(splitDay, from, mx('2026-01-27T14:00'))).toBe(3_570_000);
  });

  test('a deadline inside an interval keeps its exact seconds: 10:00:56 + 7 h 59 min → 17:59:56', () => {
    expect(addBusinessMinutes(bogota, co('2026-12-07T10:00:56'), 8 * 60 - 1)).toEqual(
      co('2026-12-07T17:59:56'),
    );
  });

  test('starts outside business time and days targets do not change', () => {
    // Before opening: the clock starts at 09:00 on the minute, so nothing is left over.
    expect(addBusinessHours(bogota, co('2026-12-07T08:30:56'), 9)).toEqual(
      co('2026-12-07T18:00:00'),
    );
    expect(addBusinessHours(bogota, co('2026-12-07T18:30:56'), 1)).toEqual(
      co('2026-12-08T10:00:00'),
    );
    expect(addBusinessDays(bogota, co('2026-12-07T10:00:56'), 1)).toEqual(
      co('2026-12-08T18:00:00'),
    );
  });

  test('a resumed clock: the remaining time, seconds and all, walked from the resume ends at the closing', () => {
    // Started Mon 09:00, paused at 10:15:20 (1 h 15 min 20 s used of 8 h), resumed at 11:15:40:
    // 6 h 44 min 40 s are left, 6 h 44 min 20 s of them fit before 18:00 and 20 s would spill.
    const calendar = new BusinessCalendar(bogota);
    const used = businessMillisecondsBetween(
      calendar,
      co('2026-12-07T09:00:00'),
      co('2026-12-07T10:15:20'),
    );
    const resume = co('2026-12-07T11:15:40').getTime();
    const walked = walkBusinessMs(calendar, resume, 8 * 3_600_000 - used);
    expect(new Date(walked.deadline)).toEqual(co('2026-12-07T18:00:00'));
    expect(new Date(walked.clockStart)).toEqual(co('2026-12-07T11:15:40'));
    // A minute more left spills with its seconds.
    expect(
      new Date(walkBusinessMs(calendar, resume, 8 * 3_600_000 - used + 60_000).deadline),
    ).toEqual(co('2026-12-08T09:01:20'));
  });

  test('a span opening at the instant the previous one closes (a night shift across midnight) is no closing', () => {
    const nights: CalendarDefinition = {
      timeZone: 'America/Bogota',
      weekly: Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7].map((day) => [
          day,
          [
            { start: '00:00', end: '03:00' },
            { start: '22:00', end: '24:00' },
          ],
        ]),
      ),
      holidays: [],
      overrides: [],
    };
    expect(addBusinessMinutes(nights, co('2026-12-07T22:00:30'), 120)).toEqual(
      co('2026-12-08T00:00:30'),
    );
    // At 03:00 it does close: 30 s left end there.
    expect(addBusinessMinutes(nights, co('2026-12-07T22:00:30'), 300)).toEqual(
      co('2026-12-08T03:00:00'),
    );
  });
});
