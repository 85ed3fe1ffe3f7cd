import { type DateTooFar, releaseDateTooFar } from '../../workflows/ticket/date-limits';
import {
  type BusinessCalendar,
  isBusinessTime,
  lastBusinessMoment,
  nextBusinessMoment,
  NoWorkingTimeError,
} from '../business-time/engine';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { isBusinessInstant } from './clock-computation';

const MINUTE_MS = 60_000;

/** What the refused date must be on the ticket's calendar, besides not too far ahead. */
export type DateBusinessRule =
  /** L3-09: a release date may be an interval's closing instant («a más tardar»). */
  | 'BUSINESS_OR_CLOSING'
  /** L3-06: a remote session starts inside an interval, at a whole minute. */
  | 'STARTS_INSIDE';

/**
 * A date set too far ahead (L3-06, L3-09, L3-19), refused with the latest date its form accepts.
 * The horizon itself, one year or 90 days from now to the second, often falls outside business
 * hours (a Sunday at 8:03), which the same form then refuses. The refusal's `latest` is therefore
 * the last business moment at or before it on the ticket's calendar (the horizon itself when none
 * is found within the engine's search limit).
 */
export function dateTooFarError(
  tooFar: DateTooFar,
  calendar: BusinessCalendar,
  rule: DateBusinessRule,
  durationMinutes?: number,
): DomainError {
  const horizon = new Date(tooFar.refusal.latest);
  let latest = horizon;
  try {
    latest = lastBusinessMoment(calendar, horizon);
    // A closing instant is not inside its interval: the last minute that starts inside it.
    if (rule === 'STARTS_INSIDE' && !isBusinessTime(calendar, latest)) {
      latest = new Date(latest.getTime() - MINUTE_MS);
    }
    // QA S63 #11: a session of `durationMinutes` must also end by the closing: the latest start
    // is that much before it, when the stretch holds it.
    const stretch =
      rule === 'STARTS_INSIDE' && durationMinutes !== undefined
        ? businessStretchAt(calendar, latest.getTime())
        : undefined;
    if (stretch && latest.getTime() + durationMinutes! * MINUTE_MS > stretch.closing) {
      const fits = stretch.closing - durationMinutes! * MINUTE_MS;
      if (fits >= stretch.opening) latest = new Date(fits);
    }
  } catch (err) {
    if (!(err instanceof NoWorkingTimeError)) throw err;
  }
  return new DomainError(ErrorCode.VALIDATION_FAILED, tooFar.message, {
    ...tooFar.refusal,
    latest: latest.toISOString(),
  });
}

/** Whether `at` is a date `rule` allows on the calendar. */
function allowedBy(calendar: BusinessCalendar, at: Date, rule: DateBusinessRule): boolean {
  return rule === 'BUSINESS_OR_CLOSING'
    ? isBusinessInstant(calendar, at)
    : isBusinessTime(calendar, at);
}

/**
 * The calendar's next business moment after a refused date, so the refusal can offer it («la
 * siguiente hora hábil es el lunes, 14 dic, 9:00 a.m.», QA S52); none when the calendar has no
 * working time left within the engine's search.
 */
function nextBusinessTimeAfter(
  calendar: BusinessCalendar,
  at: Date,
): { nextBusinessTime?: string } {
  try {
    return { nextBusinessTime: nextBusinessMoment(calendar, at).toISOString() };
  } catch (err) {
    if (err instanceof NoWorkingTimeError) return {};
    throw err;
  }
}

/**
 * A date the ticket's calendar refuses (L3-06, L3-09, BUSINESS-TIME.md), with the next business
 * time (QA S52: the refusal named the weekday but not what to pick instead): on a holiday, named
 * (`ON_HOLIDAY`: «Navidad» says more than "outside business hours", QA S51); else a night, a
 * weekend or a closed day (`OUTSIDE_BUSINESS_TIME`, with `message`). Undefined when `rule` allows
 * it. The workflow keeps its own check; this one answers first, before the Update.
 */
export function businessDateRefusal(
  calendar: BusinessCalendar,
  iso: string,
  field: string,
  rule: DateBusinessRule,
  message = `${field} ${iso} is outside business time`,
): DomainError | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || allowedBy(calendar, at, rule)) return undefined;
  const next = nextBusinessTimeAfter(calendar, at);
  const { holiday } = calendar.dayPlan(calendar.localDayOf(at.getTime()));
  if (holiday) {
    return new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `${field} ${iso} falls on a holiday of the ticket's calendar: ${holiday.date}, ${holiday.name}`,
      {
        reason: 'ON_HOLIDAY',
        field,
        value: iso,
        date: holiday.date,
        holiday: holiday.name,
        // Its source, for the reader's language (QA S54: «Navidad» in the English UI).
        holidaySource: holiday.source,
        ...next,
      },
    );
  }
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, {
    reason: 'OUTSIDE_BUSINESS_TIME',
    field,
    value: iso,
    ...next,
  });
}

/**
 * The stretch of business time `atMs` lies in: its interval, with the intervals that follow it
 * without a break (a day split 9:00–13:00, 13:00–18:00 is one stretch). Undefined when `atMs` is
 * not business time.
 */
function businessStretchAt(
  calendar: BusinessCalendar,
  atMs: number,
): { readonly opening: number; readonly closing: number } | undefined {
  const day = calendar.localDayOf(atMs);
  let stretch: { opening: number; closing: number } | undefined;
  for (let d = day - 1; d <= day + 2; d += 1) {
    for (const span of calendar.dayPlan(d).spans) {
      if (!stretch) {
        if (span.start <= atMs && atMs < span.end) {
          stretch = { opening: span.start, closing: span.end };
        }
      } else if (span.start === stretch.closing) {
        stretch.closing = span.end;
      } else if (span.start > stretch.closing) {
        return stretch;
      }
    }
  }
  return stretch;
}

/**
 * L3-06 (QA S63 #11): a remote session that starts in business time but would run past the
 * calendar's closing (17:30 for 90 min where the day closes at 18:00), refused as a start outside
 * business time is: `ENDS_AFTER_CLOSING` with the closing (`closesAt`), the longest session that
 * fits (`maxDurationMinutes`) and the latest start for this duration (`latestStart`, when the
 * stretch holds it). Undefined when it fits, or when the start itself is refused (that refusal
 * answers first).
 */
export function sessionEndRefusal(
  calendar: BusinessCalendar,
  iso: string,
  durationMinutes: number,
  message = `remote session ${iso} for ${durationMinutes} min ends after business time`,
): DomainError | undefined {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  const stretch = businessStretchAt(calendar, at);
  if (!stretch) return undefined;
  const lengthMs = durationMinutes * MINUTE_MS;
  if (at + lengthMs <= stretch.closing) return undefined;
  const latestStart = stretch.closing - lengthMs;
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, {
    reason: 'ENDS_AFTER_CLOSING',
    field: 'durationMinutes',
    value: iso,
    durationMinutes,
    closesAt: new Date(stretch.closing).toISOString(),
    maxDurationMinutes: Math.floor((stretch.closing - at) / MINUTE_MS),
    ...(latestStart >= stretch.opening ? { latestStart: new Date(latestStart).toISOString() } : {}),
  });
}

/** {@link businessDateRefusal} when the refused day is a holiday; undefined otherwise. */
export function holidayRefusal(
  calendar: BusinessCalendar,
  iso: string,
  field: string,
  rule: DateBusinessRule,
): DomainError | undefined {
  const refusal = businessDateRefusal(calendar, iso, field, rule);
  return refusal?.details?.reason === 'ON_HOLIDAY' ? refusal : undefined;
}

/**
 * L3-09, L3-19: what the API refuses first in a release date, set or adjusted (`field`:
 * `releaseDate` or `newDate`): more than a year ahead, with the latest date the calendar accepts;
 * a future date on a holiday, named; or outside business time; both with the next business time.
 * Undefined otherwise: the workflow keeps its own checks (a past date, and these again).
 */
export function releaseDateRefusal(
  calendar: BusinessCalendar,
  iso: string,
  field: string,
  now: number,
): DomainError | undefined {
  const tooFar = releaseDateTooFar(iso, now);
  if (tooFar) {
    return dateTooFarError(
      { ...tooFar, refusal: { ...tooFar.refusal, field } },
      calendar,
      'BUSINESS_OR_CLOSING',
    );
  }
  return Date.parse(iso) > now
    ? businessDateRefusal(calendar, iso, field, 'BUSINESS_OR_CLOSING')
    : undefined;
}
