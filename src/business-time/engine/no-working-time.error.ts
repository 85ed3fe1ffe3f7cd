import { BusinessTimeError } from './business-time.error';

/**
 * The calendar has no working time within `horizonDays` after `searchedFrom`: raised instead of
 * looping forever on a calendar that is closed for good.
 */
export class NoWorkingTimeError extends BusinessTimeError {
  readonly code = 'NO_WORKING_TIME' as const;
  override readonly name = 'NoWorkingTimeError';

  constructor(
    readonly timeZone: string,
    /** The local date where the fruitless search started. */
    readonly searchedFrom: string,
    readonly horizonDays: number,
  ) {
    super(
      `No working time in ${timeZone} within ${horizonDays} days after ${searchedFrom}: ` +
        'the calendar has no (more) working intervals',
    );
  }
}
