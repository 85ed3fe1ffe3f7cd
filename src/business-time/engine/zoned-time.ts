import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, daysFromCivil } from './civil-date';

// Local wall time <-> UTC instants through the zone database (Intl with an explicit timeZone).
// Never the host zone: no local-time Date getters anywhere in the engine.

/** Wall-clock offsets stay within ±16 h, local mean time of the 19th century included. */
const MAX_OFFSET_MS = 16 * MS_PER_HOUR;
/** Bounded so a stream of distinct zone names cannot grow memory without limit. */
const FORMATTER_MEMO_LIMIT = 64;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for a zone the runtime's tz database does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= FORMATTER_MEMO_LIMIT) {
      const oldest = formatters.keys().next();
      if (oldest.done !== true) formatters.delete(oldest.value);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime's zone database knows `timeZone` (fixed offsets like `+06:00` are refused). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (/^[+-]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch (error: unknown) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone` at that instant. */
export function zoneOffsetAt(timeZone: string, instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / MS_PER_SECOND) * MS_PER_SECOND;
  // `format` is ~3x cheaper than `formatToParts`; en-US numeric output is "M/D/YYYY, HH:MM:SS".
  const digits = formatterFor(timeZone).format(wholeSecond).match(/\d+/g);
  if (digits === null || digits.length !== 6) {
    throw new RangeError(`Unexpected Intl output for ${timeZone} at ${wholeSecond}`);
  }
  const [month, day, year, hour, minute, second] = digits.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wallMs =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * MS_PER_MINUTE +
    second * MS_PER_SECOND;
  return wallMs - wholeSecond;
}

/** The instant at which the offset-sample `sampleIndex` is taken (see `wallMinutesToInstants`). */
export function offsetSampleInstant(sampleIndex: number): number {
  return sampleIndex * MS_PER_DAY - MAX_OFFSET_MS;
}

/** The sample index `k` with `offsetSampleInstant(k) <= instantMs < offsetSampleInstant(k + 1)`. */
export function offsetSampleIndexAt(instantMs: number): number {
  return Math.floor((instantMs + MAX_OFFSET_MS) / MS_PER_DAY);
}

/**
 * Converts wall-clock minutes (0–1440) of local date `dayNumber` to UTC instants, in order.
 *
 * - A wall time in a spring-forward gap does not exist: it maps to the first instant after the
 *   gap, i.e. the transition instant (02:30 in a 02:00→03:00 gap gives 03:00 new time). An interval
 *   wholly inside a gap therefore becomes empty.
 * - A wall time repeated by a fall-back overlap maps to the earlier instant.
 * The mapping is monotone, so intervals keep their order and never overlap once converted.
 *
 * `sampleOffset(k)` must return `zoneOffsetAt(timeZone, offsetSampleInstant(k))`; it is injected
 * so callers can memoize it (consecutive dates share samples). The offset is taken as constant
 * when the samples 3 days apart agree, i.e. it assumes at most one transition within any 3-day
 * window: no zone of the runtime's database has two within 4 days in 1900–2040 (checked by
 * sampling every 6 hours).
 */
export function wallMinutesToInstants(
  timeZone: string,
  dayNumber: number,
  minutesOfDay: readonly number[],
  sampleOffset: (sampleIndex: number) => number,
): number[] {
  const midnight = dayNumber * MS_PER_DAY;
  const offsetBefore = sampleOffset(dayNumber);
  const offsetAfter = sampleOffset(dayNumber + 3);
  if (offsetBefore === offsetAfter) {
    return minutesOfDay.map((minutes) => midnight + minutes * MS_PER_MINUTE - offsetBefore);
  }
  const transition = findTransition(
    timeZone,
    offsetSampleInstant(dayNumber),
    offsetSampleInstant(dayNumber + 3),
    offsetBefore,
  );
  return minutesOfDay.map((minutes) => {
    const wall = midnight + minutes * MS_PER_MINUTE;
    const early = wall - offsetBefore;
    if (early < transition) return early;
    const late = wall - offsetAfter;
    if (late >= transition) return late;
    return transition;
  });
}

/** The first whole second in (lo, hi] whose offset differs from `offsetAtLo` (binary search). */
function findTransition(timeZone: string, lo: number, hi: number, offsetAtLo: number): number {
  let before = lo;
  let after = hi;
  while (after - before > MS_PER_SECOND) {
    const middle = before + Math.floor((after - before) / (2 * MS_PER_SECOND)) * MS_PER_SECOND;
    if (zoneOffsetAt(timeZone, middle) === offsetAtLo) before = middle;
    else after = middle;
  }
  return after;
}
