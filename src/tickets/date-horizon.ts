import { type DateTooFar, releaseDateTooFar } from '../../workflows/ticket/date-limits';
import {
  type BusinessCalendar,
  isBusinessTime,
  lastBusinessMoment,
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
): DomainError {
  const horizon = new Date(tooFar.refusal.latest);
  let latest = horizon;
  try {
    latest = lastBusinessMoment(calendar, horizon);
    // A closing instant is not inside its interval: the last minute that starts inside it.
    if (rule === 'STARTS_INSIDE' && !isBusinessTime(calendar, latest)) {
      latest = new Date(latest.getTime() - MINUTE_MS);
    }
  } catch (err) {
    if (!(err instanceof NoWorkingTimeError)) throw err;
  }
  return new DomainError(ErrorCode.VALIDATION_FAILED, tooFar.message, {
    ...tooFar.refusal,
    latest: latest.toISOString(),
  });
}

/**
 * A date the ticket's calendar refuses because its day is a holiday (L3-06, L3-09,
 * BUSINESS-TIME.md), named: «Navidad» says more than "outside business hours" (QA S51). Undefined
 * when the date is allowed by `rule`, or refused for another reason (a night, a weekend), which the
 * usual OUTSIDE_BUSINESS_TIME refusal covers.
 */
export function holidayRefusal(
  calendar: BusinessCalendar,
  iso: string,
  field: string,
  rule: DateBusinessRule,
): DomainError | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  const allowed =
    rule === 'BUSINESS_OR_CLOSING' ? isBusinessInstant(calendar, at) : isBusinessTime(calendar, at);
  if (allowed) return undefined;
  const { holiday } = calendar.dayPlan(calendar.localDayOf(at.getTime()));
  if (!holiday) return undefined;
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `${field} ${iso} falls on a holiday of the ticket's calendar: ${holiday.date}, ${holiday.name}`,
    { reason: 'ON_HOLIDAY', field, value: iso, date: holiday.date, holiday: holiday.name },
  );
}

/**
 * L3-09, L3-19: what the API refuses first in a release date, set or adjusted (`field`:
 * `releaseDate` or `newDate`): more than a year ahead, with the latest date the calendar accepts;
 * or a future date on a holiday, named. Undefined otherwise: the workflow keeps its own checks (a
 * past date, a night or a weekend).
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
    ? holidayRefusal(calendar, iso, field, 'BUSINESS_OR_CLOSING')
    : undefined;
}
