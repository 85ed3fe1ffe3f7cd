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

/**
 * Why `amount` of `unit` is not a deadline's amount (before its maximum is checked), or undefined:
 * `isInt` for a fraction of minutes or days, `wholeMinutes` for hours that do not come to whole
 * minutes (1.5 h = 90 minutes is fine, 1.33 h is not; QA S57: the calculator refused 1.5 h, which
 * the cadence form takes). The API takes whole amounts only: the calculator asks hours with a
 * fraction as minutes ({@link wholeDeadlineAmount}).
 */
export function deadlineAmountProblem(
  amount: number,
  unit: DeadlineUnit,
): 'isInt' | 'wholeMinutes' | undefined {
  if (!Number.isFinite(amount)) return 'isInt';
  if (unit === 'BUSINESS_HOURS') {
    // 1.1 × 60 is 66.00000000000001 in binary floating point: a person typed whole minutes.
    const minutes = amount * 60;
    if (Math.abs(minutes - Math.round(minutes)) > 1e-6) return 'wholeMinutes';
  } else if (!Number.isInteger(amount)) return 'isInt';
  return undefined;
}

/**
 * The question the API is asked for `amount` of `unit` (its `amount` is whole): hours with a
 * fraction become the whole minutes they come to (1.5 hours → 90 business minutes).
 */
export function wholeDeadlineAmount(
  amount: number,
  unit: DeadlineUnit,
): { amount: number; unit: DeadlineUnit } {
  return unit === 'BUSINESS_HOURS' && !Number.isInteger(amount)
    ? { amount: Math.round(amount * 60), unit: 'BUSINESS_MINUTES' }
    : { amount, unit };
}
