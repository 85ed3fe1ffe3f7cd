import { BusinessCalendar, type CalendarInput, type DayPlan } from './business-calendar';
import { type WalkObserver, walkBusinessDays, walkBusinessMs } from './business-walk';
import type { DayRule, Holiday, IsoWeekday, LocalDate } from './calendar.types';
import { MS_PER_DAY, MS_PER_MINUTE, formatLocalDate, formatTimeOfDay } from './civil-date';
import {
  MAX_BUSINESS_DAYS,
  MAX_BUSINESS_MINUTES,
  toInstantMs,
  toWholeAmount,
} from './engine-inputs';

/** Why a date contributed no business time. */
export type SkipReason =
  /** The weekly schedule has no interval on this ISO weekday (Saturday/Sunday by default). */
  | 'weekend'
  | 'holiday'
  /** An override with no intervals closed the date. */
  | 'override'
  /** The date's intervals all fall in a clock-change gap (e.g. Pacific/Apia skipped 2011-12-30). */
  | 'clock-change-gap';

/** A date passed over without any working interval. */
export interface SkippedDateStep {
  readonly type: 'skipped';
  readonly date: LocalDate;
  readonly weekday: IsoWeekday;
  readonly reason: SkipReason;
  /** Name and source of the holiday when `reason` is `holiday`. */
  readonly holiday?: Holiday;
  readonly overrideReason?: string;
}

/** Business time taken from one working interval. */
export interface ConsumedStep {
  readonly type: 'consumed';
  readonly date: LocalDate;
  readonly weekday: IsoWeekday;
  readonly rule: DayRule;
  readonly overrideReason?: string;
  /** Wall-clock bounds in the calendar's zone: `HH:MM` (`HH:MM:SS` off the minute; `24:00`). */
  readonly localStart: string;
  readonly localEnd: string;
  readonly start: Date;
  readonly end: Date;
  /** Minutes consumed; fractional only when `from` is not on a whole minute. */
  readonly minutes: number;
}

/** A business date counted towards a days target. */
export interface CountedDateStep {
  readonly type: 'counted';
  readonly date: LocalDate;
  readonly weekday: IsoWeekday;
  readonly rule: DayRule;
  readonly overrideReason?: string;
  /** 1 for the first business date after the start's date, …; 0 for a days = 0 target. */
  readonly ordinal: number;
  /** Closing instant of the date's last interval. */
  readonly closing: Date;
  readonly localClosing: string;
}

/** Why a minutes/hours deadline is what it is. */
export interface BusinessMinutesExplanation {
  readonly timeZone: string;
  readonly from: Date;
  readonly minutes: number;
  /** The next business moment at or after `from`, where the clock actually starts. */
  readonly clockStart: Date;
  readonly deadline: Date;
  /** Consumed intervals and skipped closed dates, in time order. */
  readonly steps: ReadonlyArray<ConsumedStep | SkippedDateStep>;
}

/** Why a days deadline is what it is. */
export interface BusinessDaysExplanation {
  readonly timeZone: string;
  readonly from: Date;
  readonly days: number;
  /** `from`'s local date, which never counts (for days >= 1). */
  readonly startDate: LocalDate;
  readonly deadline: Date;
  /** Counted business dates and skipped closed dates, in date order. */
  readonly steps: ReadonlyArray<CountedDateStep | SkippedDateStep>;
}

/** `addBusinessMinutes` with the segments it consumed and the dates it skipped. */
export function explainAddBusinessMinutes(
  calendar: CalendarInput,
  from: Date,
  minutes: number,
): BusinessMinutesExplanation {
  const fromMs = toInstantMs(from, 'from');
  const amount = toWholeAmount(minutes, 'minutes', MAX_BUSINESS_MINUTES);
  const compiled = BusinessCalendar.from(calendar);
  const recorder = new StepRecorder(compiled);
  const { clockStart, deadline } = walkBusinessMs(
    compiled,
    fromMs,
    amount * MS_PER_MINUTE,
    recorder,
  );
  return {
    timeZone: compiled.timeZone,
    from: new Date(fromMs),
    minutes: amount,
    clockStart: new Date(clockStart),
    deadline: new Date(deadline),
    steps: recorder.minuteSteps,
  };
}

/** `addBusinessHours` explained; `minutes` in the result is `hours * 60`. */
export function explainAddBusinessHours(
  calendar: CalendarInput,
  from: Date,
  hours: number,
): BusinessMinutesExplanation {
  const amount = toWholeAmount(hours, 'hours', MAX_BUSINESS_MINUTES / 60);
  return explainAddBusinessMinutes(calendar, from, amount * 60);
}

/** `addBusinessDays` with the business dates it counted and the dates it skipped. */
export function explainAddBusinessDays(
  calendar: CalendarInput,
  from: Date,
  days: number,
): BusinessDaysExplanation {
  const fromMs = toInstantMs(from, 'from');
  const amount = toWholeAmount(days, 'days', MAX_BUSINESS_DAYS);
  const compiled = BusinessCalendar.from(calendar);
  const recorder = new StepRecorder(compiled);
  const deadline = walkBusinessDays(compiled, fromMs, amount, recorder);
  return {
    timeZone: compiled.timeZone,
    from: new Date(fromMs),
    days: amount,
    startDate: formatLocalDate(compiled.localDayOf(fromMs)),
    deadline: new Date(deadline),
    steps: recorder.daySteps,
  };
}

class StepRecorder implements WalkObserver {
  readonly minuteSteps: Array<ConsumedStep | SkippedDateStep> = [];
  readonly daySteps: Array<CountedDateStep | SkippedDateStep> = [];

  constructor(private readonly calendar: BusinessCalendar) {}

  consumed(plan: DayPlan, start: number, end: number): void {
    this.minuteSteps.push({
      type: 'consumed',
      ...describeDate(plan),
      localStart: this.wallTime(plan, start),
      localEnd: this.wallTime(plan, end),
      start: new Date(start),
      end: new Date(end),
      minutes: (end - start) / MS_PER_MINUTE,
    });
  }

  skipped(plan: DayPlan): void {
    const step: SkippedDateStep = {
      type: 'skipped',
      date: formatLocalDate(plan.dayNumber),
      weekday: plan.weekday,
      reason: skipReasonOf(plan),
      ...(plan.holiday === undefined ? {} : { holiday: plan.holiday }),
      ...(plan.override?.reason === undefined ? {} : { overrideReason: plan.override.reason }),
    };
    this.minuteSteps.push(step);
    this.daySteps.push(step);
  }

  counted(plan: DayPlan, ordinal: number, closing: number): void {
    this.daySteps.push({
      type: 'counted',
      ...describeDate(plan),
      ordinal,
      closing: new Date(closing),
      localClosing: this.wallTime(plan, closing),
    });
  }

  /** Wall time of an instant, written relative to `plan`'s date (its next midnight is `24:00`). */
  private wallTime(plan: DayPlan, instantMs: number): string {
    const wall = instantMs + this.calendar.offsetAt(instantMs);
    const sinceMidnight = wall - plan.dayNumber * MS_PER_DAY;
    if (sinceMidnight === MS_PER_DAY) return '24:00';
    return formatTimeOfDay(wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY);
  }
}

function describeDate(plan: DayPlan): {
  date: LocalDate;
  weekday: IsoWeekday;
  rule: DayRule;
  overrideReason?: string;
} {
  return {
    date: formatLocalDate(plan.dayNumber),
    weekday: plan.weekday,
    rule: plan.rule,
    ...(plan.override?.reason === undefined ? {} : { overrideReason: plan.override.reason }),
  };
}

function skipReasonOf(plan: DayPlan): SkipReason {
  if (plan.lostToGap) return 'clock-change-gap';
  return plan.rule === 'weekly' ? 'weekend' : plan.rule;
}
