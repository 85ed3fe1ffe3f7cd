import type { ClockComputation, ClockComputationArgs } from './ticket.contract';

/**
 * The business-time steps one SLA clock computation is made of (BUSINESS-TIME.md), on some view
 * of a calendar: the engine's compiled calendar in the local activity, or a recorded
 * {@link BusinessWindow} inside the workflow. Instants are epoch milliseconds.
 */
export interface BusinessTimeSteps {
  /** `minutes` business minutes from `fromMs` (whole and in range, else a RangeError). */
  addMinutes(fromMs: number, minutes: number): number;
  /** The days rule: the closing instant of the `days`-th business date after `fromMs`'s date. */
  addDays(fromMs: number, days: number): number;
  /** Business ms inside `[aMs, bMs)`; 0 when `bMs <= aMs`. */
  between(aMs: number, bMs: number): number;
  /** Where `amountMs` (≥ 0) of business time from `fromMs` runs out. */
  walk(fromMs: number, amountMs: number): number;
}

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
export function computeClockWith(
  steps: BusinessTimeSteps,
  calendarVersion: number,
  args: ClockComputationArgs,
): ClockComputation {
  const start = instant(args.startedAt, 'startedAt');
  const plain =
    args.unit === 'minutes'
      ? steps.addMinutes(start, args.amount)
      : steps.addDays(start, args.amount);
  const budgetMs = args.unit === 'minutes' ? args.amount * 60_000 : steps.between(start, plain);
  const riskMs = Math.round(budgetMs * args.atRiskFraction);

  // Running segments: start → pause 1, resume 1 → pause 2, … ; the last may still be open.
  let closedMs = 0;
  let segmentStart: number | null = start;
  for (const pause of args.pauses) {
    if (segmentStart !== null) closedMs += steps.between(segmentStart, instant(pause.from, 'from'));
    segmentStart = pause.to === null ? null : instant(pause.to, 'to');
  }
  if (segmentStart === null) {
    return { budgetMs, consumedMs: closedMs, deadline: null, atRiskAt: null, calendarVersion };
  }
  const currentMs =
    args.until === undefined ? 0 : steps.between(segmentStart, instant(args.until, 'until'));
  const deadline =
    args.pauses.length > 0 ? steps.walk(segmentStart, Math.max(0, budgetMs - closedMs)) : plain;
  const atRiskAt =
    closedMs < riskMs ? steps.walk(segmentStart, Math.max(0, riskMs - closedMs)) : null;
  return {
    budgetMs,
    consumedMs: closedMs + currentMs,
    deadline: new Date(deadline).toISOString(),
    atRiskAt: atRiskAt === null ? null : new Date(atRiskAt).toISOString(),
    calendarVersion,
  };
}

function instant(value: string, field: string): number {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${field} is not an instant: ${value}`);
  return ms;
}

/**
 * The working intervals of one calendar version over `[from, to)`, as the local activity read
 * them from the engine: every span of business time inside the window, clipped to it, in the
 * engine's own order (by local date, then within the date). Recorded in history as part of a
 * local activity's result, so the workflow computes clocks inside the window itself on replay
 * exactly as it did the first time (BUSINESS-TIME.md; no time-zone database in the workflow).
 */
export interface BusinessWindow {
  readonly calendarId: string;
  readonly calendarVersion: number;
  /** Epoch ms. */
  readonly from: number;
  readonly to: number;
  /** `[start, end)` pairs, epoch ms. */
  readonly spans: readonly (readonly [number, number])[];
}

/** A step the window cannot answer: the computation goes to the local activity instead. */
class OutsideWindow extends Error {}

/** The engine's `SUB_MINUTE_MS` (workflow code does not import the engine). */
const SUB_MINUTE_MS = 60_000;

/**
 * The engine's walk and sum over the recorded spans. The walk is the engine's loop (`cursor`,
 * `begin + remaining`, and less than a minute left at a closing ends there unless the next span
 * opens at that instant: QA S62 #1), so it lands on the same instant; the sum adds the same
 * overlaps. A step that needs time outside `[from, to)`, and the days rule (it counts local
 * dates), throw — so does a sub-minute remainder at the last recorded span's end, which may be
 * the window's cut rather than a closing.
 */
function windowSteps(window: BusinessWindow): BusinessTimeSteps {
  const inside = (ms: number) => ms >= window.from && ms <= window.to;
  const walk = (fromMs: number, amountMs: number): number => {
    if (!inside(fromMs)) throw new OutsideWindow();
    let remaining = amountMs;
    let cursor = fromMs;
    let closing: number | undefined;
    for (const [start, end] of window.spans) {
      if (end <= cursor) continue;
      const begin = start > cursor ? start : cursor;
      if (closing !== undefined && begin > closing) return closing;
      const available = end - begin;
      if (remaining <= available) return begin + remaining;
      remaining -= available;
      cursor = end;
      closing = remaining < SUB_MINUTE_MS ? cursor : undefined;
    }
    throw new OutsideWindow();
  };
  return {
    addMinutes: (fromMs, minutes) => {
      // The engine's own refusals (fractions, out of range) stay the activity's to give.
      if (!Number.isSafeInteger(minutes) || minutes < 0) throw new OutsideWindow();
      return walk(fromMs, minutes * 60_000);
    },
    addDays: () => {
      throw new OutsideWindow();
    },
    between: (aMs, bMs) => {
      if (bMs <= aMs) return 0;
      if (!inside(aMs) || !inside(bMs)) throw new OutsideWindow();
      let total = 0;
      for (const [start, end] of window.spans) {
        const overlap = Math.min(end, bMs) - Math.max(start, aMs);
        if (overlap > 0) total += overlap;
      }
      return total;
    },
    walk,
  };
}

/**
 * `batch` computed inside the workflow on `window` when every computation fits it (same calendar,
 * minutes clocks, every instant inside), else `undefined`: the caller asks the local activity.
 */
export function computeInWindow(
  window: BusinessWindow,
  batch: readonly ClockComputationArgs[],
): ClockComputation[] | undefined {
  const steps = windowSteps(window);
  try {
    return batch.map((args) => {
      if (args.calendarId !== window.calendarId) throw new OutsideWindow();
      return computeClockWith(steps, window.calendarVersion, args);
    });
  } catch {
    // Outside the window, or input the engine refuses: the activity answers (and refuses) it.
    return undefined;
  }
}
