import { DomainError, ErrorCode } from '../common/errors/domain-error';

// Hours are numeric(10,2) in PostgreSQL and whole hundredths of an hour in TypeScript, so sums are
// exact integers: 1.5 h = 150. Conversions happen only at the edges (database rows, GraphQL).

/** The largest amount of one entry: numeric(10,2) holds < 10^8, far beyond any real package. */
export const MAX_HOURS = 100_000;

/** `'12.50'` (a numeric column) or `12.5` → 1250. */
export function toHundredths(hours: string | number): number {
  const value = typeof hours === 'number' ? hours : Number(hours);
  return Math.round(value * 100);
}

/** 1250 → 12.5 (a number for GraphQL). */
export function toHours(hundredths: number): number {
  return hundredths / 100;
}

/** 1250 → `'12.50'` (for numeric columns and CSV). */
export function formatHours(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A positive amount of hours with at most two decimals, at most {@link MAX_HOURS}, as hundredths;
 * VALIDATION_FAILED otherwise. Services re-check what inputs already validated: the workflow's
 * activities call them directly.
 */
export function positiveHundredths(hours: number, field = 'hours'): number {
  const hundredths = signedHundredths(hours, field);
  if (hundredths <= 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `${field} must be greater than 0`, {
      field,
    });
  }
  return hundredths;
}

/**
 * Whether `hours` is a finite number with at most two decimals. With a tolerance: in binary
 * floating point 2.3 * 100 is 229.99999999999997, so an exact comparison refuses 2.3 or 1.1.
 */
export function hasAtMostTwoDecimals(hours: number): boolean {
  return Number.isFinite(hours) && Math.abs(hours * 100 - Math.round(hours * 100)) <= 1e-6;
}

/** A non-zero amount (either sign) with at most two decimals, as hundredths. */
export function signedHundredths(hours: number, field = 'hours'): number {
  const hundredths = Math.round(hours * 100);
  if (!hasAtMostTwoDecimals(hours) || Math.abs(hours) > MAX_HOURS) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be a number of hours with at most 2 decimals, up to ${MAX_HOURS}`,
      { field },
    );
  }
  if (hundredths === 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `${field} must not be 0`, { field });
  }
  return hundredths;
}

/** Trimmed, non-empty, at most 500 characters; VALIDATION_FAILED otherwise. */
export function requireReason(text: string | undefined | null, field = 'reason'): string {
  const value = (text ?? '').trim();
  if (!value || value.length > 500) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be between 1 and 500 characters`,
      { field },
    );
  }
  return value;
}
