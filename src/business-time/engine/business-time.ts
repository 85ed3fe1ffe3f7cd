import { BusinessCalendar, type CalendarInput } from './business-calendar';
import { BusinessTimeInputError } from './business-time-input.error';
import {
  businessMsBetween,
  containsInstant,
  walkBackToBusiness,
  walkBusinessDays,
  walkBusinessMs,
} from './business-walk';
import type { LocalDate, WorkingDay } from './calendar.types';
import { MS_PER_MINUTE, formatLocalDate, formatTimeOfDay, parseLocalDate } from './civil-date';
import {
  MAX_BUSINESS_DAYS,
  MAX_BUSINESS_MINUTES,
  toInstantMs,
  toWholeAmount,
} from './engine-inputs';

// Every function takes a plain definition (validated per call) or a compiled BusinessCalendar
// (validated once, dates memoized): pass the compiled form in hot paths.

/**
 * The working intervals of a local date as UTC instants, and the rule that produced them
 * (override, else holiday, else weekly). Intervals swallowed whole by a DST gap are omitted.
 *
 * @throws CalendarValidationError, BusinessTimeInputError (malformed `localDate`)
 */
export function workingIntervalsOn(calendar: CalendarInput, localDate: LocalDate): WorkingDay {
  const dayNumber = parseLocalDate(localDate);
  if (dayNumber === undefined) {
    throw new BusinessTimeInputError('localDate', `${String(localDate)} is not a YYYY-MM-DD date`);
  }
  const plan = BusinessCalendar.from(calendar).dayPlan(dayNumber);
  return {
    date: formatLocalDate(dayNumber),
    weekday: plan.weekday,
    rule: plan.rule,
    ...(plan.holiday === undefined ? {} : { holiday: plan.holiday }),
    ...(plan.override === undefined ? {} : { override: plan.override }),
    intervals: plan.spans.map((span) => ({
      localStart: formatTimeOfDay(span.startMinute * MS_PER_MINUTE),
      localEnd: formatTimeOfDay(span.endMinute * MS_PER_MINUTE),
      start: new Date(span.start),
      end: new Date(span.end),
    })),
  };
}

/** The calendar-zone local date of an instant (never the UTC date of its ISO string). */
export function localDateOf(calendar: CalendarInput, instant: Date): LocalDate {
  const ms = toInstantMs(instant, 'instant');
  return formatLocalDate(BusinessCalendar.from(calendar).localDayOf(ms));
}

/** Whether `instant` is inside a working interval; an interval's closing instant is not. */
export function isBusinessTime(calendar: CalendarInput, instant: Date): boolean {
  const ms = toInstantMs(instant, 'instant');
  return containsInstant(BusinessCalendar.from(calendar), ms);
}

/**
 * `instant` itself when it is business time, else the next opening.
 * @throws NoWorkingTimeError when the calendar has no working time within three years.
 */
export function nextBusinessMoment(calendar: CalendarInput, instant: Date): Date {
  const ms = toInstantMs(instant, 'instant');
  return new Date(walkBusinessMs(BusinessCalendar.from(calendar), ms, 0).clockStart);
}

/**
 * The mirror of `nextBusinessMoment`: `instant` itself when it is business time or an interval's
 * closing instant, else the closing of the last working interval before it (the latest moment a
 * date "by then" can name, e.g. a release date at most a year ahead).
 * @throws NoWorkingTimeError when the calendar has no working time within three years before.
 */
export function lastBusinessMoment(calendar: CalendarInput, instant: Date): Date {
  const ms = toInstantMs(instant, 'instant');
  return new Date(walkBackToBusiness(BusinessCalendar.from(calendar), ms));
}

/**
 * Adds `minutes` business minutes to `from` (BUSINESS-TIME.md): a start outside business time
 * moves to the next opening; minutes are consumed interval by interval; a remainder that runs out
 * exactly at a closing instant gives that closing instant; 0 gives the next business moment at or
 * after `from`. Business time is consumed in minutes: less than a minute left at a closing instant
 * (the seconds `from` carries) ends there too, never at the next opening plus those seconds
 * (10:00:56 + 8 h on 09:00–18:00 → 18:00, not 09:00:56 the next day; QA S62 #1). Otherwise the
 * seconds in `from` carry into the result (10:00:56 + 7 h 59 min → 17:59:56).
 *
 * @param minutes whole, non-negative, at most `MAX_BUSINESS_MINUTES`.
 * @throws BusinessTimeInputError, CalendarValidationError, NoWorkingTimeError
 */
export function addBusinessMinutes(calendar: CalendarInput, from: Date, minutes: number): Date {
  const ms = toInstantMs(from, 'from');
  const amount = toWholeAmount(minutes, 'minutes', MAX_BUSINESS_MINUTES);
  return new Date(
    walkBusinessMs(BusinessCalendar.from(calendar), ms, amount * MS_PER_MINUTE).deadline,
  );
}

/**
 * `addBusinessMinutes(calendar, from, hours * 60)`. Fractions of an hour are rejected: use minutes.
 * @param hours whole and non-negative.
 */
export function addBusinessHours(calendar: CalendarInput, from: Date, hours: number): Date {
  const amount = toWholeAmount(hours, 'hours', MAX_BUSINESS_MINUTES / 60);
  return addBusinessMinutes(calendar, from, amount * 60);
}

/**
 * Adds `days` business days: the start's own local date never counts; the deadline is the
 * closing instant of the last interval on the `days`-th business date (a date with at least one
 * interval) after `from`'s local date — one deadline per registration date, however late.
 *
 * `days` = 0 means "by the end of the current business day": the closing instant of the last
 * interval on the date of the next business moment at or after `from` (after closing or on a
 * closed date that is the next business date), so the result is never before `from`.
 *
 * @param days whole, non-negative, at most `MAX_BUSINESS_DAYS`.
 * @throws BusinessTimeInputError, CalendarValidationError, NoWorkingTimeError
 */
export function addBusinessDays(calendar: CalendarInput, from: Date, days: number): Date {
  const ms = toInstantMs(from, 'from');
  const amount = toWholeAmount(days, 'days', MAX_BUSINESS_DAYS);
  return new Date(walkBusinessDays(BusinessCalendar.from(calendar), ms, amount));
}

/**
 * Business time inside `[a, b)` in whole minutes, rounded down (0 when `b <= a`). The engine
 * counts milliseconds and floors only here, so `businessMinutesBetween(t, addBusinessMinutes(t,
 * n)) === n` for any `t` on a whole minute (from a `t` with seconds, a deadline at a closing that
 * cut them gives `n - 1`); `businessMillisecondsBetween` gives the exact amount.
 */
export function businessMinutesBetween(calendar: CalendarInput, a: Date, b: Date): number {
  return Math.floor(businessMillisecondsBetween(calendar, a, b) / MS_PER_MINUTE);
}

/** Exact milliseconds of business time inside `[a, b)` (0 when `b <= a`). */
export function businessMillisecondsBetween(calendar: CalendarInput, a: Date, b: Date): number {
  const aMs = toInstantMs(a, 'a');
  const bMs = toInstantMs(b, 'b');
  return businessMsBetween(BusinessCalendar.from(calendar), aMs, bMs);
}
