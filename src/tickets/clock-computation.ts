import type {
  ClockComputation,
  ClockComputationArgs,
} from '../../workflows/ticket/ticket.contract';
import {
  type BusinessTimeSteps,
  type BusinessWindow,
  computeClockWith,
} from '../../workflows/ticket/clock-arithmetic';
import {
  addBusinessDays,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMillisecondsBetween,
  isBusinessTime,
} from '../business-time/engine';
import { walkBusinessMs } from '../business-time/engine/business-walk';

/** The clock computation of {@link computeClockWith} on the engine's compiled calendar. */
export function computeClock(
  calendar: BusinessCalendar,
  calendarVersion: number,
  args: ClockComputationArgs,
): ClockComputation {
  return computeClockWith(engineSteps(calendar), calendarVersion, args);
}

function engineSteps(calendar: BusinessCalendar): BusinessTimeSteps {
  return {
    addMinutes: (fromMs, minutes) =>
      addBusinessMinutes(calendar, new Date(fromMs), minutes).getTime(),
    addDays: (fromMs, days) => addBusinessDays(calendar, new Date(fromMs), days).getTime(),
    between: (aMs, bMs) => businessMillisecondsBetween(calendar, new Date(aMs), new Date(bMs)),
    walk: (fromMs, amountMs) => walkBusinessMs(calendar, fromMs, amountMs).deadline,
  };
}

/**
 * The working intervals of `calendar` over `[fromMs, toMs)` for the workflow to compute clocks in
 * ({@link BusinessWindow}): the spans of every local date that can hold some of that time (one
 * date more on each side, as `businessMsBetween` reads), clipped, in the engine's order.
 */
export function businessWindow(
  calendar: BusinessCalendar,
  calendarId: string,
  calendarVersion: number,
  fromMs: number,
  toMs: number,
): BusinessWindow {
  const spans: [number, number][] = [];
  const lastDay = calendar.localDayOf(toMs) + 1;
  for (let day = calendar.localDayOf(fromMs) - 1; day <= lastDay; day += 1) {
    for (const span of calendar.dayPlan(day).spans) {
      const start = Math.max(span.start, fromMs);
      const end = Math.min(span.end, toMs);
      if (end > start) spans.push([start, end]);
    }
  }
  return { calendarId, calendarVersion, from: fromMs, to: toMs, spans };
}

/** Whether a release date is business time, or the closing instant of a working interval. */
export function isBusinessInstant(calendar: BusinessCalendar, at: Date): boolean {
  return isBusinessTime(calendar, at) || isBusinessTime(calendar, new Date(at.getTime() - 1));
}
