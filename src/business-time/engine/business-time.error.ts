/** Stable codes for every error the business-time engine throws. */
export type BusinessTimeErrorCode =
  'CALENDAR_INVALID' | 'BUSINESS_TIME_INPUT_INVALID' | 'NO_WORKING_TIME';

/** Base of the engine's typed errors, so the API layer can map them by `code` in one place. */
export abstract class BusinessTimeError extends Error {
  abstract readonly code: BusinessTimeErrorCode;
}
