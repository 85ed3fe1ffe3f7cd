import { isKnownTimeZone } from '../business-time/engine';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { dateTimeFormat } from '../shared/intl-formats';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The earliest date a contract, a package or logged time may have. */
export const EARLIEST_LOCAL_DATE = '2000-01-01';

/**
 * A real calendar date `YYYY-MM-DD` (2026-02-30 is refused) from {@link EARLIEST_LOCAL_DATE} on;
 * VALIDATION_FAILED otherwise. An earlier one is `DATE_TOO_EARLY`, a year mistyped in a date
 * field (0202): the form's date input lets it through (QA S53).
 */
export function requireLocalDate(value: string, field: string): string {
  const m = LOCAL_DATE.exec(value);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `${field} must be a date YYYY-MM-DD`, {
      field,
    });
  }
  if (value < EARLIEST_LOCAL_DATE) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be ${EARLIEST_LOCAL_DATE} or later`,
      { reason: 'DATE_TOO_EARLY', field, value, earliest: EARLIEST_LOCAL_DATE },
    );
  }
  return value;
}

/** Today's local date `YYYY-MM-DD` in an IANA time zone (e.g. the provider's America/Mexico_City). */
export function localToday(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD. Throws RangeError for an unknown zone (not kept).
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * L3-12: the last work date that has come at `now`, i.e. that time can be logged on. It is today in
 * the ticket's calendar zone (`calendarTimeZone`), where its clocks and its client's monthly
 * statement count days (BUSINESS-TIME.md), never UTC's: at 20:00 in Mexico City UTC is already on
 * the next day. The one exception is the agent's own today (`agentTimeZone`, their profile's)
 * when their zone is already on the next day: work done after their midnight but before the
 * calendar's is dated by them, and by the log form, as today, which is no future to anyone. So
 * the limit is at most one day past the calendar's today, and only for an agent east of it; an
 * agent in the calendar's zone cannot log tomorrow. A zone the runtime does not know is ignored.
 * L3-03 dates a package's purchase by the same rule, with the client's calendar and the
 * purchaser's zone (the statement counts the package on that day).
 */
export function lastWorkDate(calendarTimeZone: string, agentTimeZone: string, now: Date): string {
  const calendarToday = localToday(calendarTimeZone, now);
  if (agentTimeZone === calendarTimeZone || !isKnownTimeZone(agentTimeZone)) return calendarToday;
  const agentToday = localToday(agentTimeZone, now);
  return agentToday > calendarToday ? agentToday : calendarToday;
}

/**
 * L3-03/L3-12/L3-13: a package is bought on a day that has come: its hours count in the balance at
 * once, so a purchase date after `today` (the client's calendar's today, or the purchaser's: see
 * `lastWorkDate`) is refused, not post-dated.
 */
export function requirePurchasedBy(value: string, field: string, today: string): string {
  if (requireLocalDate(value, field) > today) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `La fecha de compra ${value} es posterior a hoy (${today}); registre el paquete el día en que se compra / ` +
        `${field} ${value} is after today (${today}); record the package on the day it is bought`,
      { field, today },
    );
  }
  return value;
}

/** `'2026-03'` → the first day of the month and of the next one. */
export function monthBounds(month: string): { from: string; to: string } {
  const m = MONTH.exec(month);
  if (!m) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'month must be YYYY-MM', {
      field: 'month',
    });
  }
  const [y, mo] = [+m[1], +m[2]];
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}
