import { BusinessTimeInputError } from './business-time-input.error';

// The engine's bounds, shared with the web app's deadline calculator (it says them before asking).
export { MAX_BUSINESS_DAYS, MAX_BUSINESS_MINUTES } from '../../shared/deadline-amount';

// Instants the engine accepts; the bounds keep Intl in plain 4-digit Gregorian years.
const MIN_INSTANT_MS = Date.UTC(1900, 0, 1);
const MAX_INSTANT_MS = Date.UTC(9000, 0, 1);

/** Epoch milliseconds of a valid `Date` in [1900-01-01, 9000-01-01) UTC. */
export function toInstantMs(value: unknown, field: string): number {
  if (!(value instanceof Date)) throw new BusinessTimeInputError(field, 'must be a Date');
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new BusinessTimeInputError(field, 'is an invalid Date');
  if (ms < MIN_INSTANT_MS || ms >= MAX_INSTANT_MS) {
    throw new BusinessTimeInputError(
      field,
      'must be between 1900-01-01 and 9000-01-01 (UTC)',
      'INSTANT_RANGE',
    );
  }
  return ms;
}

/** A whole, non-negative amount not above `max`. */
export function toWholeAmount(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new BusinessTimeInputError(field, `must be a non-negative integer, got ${String(value)}`);
  }
  if (value > max) throw new BusinessTimeInputError(field, `must be at most ${max}`);
  return value;
}
