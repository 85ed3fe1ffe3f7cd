import { BusinessTimeError } from './business-time.error';

/** An argument of an engine call is out of its domain (negative amount, invalid date, …). */
export class BusinessTimeInputError extends BusinessTimeError {
  readonly code = 'BUSINESS_TIME_INPUT_INVALID' as const;
  override readonly name = 'BusinessTimeInputError';

  constructor(
    /** The offending parameter, e.g. `minutes`, `from`. */
    readonly field: string,
    message: string,
    /** Which rule it broke, for clients to word; `INSTANT_RANGE`: outside 1900-01-01…9000-01-01. */
    readonly rule?: 'INSTANT_RANGE',
  ) {
    super(`${field}: ${message}`);
  }
}
