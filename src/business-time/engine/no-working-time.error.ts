import { BusinessTimeError } from './business-time.error';

/**
 * The calendar has no working time within `horizonDays` after (or, searching backwards, before)
 * `searchedFrom`: raised instead of looping forever on a calendar that is closed for good.
 */
export class NoWorkingTimeError extends BusinessTimeError {
  readonly code = 'NO_WORKING_TIME' as const;
  override readonly name = 'NoWorkingTimeError';

  constructor(
    readonly timeZone: string,
    /** The local date where the fruitless search started. */
    readonly searchedFrom: string,
    readonly horizonDays: number,
    /** Which way the search went from `searchedFrom`. */
    readonly direction: 'after' | 'before' = 'after',
  ) {
    super(
      `No working time in ${timeZone} within ${horizonDays} days ${direction} ${searchedFrom}: ` +
        'the calendar has no (more) working intervals',
    );
  }
}
