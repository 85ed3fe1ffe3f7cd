import type { BusinessCalendar, DayPlan } from './business-calendar';
import { formatLocalDate } from './civil-date';
import { NoWorkingTimeError } from './no-working-time.error';

/** Consecutive dates without business time after which a search gives up (three years). */
export const NO_WORKING_TIME_HORIZON_DAYS = 3 * 366;

/** Receives each step of a walk, in time order; only `explain*` passes one, so walks stay cheap. */
export interface WalkObserver {
  /** Business time `[start, end)` consumed from one span of `plan`. */
  consumed(plan: DayPlan, start: number, end: number): void;
  /** A date without any working interval. */
  skipped(plan: DayPlan): void;
  /** A business date counted by a days-walk; `ordinal` 0 is the days = 0 case. */
  counted(plan: DayPlan, ordinal: number, closing: number): void;
}

/** Less than this left at a closing instant ends there (users never see seconds; QA S62 #1). */
export const SUB_MINUTE_MS = 60_000;

/**
 * Consumes `amountMs` of business time from `fromMs`, interval by interval.
 * `clockStart` is the next business moment at or after `fromMs`; `deadline` is where the amount
 * runs out — a closing instant when it runs out exactly there, or when less than a minute of it
 * is left there (BUSINESS-TIME.md: time is consumed in minutes, so the seconds a start or a
 * resume carries never spill past a closing into the next opening; QA S62 #1). A span that opens
 * at the very instant the previous one closes (midnight on a night shift) is no closing: the
 * walk runs on through it to the millisecond.
 */
export function walkBusinessMs(
  calendar: BusinessCalendar,
  fromMs: number,
  amountMs: number,
  observer?: WalkObserver,
): { clockStart: number; deadline: number } {
  let remaining = amountMs;
  let cursor = fromMs;
  let clockStart: number | undefined;
  let idleDays = 0;
  // Set when less than a minute is left at `cursor`, a closing instant, unless the next span
  // opens right there.
  let closing: number | undefined;
  // Dates before the start's local date only hold spans that close at or before it.
  for (let day = calendar.localDayOf(fromMs); ; day += 1) {
    const plan = calendar.dayPlan(day);
    let worked = false;
    for (const span of plan.spans) {
      if (span.end <= cursor) continue;
      const begin = span.start > cursor ? span.start : cursor;
      if (closing !== undefined && begin > closing)
        return { clockStart: clockStart!, deadline: closing };
      clockStart ??= begin;
      const available = span.end - begin;
      if (remaining <= available) {
        if (remaining > 0) observer?.consumed(plan, begin, begin + remaining);
        return { clockStart, deadline: begin + remaining };
      }
      remaining -= available;
      observer?.consumed(plan, begin, span.end);
      cursor = span.end;
      closing = remaining < SUB_MINUTE_MS ? cursor : undefined;
      worked = true;
    }
    // A whole date without a span after it: the next opening is later than the closing.
    if (closing !== undefined && !worked) return { clockStart: clockStart!, deadline: closing };
    if (worked) {
      idleDays = 0;
    } else {
      if (plan.spans.length === 0) observer?.skipped(plan);
      idleDays = guardIdle(calendar, day, idleDays);
    }
  }
}

/**
 * Deadline of `days` business days from `fromMs`: the closing instant of the last interval on the
 * `days`-th business date after the start's local date. `days` = 0: the closing of the date of the
 * next business moment at or after `fromMs` ("by the end of the current business day").
 */
export function walkBusinessDays(
  calendar: BusinessCalendar,
  fromMs: number,
  days: number,
  observer?: WalkObserver,
): number {
  const startDay = calendar.localDayOf(fromMs);
  let idleDays = 0;
  if (days === 0) {
    for (let day = startDay; ; day += 1) {
      const plan = calendar.dayPlan(day);
      const last = plan.spans[plan.spans.length - 1];
      if (last !== undefined && last.end > fromMs) {
        observer?.counted(plan, 0, last.end);
        return last.end;
      }
      if (last === undefined) observer?.skipped(plan);
      idleDays = guardIdle(calendar, day, idleDays);
    }
  }
  let counted = 0;
  for (let day = startDay + 1; ; day += 1) {
    const plan = calendar.dayPlan(day);
    const last = plan.spans[plan.spans.length - 1];
    if (last === undefined) {
      observer?.skipped(plan);
      idleDays = guardIdle(calendar, day, idleDays);
      continue;
    }
    counted += 1;
    idleDays = 0;
    observer?.counted(plan, counted, last.end);
    if (counted === days) return last.end;
  }
}

/** Milliseconds of business time inside `[aMs, bMs)`; 0 when `bMs <= aMs`. */
export function businessMsBetween(calendar: BusinessCalendar, aMs: number, bMs: number): number {
  if (bMs <= aMs) return 0;
  // One extra date: after a fall-back across midnight, the next date's first span can begin
  // while the clock still shows the previous date.
  const firstDay = calendar.localDayOf(aMs);
  const lastDay = calendar.localDayOf(bMs) + 1;
  // The spans of a date lie within the local dates next to it, so those of the dates two or more
  // away from both ends lie wholly inside [a, b): they count whole, from the calendar's cached
  // sums. Only the dates near either end are cut by the window.
  const innerFrom = firstDay + 2;
  const innerTo = lastDay - 3;
  if (innerTo < innerFrom) return overlapOfDays(calendar, firstDay, lastDay, aMs, bMs);
  return (
    overlapOfDays(calendar, firstDay, innerFrom - 1, aMs, bMs) +
    calendar.workingMsOfDays(innerFrom, innerTo) +
    overlapOfDays(calendar, innerTo + 1, lastDay, aMs, bMs)
  );
}

/** Business time inside `[aMs, bMs)` of the spans of the local dates `from`…`to`. */
function overlapOfDays(
  calendar: BusinessCalendar,
  from: number,
  to: number,
  aMs: number,
  bMs: number,
): number {
  let total = 0;
  for (let day = from; day <= to; day += 1) {
    for (const span of calendar.dayPlan(day).spans) {
      const overlap = Math.min(span.end, bMs) - Math.max(span.start, aMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Whether `instantMs` lies inside a working interval (half-open: closing instants do not). */
export function containsInstant(calendar: BusinessCalendar, instantMs: number): boolean {
  const day = calendar.localDayOf(instantMs);
  for (const candidate of [day, day + 1]) {
    for (const span of calendar.dayPlan(candidate).spans) {
      if (span.start <= instantMs && instantMs < span.end) return true;
    }
  }
  return false;
}

/**
 * The latest instant at or before `atMs` that is business time or a closing instant: `atMs` itself
 * inside a working interval (or at its closing), else the closing of the last interval before it.
 * The mirror of a walk's `clockStart`; dates are walked backwards from the one after `atMs`'s
 * (after a fall-back, a date's spans can begin while the clock still shows the previous date).
 */
export function walkBackToBusiness(calendar: BusinessCalendar, atMs: number): number {
  let idleDays = 0;
  for (let day = calendar.localDayOf(atMs) + 1; ; day -= 1) {
    const spans = calendar.dayPlan(day).spans;
    for (let i = spans.length - 1; i >= 0; i -= 1) {
      if (spans[i].start <= atMs) return Math.min(spans[i].end, atMs);
    }
    idleDays += 1;
    if (idleDays > NO_WORKING_TIME_HORIZON_DAYS + 2) {
      throw new NoWorkingTimeError(
        calendar.timeZone,
        formatLocalDate(calendar.localDayOf(atMs)),
        NO_WORKING_TIME_HORIZON_DAYS,
        'before',
      );
    }
  }
}

function guardIdle(calendar: BusinessCalendar, day: number, idleDays: number): number {
  const idle = idleDays + 1;
  if (idle > NO_WORKING_TIME_HORIZON_DAYS) {
    throw new NoWorkingTimeError(
      calendar.timeZone,
      formatLocalDate(day - idle + 1),
      NO_WORKING_TIME_HORIZON_DAYS,
    );
  }
  return idle;
}
