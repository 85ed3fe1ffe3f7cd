import fc from 'fast-check';
import {
  addBusinessDays,
  addBusinessMinutes,
  BusinessCalendar,
  businessMillisecondsBetween,
  defaultMexicoCityCalendar,
  isBusinessTime,
  workingIntervalsOn,
  localDateOf,
  nextBusinessMoment,
} from '../../../src/business-time/engine';

// L3-06/L3-08/L3-09: properties of business time that must hold for any start and amount
// (fast-check, seeded so a failure is reproducible; it prints the counterexample).

const calendars = {
  'America/Mexico_City Mon–Fri 09–18, art. 74': new BusinessCalendar(
    defaultMexicoCityCalendar(2024, 2029),
  ),
  'America/Tijuana split day with DST': new BusinessCalendar({
    timeZone: 'America/Tijuana',
    weekly: Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((d) => [
        d,
        [
          { start: '00:30', end: '02:30' },
          { start: '09:00', end: '14:00' },
          { start: '15:00', end: '18:00' },
        ],
      ]),
    ),
    holidays: [{ date: '2026-03-09', name: 'Cierre', source: 'CLIENT' }],
    overrides: [{ date: '2026-11-07', intervals: [], reason: 'inventario' }],
  }),
};

const PARAMS = { seed: 20261128, numRuns: 400 };
// Starts anywhere in 2025–2027, to the millisecond.
const instant = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) })
  .map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 2_000 * 60 });
const days = fc.integer({ min: 0, max: 60 });

describe.each(Object.entries(calendars))('business-time properties on %s', (_name, calendar) => {
  // The same amount measured a day at a time: windows this short never use the cached blocks.
  const inShortSteps = (a: Date, b: Date): number => {
    let total = 0;
    for (let t = a.getTime(); t < b.getTime(); t += 86_400_000) {
      total += businessMillisecondsBetween(
        calendar,
        new Date(t),
        new Date(Math.min(t + 86_400_000, b.getTime())),
      );
    }
    return total;
  };

  // QA S62 #1 (L3-06, BUSINESS-TIME.md): less than a minute left at a closing instant ends there,
  // so the seconds of a start are the only business time a deadline may fall short by.
  const isClosing = (at: Date): boolean =>
    !isBusinessTime(calendar, at) && isBusinessTime(calendar, new Date(at.getTime() - 1));

  it('adding n business minutes then measuring gives back n, or the deadline is a closing instant and it gives back more than n − 1 minute', () => {
    fc.assert(
      fc.property(instant, minutes, (from, n) => {
        const deadline = addBusinessMinutes(calendar, from, n);
        const measured = businessMillisecondsBetween(calendar, from, deadline);
        if (measured === n * 60_000) return true;
        return isClosing(deadline) && measured < n * 60_000 && measured > (n - 1) * 60_000;
      }),
      PARAMS,
    );
  });

  it('from a start on a whole minute, adding n business minutes then measuring gives back exactly n', () => {
    fc.assert(
      fc.property(instant, minutes, (at, n) => {
        const from = new Date(at.getTime() - (at.getTime() % 60_000));
        const deadline = addBusinessMinutes(calendar, from, n);
        return businessMillisecondsBetween(calendar, from, deadline) === n * 60_000;
      }),
      PARAMS,
    );
  });

  it('n just enough to reach the closing of the interval the clock starts in, seconds short or not, ends at that closing', () => {
    fc.assert(
      fc.property(instant, (from) => {
        const start = nextBusinessMoment(calendar, from);
        const interval = workingIntervalsOn(calendar, localDateOf(calendar, start)).intervals.find(
          (i) => i.start <= start && start < i.end,
        );
        if (interval === undefined) return false;
        const n = Math.ceil(businessMillisecondsBetween(calendar, from, interval.end) / 60_000);
        return addBusinessMinutes(calendar, from, n).getTime() === interval.end.getTime();
      }),
      PARAMS,
    );
  });

  it('business time between two instants adds up over any split, spans of years too (cached day blocks)', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, m, b] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        const whole = businessMillisecondsBetween(calendar, a, b);
        return (
          whole ===
            businessMillisecondsBetween(calendar, a, m) +
              businessMillisecondsBetween(calendar, m, b) && whole === inShortSteps(a, b)
        );
      }),
      PARAMS,
    );
  });

  it('deadlines are monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (a, b, m, n) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const [k1, k2] = m <= n ? [m, n] : [n, m];
        const sameStart =
          addBusinessMinutes(calendar, t1, k1) <= addBusinessMinutes(calendar, t1, k2);
        const sameAmount =
          addBusinessMinutes(calendar, t1, k1) <= addBusinessMinutes(calendar, t2, k1);
        const daysMono =
          addBusinessDays(calendar, t1, k1 % 61) <= addBusinessDays(calendar, t2, k1 % 61);
        return sameStart && sameAmount && daysMono;
      }),
      PARAMS,
    );
  });

  it('a minutes deadline (n > 0) is never inside a closed span: the minute before it is business time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 2_000 * 60 }), (from, n) => {
        const deadline = addBusinessMinutes(calendar, from, n);
        return isBusinessTime(calendar, new Date(deadline.getTime() - 1));
      }),
      PARAMS,
    );
  });

  it('a days deadline is the closing time of a business date after the start date', () => {
    fc.assert(
      fc.property(
        instant,
        days.filter((d) => d > 0),
        (from, d) => {
          const deadline = addBusinessDays(calendar, from, d);
          const date = localDateOf(calendar, new Date(deadline.getTime() - 1));
          const day = workingIntervalsOn(calendar, date);
          const closing = day.intervals.at(-1)?.end.getTime();
          return closing === deadline.getTime() && date > localDateOf(calendar, from);
        },
      ),
      PARAMS,
    );
  });
});
