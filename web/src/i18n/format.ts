import { dateTimeFormat } from '../../../src/shared/intl-formats';
import type { Language } from './language';
import { utcMs } from './zoned-time';

/** An instant as a date and time in `timeZone`, in the UI language (e.g. "3 feb 2026, 16:30"). */
export function formatInstant(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** An instant's time alone in `timeZone`, as {@link formatInstant} writes it («6:00 p.m.»). */
export function formatTime(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/**
 * An instant with its weekday before it, where the day matters more than the date (a clock that
 * counts again after a weekend, QA S52): «domingo, 6 dic 2026, 10:00 a.m.», "Sunday, Dec 6, 2026,
 * 10:00 AM": `formatInstant`'s words, so it reads as the page's other dates.
 */
export function formatInstantWithDay(iso: string, language: Language, timeZone: string): string {
  const weekday = dateTimeFormat(language, { weekday: 'long', timeZone }).format(new Date(iso));
  return `${weekday}, ${formatInstant(iso, language, timeZone)}`;
}

/**
 * A local calendar date "YYYY-MM-DD" as words: `full`, "lunes, 2 de febrero de 2026" (a day whose
 * weekday matters); `medium`, "2 feb 2026", the date part of `formatInstant` (dates in lists).
 */
export function formatLocalDate(
  date: string,
  language: Language,
  dateStyle: 'full' | 'medium' = 'full',
): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateTimeFormat(language, { dateStyle, timeZone: 'UTC' }).format(
    new Date(utcMs(y, m - 1, d)),
  );
}

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?)?$/;

/**
 * The value of a native date (`YYYY-MM-DD`) or date-and-time (`YYYY-MM-DDTHH:mm`) control in
 * words, in the UI language: «martes, 1 de diciembre de 2026, 9:30 a.m.». Browsers draw those
 * controls in their own language and order (an English one shows 1 December as «12/01/2026»), so
 * the form says which day it holds. Null when the control is empty or holds no real date.
 */
export function spelledDateInput(value: string, language: Language): string | null {
  const parts = DATE_INPUT.exec(value);
  if (!parts) return null;
  const [y, m, d] = [1, 2, 3].map((i) => Number(parts[i]));
  const timed = parts[4] !== undefined;
  const [h, min] = timed ? [Number(parts[4]), Number(parts[5])] : [0, 0];
  // Any year as typed (`Date.UTC` reads 0–99 as 1900–1999: «0001» was spelled «1901»).
  const at = new Date(utcMs(y, m - 1, d, h, min));
  // 2026-02-30 would roll over to March: not a date the control can hold.
  if (at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d || h > 23 || min > 59) return null;
  if (!timed) return formatLocalDate(value, language);
  return dateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
}

/** The weekday name of ISO weekday 1 (Monday) … 7 (Sunday). */
export function weekdayName(isoWeekday: number, language: Language): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, isoWeekday)),
  );
}

/** The browser's own time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** This year in `timeZone` (on New Year's Eve in Mexico it is already next year in UTC). */
export function currentYear(timeZone: string, now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(now));
}
