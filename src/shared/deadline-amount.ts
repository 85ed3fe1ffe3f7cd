/** ~71 years of 9-hour days: far beyond any SLA, small enough to answer in milliseconds. */
export const MAX_BUSINESS_MINUTES = 10_000_000;
/** ~100 years of business days. */
export const MAX_BUSINESS_DAYS = 36_500;

/** The units a deadline is asked in (the API's `BusinessUnit`, the calculator's choice). */
export type DeadlineUnit = 'BUSINESS_MINUTES' | 'BUSINESS_HOURS' | 'BUSINESS_DAYS';

const MINUTES_PER_UNIT: Readonly<Record<DeadlineUnit, number | null>> = {
  BUSINESS_MINUTES: 1,
  BUSINESS_HOURS: 60,
  BUSINESS_DAYS: null,
};

/** Business minutes in one `unit`; null for business days (counted as days, not minutes). */
export function minutesPerUnit(unit: DeadlineUnit): number | null {
  return MINUTES_PER_UNIT[unit];
}

/**
 * The largest amount of `unit` a deadline is computed for (the engine's bounds): the API refuses
 * more, and the calculator says so in the same words before it asks.
 */
export function maxDeadlineAmount(unit: DeadlineUnit): number {
  const perUnit = MINUTES_PER_UNIT[unit];
  return perUnit ? Math.floor(MAX_BUSINESS_MINUTES / perUnit) : MAX_BUSINESS_DAYS;
}
