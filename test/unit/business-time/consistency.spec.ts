import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  BusinessCalendar,
  businessMillisecondsBetween,
  businessMinutesBetween,
  defaultMexicoCityCalendar,
  isBusinessTime,
  localDateOf,
  nextBusinessMoment,
  workingIntervalsOn,
  type CalendarDefinition,
} from '../../../src/business-time/engine';

/** mulberry32: a tiny seeded PRNG, so every run checks the same cases and failures reproduce. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const RANGE_START = Date.UTC(2025, 0, 1);
const RANGE_END = Date.UTC(2027, 11, 1);

const mexicoCity = new BusinessCalendar(defaultMexicoCityCalendar(2025, 2028));
const tijuanaSplit: CalendarDefinition = {
  timeZone: 'America/Tijuana',
  weekly: Object.fromEntries(
    [1, 2, 3, 4, 5, 6].map((day) => [
      day,
      day === 6
        ? [{ start: '00:00', end: '04:00' }]
        : [
            { start: '08:00', end: '13:00' },
            { start: '14:30', end: '19:15' },
          ],
    ]),
  ),
  holidays: [{ date: '2026-03-09', name: 'Client closing', source: 'CLIENT' }],
  overrides: [{ date: '2026-03-08', intervals: [{ start: '01:00', end: '05:00' }] }],
};
const tijuana = new BusinessCalendar(tijuanaSplit);

describe.each([
  ['America/Mexico_City default', mexicoCity, 11],
  ['America/Tijuana split days with DST', tijuana, 29],
])('L3-06/L3-08 consistency of add and between (%s)', (_label, calendar, seed) => {
  const random = seededRandom(seed);
  const cases = Array.from({ length: 300 }, () => ({
    from: new Date(RANGE_START + Math.floor(random() * (RANGE_END - RANGE_START))),
    minutes: 1 + Math.floor(random() * 6_000),
  }));

  // QA S62 #1 (BUSINESS-TIME.md): less than a minute left at a closing instant ends there, so a
  // start's seconds may be all a deadline falls short by, and only at a closing.
  const shortAtClosing = (from: Date, deadline: Date, minutes: number): boolean => {
    const measured = businessMillisecondsBetween(calendar, from, deadline);
    return (
      measured === minutes * 60_000 ||
      (!isBusinessTime(calendar, deadline) &&
        measured < minutes * 60_000 &&
        measured > (minutes - 1) * 60_000)
    );
  };

  test('between(t, add(t, n)) === n for business-time starts on the minute; n − 1 at worst, at a closing, with seconds', () => {
    let checked = 0;
    for (const { from, minutes } of cases) {
      const start = nextBusinessMoment(calendar, from);
      expect(isBusinessTime(calendar, start)).toBe(true);
      const deadline = addBusinessMinutes(calendar, start, minutes);
      expect(shortAtClosing(start, deadline, minutes)).toBe(true);
      const onMinute = new Date(start.getTime() - (start.getTime() % 60_000));
      const exact = addBusinessMinutes(calendar, onMinute, minutes);
      expect(businessMinutesBetween(calendar, onMinute, exact)).toBe(minutes);
      checked += 1;
    }
    expect(checked).toBe(cases.length);
  });

  test('between(t, add(t, n)) === n exactly (to the ms) from any start, or less than a minute short at a closing', () => {
    let short = 0;
    for (const { from, minutes } of cases) {
      const deadline = addBusinessMinutes(calendar, from, minutes);
      expect(shortAtClosing(from, deadline, minutes)).toBe(true);
      if (businessMillisecondsBetween(calendar, from, deadline) !== minutes * 60_000) short += 1;
      // The last consumed millisecond is business time; the deadline itself is reached exactly.
      expect(isBusinessTime(calendar, new Date(deadline.getTime() - 1))).toBe(true);
    }
    // Rare: a start's seconds left over at a closing.
    expect(short).toBeLessThan(cases.length / 10);
  });

  test('add is strictly increasing in n and additive: add(add(t, a), b) === add(t, a + b), or at most the seconds add(t, a) left at a closing earlier', () => {
    for (const { from, minutes } of cases.slice(0, 100)) {
      const split = Math.floor(minutes / 3);
      const whole = addBusinessMinutes(calendar, from, minutes);
      const first = addBusinessMinutes(calendar, from, split);
      const inTwo = addBusinessMinutes(calendar, first, minutes - split);
      if (businessMillisecondsBetween(calendar, from, first) === split * 60_000) {
        expect(inTwo).toEqual(whole);
      } else {
        expect(inTwo.getTime()).toBeLessThanOrEqual(whole.getTime());
        expect(businessMillisecondsBetween(calendar, inTwo, whole)).toBeLessThan(60_000);
      }
      expect(addBusinessMinutes(calendar, from, minutes + 1).getTime()).toBeGreaterThan(
        whole.getTime(),
      );
    }
  });

  test('a days deadline is a closing instant after the start, and days are strictly ordered', () => {
    for (const { from } of cases.slice(0, 100)) {
      const one = addBusinessDays(calendar, from, 1);
      const two = addBusinessDays(calendar, from, 2);
      expect(one.getTime()).toBeGreaterThan(from.getTime());
      expect(two.getTime()).toBeGreaterThan(one.getTime());
      expect(isBusinessTime(calendar, new Date(one.getTime() - 1))).toBe(true);
      expect(isBusinessTime(calendar, one)).toBe(false);
    }
  });
});

describe('L3-06 local wall time agrees with Intl.DateTimeFormat in DST zones, every day of 2026', () => {
  const zones = ['America/Tijuana', 'America/New_York', 'America/Santiago', 'Europe/London'];
  const office = [{ start: '09:00', end: '17:30' }];

  test.each(zones)('%s: each date opens at 09:00 and closes at 17:30 local', (timeZone) => {
    const calendar = new BusinessCalendar({
      timeZone,
      weekly: { 1: office, 2: office, 3: office, 4: office, 5: office, 6: office, 7: office },
      holidays: [],
      overrides: [],
    });
    const wallClock = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const seen = new Set<string>();
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const [interval] = workingIntervalsOn(calendar, date).intervals;
      const [year, month, dayOfMonth] = date.split('-');
      const localDate = `${dayOfMonth}/${month}/${year}`;
      expect(wallClock.format(interval?.start)).toBe(`${localDate}, 09:00`);
      expect(wallClock.format(interval?.end)).toBe(`${localDate}, 17:30`);
      seen.add(String(interval.start.getTime() - day)); // distinct UTC offsets
    }
    expect(seen.size).toBe(2); // the zone really has DST in 2026
  });

  test.each(zones)('%s: localDateOf matches Intl, cold and with warm memos', (timeZone) => {
    const calendar = new BusinessCalendar({
      timeZone,
      weekly: { 1: office, 2: office, 3: office, 4: office, 5: office, 6: office, 7: office },
      holidays: [],
      overrides: [],
    });
    const isoDate = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const random = seededRandom(7);
    for (let i = 0; i < 2_000; i += 1) {
      const instant = new Date(RANGE_START + Math.floor(random() * (RANGE_END - RANGE_START)));
      expect(localDateOf(calendar, instant)).toBe(isoDate.format(instant));
    }
    // Warm the memos over 2026, then check every 10 minutes of 2026 (transitions included).
    businessMinutesBetween(
      calendar,
      new Date(Date.UTC(2026, 0, 1)),
      new Date(Date.UTC(2027, 0, 1)),
    );
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 600_000) {
      const instant = new Date(t);
      const expected = isoDate.format(instant);
      if (localDateOf(calendar, instant) !== expected) {
        expect({ instant, localDate: localDateOf(calendar, instant) }).toEqual({
          instant,
          localDate: expected,
        });
      }
    }
  });
});

describe('L3-06 long targets stay exact and fast to compute', () => {
  test('10,000 business hours from 2025-01-06 consume exactly 600,000 business minutes', () => {
    const from = new Date('2025-01-06T15:00:00Z');
    const deadline = addBusinessHours(mexicoCity, from, 10_000);
    expect(businessMinutesBetween(mexicoCity, from, deadline)).toBe(600_000);
    // ~1,1xx business days of 9 h: deep into 2029.
    expect(deadline.getUTCFullYear()).toBe(2029);
  });
});
