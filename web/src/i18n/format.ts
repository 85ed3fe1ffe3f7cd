import type { Language } from './language';

/** An instant as a date and time in `timeZone`, in the UI language (e.g. "3 feb 2026, 16:30"). */
export function formatInstant(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
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
  return new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
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
