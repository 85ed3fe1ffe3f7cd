import type { IsoWeekday } from './calendar.types';

// Pure proleptic-Gregorian arithmetic on "day numbers" (days since 1970-01-01). No Date getters,
// so nothing here can depend on the host time zone.

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

const DASH = 0x2d;
const COLON = 0x3a;

/** Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (H. Hinnant's `civil_from_days`). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function isoWeekdayOf(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day number of a strict `YYYY-MM-DD` (years 0001–9999), or undefined if malformed/impossible. */
export function parseLocalDate(text: unknown): number | undefined {
  // Hand-rolled rather than a RegExp: calendars are parsed on every call given a plain definition.
  if (typeof text !== 'string' || text.length !== 10) return undefined;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return daysFromCivil(year, month, day);
}

export function formatLocalDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Minutes after midnight of a strict `HH:MM`, or undefined if malformed. `24:00` (= 1440) is only
 * accepted when `allowMidnightEnd` is set, i.e. for an interval end.
 */
export function parseLocalTime(text: unknown, allowMidnightEnd: boolean): number | undefined {
  if (typeof text !== 'string' || text.length !== 5 || text.charCodeAt(2) !== COLON) {
    return undefined;
  }
  const hours = digitsAt(text, 0, 2);
  const minutes = digitsAt(text, 3, 2);
  if (hours === 24 && minutes === 0) return allowMidnightEnd ? MINUTES_PER_DAY : undefined;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** `HH:MM`, or `HH:MM:SS` when the time is not on a whole minute. */
export function formatTimeOfDay(msOfDay: number): string {
  const totalSeconds = Math.floor(msOfDay / MS_PER_SECOND);
  const hhmm = `${pad2(Math.floor(totalSeconds / 3_600))}:${pad2(Math.floor(totalSeconds / 60) % 60)}`;
  const seconds = totalSeconds % 60;
  return seconds === 0 ? hhmm : `${hhmm}:${pad2(seconds)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** The decimal value of `length` ASCII digits at `from`, or -1 if any is not a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i += 1) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
