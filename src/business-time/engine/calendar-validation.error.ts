import { BusinessTimeError } from './business-time.error';

/** Why a calendar definition was rejected. */
export type CalendarIssueCode =
  | 'INVALID_SHAPE'
  | 'UNKNOWN_TIME_ZONE'
  | 'INVALID_WEEKDAY'
  | 'MALFORMED_TIME'
  | 'END_NOT_AFTER_START'
  | 'OVERLAPPING_INTERVALS'
  | 'MALFORMED_DATE'
  | 'MISSING_TEXT'
  | 'DUPLICATE_HOLIDAY'
  | 'DUPLICATE_OVERRIDE';

/** One problem in a calendar definition; `path` points at the offending field. */
export interface CalendarIssue {
  readonly code: CalendarIssueCode;
  /** e.g. `weekly.1[0].end`, `holidays[3].date`. */
  readonly path: string;
  readonly message: string;
}

/** A calendar definition failed validation; `issues` lists every problem found, not just the first. */
export class CalendarValidationError extends BusinessTimeError {
  readonly code = 'CALENDAR_INVALID' as const;
  override readonly name = 'CalendarValidationError';

  constructor(readonly issues: readonly CalendarIssue[]) {
    super(
      `Invalid calendar: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
  }
}
