/**
 * `Date.UTC` for every year: `Date.UTC` reads a year 0–99 as 1900–1999 (QA S54: «0001-01-01»
 * became «1 ene 1901» without a word), `setUTCFullYear` does not.
 */
export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

/** Wall-clock fields of an instant in an IANA zone. */
function wallClock(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return utcMs(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
}

/**
 * The UTC instant of a local wall time "YYYY-MM-DDTHH:MM" in `timeZone`, as the server reads
 * calendar times: an ambiguous time takes the earlier instant; a time in a DST gap (which does not
 * exist) is read with the offset before the jump, i.e. moved forward by the gap.
 */
export function zonedWallTimeToUtc(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = utcMs(y, mo - 1, d, h, mi);
  // Try the offsets in force around that wall time; keep the earliest that maps back exactly.
  const offsets = new Set(
    [-1, 0, 1].map(
      (days) => wallClock(wall + days * 86_400_000, timeZone) - (wall + days * 86_400_000),
    ),
  );
  const exact = [...offsets]
    .map((offset) => wall - offset)
    .filter((utc) => wallClock(utc, timeZone) === wall)
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]);
  // In a gap: the wall time does not exist; the instant the clock jumps to.
  const before = wallClock(wall - 86_400_000, timeZone) - (wall - 86_400_000);
  return new Date(wall - before);
}

/** The current wall time in `timeZone` as "YYYY-MM-DDTHH:MM" (for a datetime-local input). */
export function nowInZone(timeZone: string, now = Date.now()): string {
  return new Date(wallClock(now, timeZone)).toISOString().slice(0, 16);
}

/** The calendar day ("YYYY-MM-DD") of `instant` in `timeZone`. */
export function dayInZone(instant: Date | string, timeZone: string): string {
  return nowInZone(timeZone, new Date(instant).getTime()).slice(0, 10);
}
