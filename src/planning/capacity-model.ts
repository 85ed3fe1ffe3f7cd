import {
  addBusinessDays,
  type CalendarInput,
  localDateOf,
  workingIntervalsOn,
} from '../business-time/engine';

// L3-19 capacity model: pure, no I/O, so the preview and the confirmation of a queue reorder (and
// the checkpoint's agenda) compute exactly the same dates from the same facts.

/** Provider hours per business day given to one client when the client has no setting of its own. */
export const DEFAULT_HOURS_PER_BUSINESS_DAY = 4;
/** Bounds of the per-client setting (hours of provider work per business day). */
export const MIN_HOURS_PER_BUSINESS_DAY = 0.25;
export const MAX_HOURS_PER_BUSINESS_DAY = 24;

/** One authorized requirement in queue order. */
export interface CapacityItem {
  readonly ticketNumber: string;
  /** Approved estimate hours minus the hours logged on the ticket (see {@link remainingHours}). */
  readonly remainingHours: number;
  /** The ticket's calendar: its release date is counted in that calendar's business days. */
  readonly calendar: CalendarInput;
}

export interface PlannedRelease {
  readonly ticketNumber: string;
  readonly remainingHours: number;
  /** Hours of this ticket and of every authorized ticket ahead of it. */
  readonly cumulativeHours: number;
  /**
   * Business days of work until the cumulative work is done (≥ 1): the days after `from`'s local
   * date, or from that date itself when `from` is at or before its opening ({@link planStartsToday}).
   */
  readonly businessDays: number;
  /** Closing instant of that business day on the ticket's calendar. */
  readonly plannedDate: Date;
}

/** Work left on an authorized requirement: never negative, in hundredths of an hour. */
export function remainingHours(approvedHours: number, loggedHours: number): number {
  return Math.max(0, Math.round((approvedHours - loggedHours) * 100)) / 100;
}

/**
 * Planned release dates of the authorized requirements of one client, in queue order.
 *
 * The provider gives the client `hoursPerBusinessDay` hours of work per business day and works the
 * queue front to back. A ticket is ready at the end of the business day on which its own remaining
 * hours and those of every ticket ahead of it are used up: day `n = ceil(cumulative / capacity)`,
 * at least 1, the date the closing instant of the n-th business date of the plan: today's whole
 * working day counts when the plan is asked at or before today's opening, else the plan starts
 * the next business date (a day already under way is not a day of capacity; BUSINESS-TIME.md:
 * work starts at the next opening). Hours are counted in hundredths, so floating-point noise
 * never moves a date.
 */
export function planReleaseDates(
  items: readonly CapacityItem[],
  hoursPerBusinessDay: number,
  from: Date,
): PlannedRelease[] {
  if (
    !Number.isFinite(hoursPerBusinessDay) ||
    hoursPerBusinessDay < MIN_HOURS_PER_BUSINESS_DAY ||
    hoursPerBusinessDay > MAX_HOURS_PER_BUSINESS_DAY
  ) {
    throw new RangeError(
      `hoursPerBusinessDay must be ${MIN_HOURS_PER_BUSINESS_DAY}…${MAX_HOURS_PER_BUSINESS_DAY}, got ${hoursPerBusinessDay}`,
    );
  }
  const capacity = Math.round(hoursPerBusinessDay * 100);
  let cumulative = 0;
  return items.map((item) => {
    const own = Number.isFinite(item.remainingHours)
      ? Math.max(0, Math.round(item.remainingHours * 100))
      : 0;
    cumulative += own;
    const businessDays = Math.max(1, Math.ceil(cumulative / capacity));
    return {
      ticketNumber: item.ticketNumber,
      remainingHours: own / 100,
      cumulativeHours: cumulative / 100,
      businessDays,
      plannedDate: planDayClosing(item.calendar, from, businessDays),
    };
  });
}

/**
 * Whether the plan asked at `from` has the whole working day of `from`'s local date: a business
 * date whose first opening is not yet past (at 07:00 with hours 09:00–18:00, today from 09:00).
 */
function planStartsToday(calendar: CalendarInput, from: Date): boolean {
  const [opening] = workingIntervalsOn(calendar, localDateOf(calendar, from)).intervals;
  return opening !== undefined && from.getTime() <= opening.start.getTime();
}

/**
 * The closing instant of the `day`-th (≥ 1) business date of a plan asked at `from`: today is the
 * first when the plan starts today ({@link planStartsToday}; `addBusinessDays` with 0 days is the
 * end of the current business day), else the first business date after today.
 */
export function planDayClosing(calendar: CalendarInput, from: Date, day: number): Date {
  return addBusinessDays(calendar, from, planStartsToday(calendar, from) ? day - 1 : day);
}

/** What a re-plan knows of one ticket with a published release date (L3-19). */
export interface ReplanFacts {
  /** The published release date now. */
  readonly published: Date;
  /**
   * The date provider staff committed to: the one published by `setReleaseDate`, or the newest a
   * provider set by hand (`adjustReleaseDate` without a reorder). `null`: unknown, the published one.
   */
  readonly committed: Date | null;
  /** The capacity model's date before and after the reorder. */
  readonly plannedBefore: Date;
  readonly plannedAfter: Date;
  /** 1-based places in the client's queue before and after the reorder. */
  readonly positionBefore: number;
  readonly positionAfter: number;
}

/**
 * L3-19 rule for a published release date under a queue reorder; the new date, or `null` when the
 * published date stays (nothing to publish, nothing to email):
 * - the model's date is a plan, the published one a promise: a reorder that leaves the ticket's plan
 *   where it was changes nothing;
 * - the plan needs **later** (more work ahead of the ticket): the published date moves to the
 *   planned one only when that is after it; a plan still before the promise keeps the promise;
 * - the plan allows **earlier** (less work ahead, and the ticket did not move down the queue): the
 *   date comes back towards the plan but never before the date the agent committed, so only a date
 *   an earlier re-plan had pushed past the commitment moves (back to at most the commitment).
 * A ticket that moves down the queue therefore never gets an earlier date, and no re-plan publishes
 * a date before the agent's commitment.
 */
export function replannedReleaseDate(facts: ReplanFacts): Date | null {
  const published = facts.published.getTime();
  const before = facts.plannedBefore.getTime();
  const after = facts.plannedAfter.getTime();
  if (after > before) return after > published ? facts.plannedAfter : null;
  if (after < before && facts.positionAfter <= facts.positionBefore) {
    const floor = (facts.committed ?? facts.published).getTime();
    const target = Math.max(after, floor);
    return target < published ? new Date(target) : null;
  }
  return null;
}
