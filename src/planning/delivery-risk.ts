import {
  addBusinessDays,
  type BusinessCalendar,
  type CalendarInput,
  localDateOf,
  MAX_BUSINESS_DAYS,
} from '../business-time/engine';
import { isBusinessInstant } from '../tickets/clock-computation';
import { RELEASE_DATE_STATES } from '../../workflows/ticket/ticket.contract';

// L3-19/L3-10 delivery at risk: pure, no I/O, so the queue, the work list and the provider's
// warning email (sent on a re-plan) read exactly the same verdict from the same facts.

/** Whether a published release date still fits the capacity plan, and by how much it does not. */
export interface DeliveryRisk {
  /** The plan finishes the ticket on a business date after the published one. */
  readonly atRisk: boolean;
  /** Business days the plan is late by (≥ 1) when at risk; `null` otherwise. */
  readonly slipBusinessDays: number | null;
}

export const NO_DELIVERY_RISK: DeliveryRisk = { atRisk: false, slipBusinessDays: null };

/** States whose published date is still a promise to keep (released tickets met it). */
const PROMISED_STATES: readonly string[] = RELEASE_DATE_STATES;

/**
 * Business days from `published` to `planned` on `calendar`: how many business dates after the
 * published date's local date the planned instant's local date is (`planned` counted when it is
 * a business date). 0 when the plan lands on the published local date or before it.
 *
 * It is the smallest `n` with `addBusinessDays(published, n) >= planned` (BUSINESS-TIME.md: the
 * start's own date never counts; a date counts when it has working time). `addBusinessDays` is
 * monotonic in `n`, so the answer is searched by doubling and bisection: a plan years ahead costs
 * a few walks, not one per day.
 */
export function businessDaysLate(calendar: CalendarInput, published: Date, planned: Date): number {
  if (localDateOf(calendar, planned) <= localDateOf(calendar, published)) return 0;
  const reaches = (n: number) => addBusinessDays(calendar, published, n) >= planned;
  let high = 1;
  while (!reaches(high)) {
    if (high >= MAX_BUSINESS_DAYS) return MAX_BUSINESS_DAYS;
    high = Math.min(high * 2, MAX_BUSINESS_DAYS);
  }
  let low = Math.floor(high / 2) + 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(mid)) high = mid;
    else low = mid + 1;
  }
  return high;
}

/**
 * L3-19: the delivery of an open ticket is at risk when it has a published release date (states
 * RELEASE_DATE_SET / IN_DEVELOPMENT) and the capacity model plans it for a later **business date**
 * (the ticket's calendar). Dates are compared by business date, not by instant: the model plans
 * whole business days (a planned date is always a day's closing), so a published date earlier on
 * the planned day is within the plan's precision and is not a slip of "+0 days".
 */
export function deliveryRisk(
  calendar: CalendarInput,
  state: string,
  published: Date | null,
  planned: Date | null,
): DeliveryRisk {
  if (!published || !planned || !promisesRelease(state)) return NO_DELIVERY_RISK;
  if (planned.getTime() <= published.getTime()) return NO_DELIVERY_RISK;
  const slip = businessDaysLate(calendar, published, planned);
  return slip > 0 ? { atRisk: true, slipBusinessDays: slip } : NO_DELIVERY_RISK;
}

/** Whether a ticket in `state` holds its published release date as a promise (L3-19). */
export function promisesRelease(state: string): boolean {
  return PROMISED_STATES.includes(state);
}

/**
 * L3-19 (QA S53): a published release date (still a promise: RELEASE_DATE_SET / IN_DEVELOPMENT)
 * that is no longer business time on the ticket's calendar, nor a closing instant: a holiday or a
 * closed day was added on its day after it was published. It does not move by itself (the client
 * was told that date); the agent adjusts it, which emails the client.
 */
export function deliveryOnClosedDay(
  calendar: BusinessCalendar,
  state: string,
  published: Date | null,
): boolean {
  if (!published || !promisesRelease(state)) return false;
  return !isBusinessInstant(calendar, published);
}
