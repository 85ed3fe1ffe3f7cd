/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A civil date in the calendar's own time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** A wall-clock time `HH:MM` (00:00–23:59); `24:00` is allowed as an interval end (midnight). */
export type LocalTime = string;

/** A half-open working interval `[start, end)` in wall-clock time. */
export interface TimeInterval {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** A whole local date without working time, e.g. an art. 74 rest day. */
export interface Holiday {
  readonly date: LocalDate;
  readonly name: string;
  /** Where the holiday comes from: `MX_LFT_74`, `ELECTION`, `BANK`, `CLIENT`, … */
  readonly source: string;
}

/** A local date with its own intervals; empty `intervals` closes the date. Wins over everything. */
export interface DayOverride {
  readonly date: LocalDate;
  readonly intervals: readonly TimeInterval[];
  readonly reason?: string;
}

/**
 * A working calendar as stored and exchanged (plain JSON).
 *
 * For a local date: an override wins; else a holiday means closed; else the weekly intervals of its
 * ISO weekday (a weekday that is absent or has an empty list is closed).
 */
export interface CalendarDefinition {
  /** IANA zone name, e.g. `America/Mexico_City`; never a fixed offset. */
  readonly timeZone: string;
  readonly weekly: Readonly<Partial<Record<IsoWeekday, readonly TimeInterval[]>>>;
  readonly holidays: readonly Holiday[];
  readonly overrides: readonly DayOverride[];
}

/** Which rule decided a date's working intervals. */
export type DayRule = 'override' | 'holiday' | 'weekly';

/** One working interval of a local date, resolved to UTC instants. */
export interface WorkingInterval {
  /** Wall-clock bounds as defined by the calendar (`24:00` kept as written). */
  readonly localStart: LocalTime;
  readonly localEnd: LocalTime;
  /** First instant inside the interval. */
  readonly start: Date;
  /** First instant after the interval (closing time; outside business time). */
  readonly end: Date;
}

/** A local date's working time and the rule that produced it. */
export interface WorkingDay {
  readonly date: LocalDate;
  readonly weekday: IsoWeekday;
  readonly rule: DayRule;
  /** Set when `rule` is `holiday`. */
  readonly holiday?: Holiday;
  /** Set when `rule` is `override`. */
  readonly override?: DayOverride;
  /** In time order; empty when the date is closed. */
  readonly intervals: readonly WorkingInterval[];
}
