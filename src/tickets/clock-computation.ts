import type {
  ClockComputation,
  ClockComputationArgs,
} from '../../workflows/ticket/ticket.contract';
import {
  addBusinessDays,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMillisecondsBetween,
  isBusinessTime,
} from '../business-time/engine';
import { walkBusinessMs } from '../business-time/engine/business-walk';

/**
 * Deadline, at-risk instant and consumed business time of one SLA clock (BUSINESS-TIME.md):
 * - never paused: the deadline is `amount` business minutes/days from the start (a days clock
 *   uses the days rule: closing of the Nth business date after the start's date);
 * - paused: the budget is the business time from the start to that deadline; consumed time is
 *   the business time of the running segments; the deadline is the remaining business time
 *   walked from the last resume (for a days clock: business minutes from the pause on).
 * Everything is recomputed from the start and the pauses, so a calendar change applies to the
 * whole clock.
 */
export function computeClock(
  calendar: BusinessCalendar,
  calendarVersion: number,
  args: ClockComputationArgs,
): ClockComputation {
  const start = instant(args.startedAt, 'startedAt');
  const plain =
    args.unit === 'minutes'
      ? addBusinessMinutes(calendar, start, args.amount)
      : addBusinessDays(calendar, start, args.amount);
  const budgetMs =
    args.unit === 'minutes'
      ? args.amount * 60_000
      : businessMillisecondsBetween(calendar, start, plain);
  const riskMs = Math.round(budgetMs * args.atRiskFraction);

  // Running segments: start → pause 1, resume 1 → pause 2, … ; the last may still be open.
  let closedMs = 0;
  let segmentStart: Date | null = start;
  for (const pause of args.pauses) {
    if (segmentStart) {
      closedMs += businessMillisecondsBetween(calendar, segmentStart, instant(pause.from, 'from'));
    }
    segmentStart = pause.to === null ? null : instant(pause.to, 'to');
  }
  if (segmentStart === null) {
    return { budgetMs, consumedMs: closedMs, deadline: null, atRiskAt: null, calendarVersion };
  }
  const currentMs =
    args.until === undefined
      ? 0
      : businessMillisecondsBetween(calendar, segmentStart, instant(args.until, 'until'));
  const consumedMs = closedMs + currentMs;
  const deadline =
    args.pauses.length > 0 ? walk(calendar, segmentStart, budgetMs - closedMs) : plain;
  const atRiskAt = closedMs < riskMs ? walk(calendar, segmentStart, riskMs - closedMs) : null;
  return {
    budgetMs,
    consumedMs,
    deadline: deadline.toISOString(),
    atRiskAt: atRiskAt?.toISOString() ?? null,
    calendarVersion,
  };
}

/** Whether a release date is business time, or the closing instant of a working interval. */
export function isBusinessInstant(calendar: BusinessCalendar, at: Date): boolean {
  return isBusinessTime(calendar, at) || isBusinessTime(calendar, new Date(at.getTime() - 1));
}

function walk(calendar: BusinessCalendar, from: Date, amountMs: number): Date {
  return new Date(walkBusinessMs(calendar, from.getTime(), Math.max(0, amountMs)).deadline);
}

function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${field} is not an instant: ${value}`);
  return date;
}
