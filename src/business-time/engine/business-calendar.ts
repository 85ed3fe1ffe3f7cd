import type {
  CalendarDefinition,
  DayOverride,
  DayRule,
  Holiday,
  IsoWeekday,
  TimeInterval,
} from './calendar.types';
import { validateCalendar } from './calendar-validation';
import { MS_PER_DAY, isoWeekdayOf, parseLocalDate, parseLocalTime } from './civil-date';
import {
  offsetSampleIndexAt,
  offsetSampleInstant,
  wallMinutesToInstants,
  zoneOffsetAt,
} from './zoned-time';

/** A working interval of one date: wall minutes as defined, and the UTC instants they resolve to. */
export interface DaySpan {
  readonly startMinute: number;
  readonly endMinute: number;
  readonly start: number;
  readonly end: number;
}

/** A local date's resolved working time (internal currency of the engine). */
export interface DayPlan {
  readonly dayNumber: number;
  readonly weekday: IsoWeekday;
  readonly rule: DayRule;
  readonly holiday?: Holiday;
  readonly override?: DayOverride;
  /** Non-empty spans in time order; intervals swallowed by a DST gap are dropped. */
  readonly spans: readonly DaySpan[];
  /** The rule defines intervals, but all of them fall in a clock-change gap. */
  readonly lostToGap: boolean;
}

/** Either a plain definition (validated on every call) or a calendar compiled once and reused. */
export type CalendarInput = CalendarDefinition | BusinessCalendar;

interface WallRule {
  /** Flattened `[start0, end0, start1, end1, …]` minutes of day, sorted. */
  readonly minutes: readonly number[];
}

// Bounded memos: results never depend on them, only speed does.
const PLAN_MEMO_LIMIT = 4_096;

/** Dates per cached block of working time (see {@link BusinessCalendar.workingMsOfDays}). */
const DAY_BLOCK = 32;
const BLOCK_MEMO_LIMIT = 4_096;
const OFFSET_MEMO_LIMIT = 8_192;

/**
 * A validated calendar, compiled for fast repeated queries: weekly rules parsed, holidays and
 * overrides indexed by date, and resolved dates memoized. Behaves as an immutable value: it
 * snapshots the definition at construction. Reuse one instance per calendar version when
 * computing many deadlines.
 */
export class BusinessCalendar {
  readonly timeZone: string;
  private readonly weekly: ReadonlyMap<IsoWeekday, WallRule>;
  private readonly holidays: ReadonlyMap<number, Holiday>;
  private readonly overrides: ReadonlyMap<number, { override: DayOverride; rule: WallRule }>;
  private readonly plans = new Map<number, DayPlan>();
  /** Working milliseconds of each block of {@link DAY_BLOCK} dates, by block index. */
  private readonly blocks = new Map<number, number>();
  private readonly offsetSamples = new Map<number, number>();
  private readonly sampleOffset = (sampleIndex: number): number => {
    const known = this.offsetSamples.get(sampleIndex);
    if (known !== undefined) return known;
    const offset = zoneOffsetAt(this.timeZone, offsetSampleInstant(sampleIndex));
    if (this.offsetSamples.size >= OFFSET_MEMO_LIMIT) this.offsetSamples.clear();
    this.offsetSamples.set(sampleIndex, offset);
    // Agreeing samples three days apart mean no transition between them (the assumption of
    // wallMinutesToInstants): the two samples in between are known without asking Intl.
    if (this.offsetSamples.get(sampleIndex - 3) === offset) {
      this.offsetSamples.set(sampleIndex - 2, offset);
      this.offsetSamples.set(sampleIndex - 1, offset);
    }
    return offset;
  };

  /** @throws CalendarValidationError listing every problem of `definition`. */
  constructor(definition: CalendarDefinition) {
    validateCalendar(definition);
    this.timeZone = definition.timeZone;
    const weekly = new Map<IsoWeekday, WallRule>();
    // The same interval list is often shared by Monday–Friday: parse it once.
    const parsed = new Map<readonly TimeInterval[], WallRule>();
    for (const [key, intervals] of Object.entries(definition.weekly)) {
      if (intervals === undefined) continue;
      let rule = parsed.get(intervals);
      if (rule === undefined) {
        rule = toWallRule(intervals);
        parsed.set(intervals, rule);
      }
      weekly.set(Number(key) as IsoWeekday, rule);
    }
    this.weekly = weekly;
    // Holidays and overrides are kept by reference and appear in results: definitions are
    // immutable values (only the parsed intervals are snapshotted).
    this.holidays = new Map(
      definition.holidays.map((holiday) => [parseLocalDate(holiday.date)!, holiday]),
    );
    this.overrides = new Map(
      definition.overrides.map((override) => [
        parseLocalDate(override.date)!,
        { override, rule: toWallRule(override.intervals) },
      ]),
    );
  }

  /** The compiled form of `input`, compiling (and validating) only when given a definition. */
  static from(input: CalendarInput): BusinessCalendar {
    return input instanceof BusinessCalendar ? input : new BusinessCalendar(input);
  }

  /**
   * Milliseconds to add to `instantMs` (UTC) to get this calendar's wall-clock time.
   * @internal engine plumbing; use the functions in `business-time.ts`.
   */
  offsetAt(instantMs: number): number {
    // Between two known, agreeing samples the offset is constant: no need to ask Intl.
    const sampleIndex = offsetSampleIndexAt(instantMs);
    const before = this.offsetSamples.get(sampleIndex);
    if (before !== undefined && before === this.offsetSamples.get(sampleIndex + 1)) return before;
    return zoneOffsetAt(this.timeZone, instantMs);
  }

  /**
   * The local date (day number) of an instant in this calendar's zone.
   * @internal
   */
  localDayOf(instantMs: number): number {
    return Math.floor((instantMs + this.offsetAt(instantMs)) / MS_PER_DAY);
  }

  /**
   * Working time of a local date: override, else holiday (closed), else weekly.
   * @internal
   */
  /**
   * Working milliseconds of the local dates `from`…`to` (inclusive), every span of each whole:
   * blocks of {@link DAY_BLOCK} dates are summed once and reused, so a span of months costs a few
   * dozen lookups instead of a walk over every date (a clock breached long ago, QA session 12).
   * @internal engine plumbing; callers keep the dates whose spans a window may cut to themselves.
   */
  workingMsOfDays(from: number, to: number): number {
    let total = 0;
    let day = from;
    while (day <= to) {
      const inBlock = ((day % DAY_BLOCK) + DAY_BLOCK) % DAY_BLOCK;
      if (inBlock === 0 && day + DAY_BLOCK - 1 <= to) {
        total += this.blockMs(day);
        day += DAY_BLOCK;
      } else {
        total += this.dayMs(day);
        day += 1;
      }
    }
    return total;
  }

  private dayMs(dayNumber: number): number {
    let total = 0;
    for (const span of this.dayPlan(dayNumber).spans) total += span.end - span.start;
    return total;
  }

  private blockMs(firstDay: number): number {
    const cached = this.blocks.get(firstDay);
    if (cached !== undefined) return cached;
    let total = 0;
    for (let day = firstDay; day < firstDay + DAY_BLOCK; day += 1) total += this.dayMs(day);
    if (this.blocks.size >= BLOCK_MEMO_LIMIT) this.blocks.clear();
    this.blocks.set(firstDay, total);
    return total;
  }

  dayPlan(dayNumber: number): DayPlan {
    const cached = this.plans.get(dayNumber);
    if (cached !== undefined) return cached;
    const plan = this.resolve(dayNumber);
    if (this.plans.size >= PLAN_MEMO_LIMIT) this.plans.clear();
    this.plans.set(dayNumber, plan);
    return plan;
  }

  private resolve(dayNumber: number): DayPlan {
    const weekday = isoWeekdayOf(dayNumber);
    const override = this.overrides.get(dayNumber);
    if (override !== undefined) {
      return {
        dayNumber,
        weekday,
        rule: 'override',
        override: override.override,
        ...this.spansOf(dayNumber, override.rule),
      };
    }
    const holiday = this.holidays.get(dayNumber);
    if (holiday !== undefined) {
      return { dayNumber, weekday, rule: 'holiday', holiday, spans: [], lostToGap: false };
    }
    return {
      dayNumber,
      weekday,
      rule: 'weekly',
      ...this.spansOf(dayNumber, this.weekly.get(weekday)),
    };
  }

  private spansOf(
    dayNumber: number,
    rule: WallRule | undefined,
  ): { spans: DaySpan[]; lostToGap: boolean } {
    if (rule === undefined || rule.minutes.length === 0) return { spans: [], lostToGap: false };
    const instants = wallMinutesToInstants(
      this.timeZone,
      dayNumber,
      rule.minutes,
      this.sampleOffset,
    );
    const spans: DaySpan[] = [];
    for (let i = 0; i < instants.length; i += 2) {
      const start = instants[i];
      const end = instants[i + 1];
      if (end > start) {
        spans.push({ startMinute: rule.minutes[i], endMinute: rule.minutes[i + 1], start, end });
      }
    }
    return { spans, lostToGap: spans.length === 0 };
  }
}

function toWallRule(intervals: readonly TimeInterval[]): WallRule {
  const sorted = intervals.length > 1 ? [...intervals].sort(byStart) : intervals;
  const minutes: number[] = [];
  for (const { start, end } of sorted) {
    minutes.push(parseLocalTime(start, false)!, parseLocalTime(end, true)!);
  }
  return { minutes };
}

// 'HH:MM' strings sort like the times they denote.
function byStart(a: TimeInterval, b: TimeInterval): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}
