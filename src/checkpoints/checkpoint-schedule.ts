import {
  type CalendarDefinition,
  type CalendarInput,
  type IsoWeekday,
  type LocalDate,
  nextBusinessMoment,
} from '../business-time/engine';
import {
  formatLocalDate,
  isoWeekdayOf,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseLocalDate,
  parseLocalTime,
} from '../business-time/engine/civil-date';
import {
  offsetSampleInstant,
  wallMinutesToInstants,
  zoneOffsetAt,
} from '../business-time/engine/zoned-time';

// L3-15: the biweekly checkpoint's timing, as pure functions of the client's calendar. The
// Temporal Schedule, the checkpoint workflow's run planning and the settings validation all use
// these, so the rule is written (and tested) once.

/** Days between two checkpoints of a client. */
export const CHECKPOINT_PERIOD_DAYS = 14;
export const CHECKPOINT_PERIOD_MS = CHECKPOINT_PERIOD_DAYS * MS_PER_DAY;

/**
 * A scheduled run may start this much before the checkpoint's local time: in a zone with daylight
 * saving the Schedule's fixed 14-day interval fires up to the DST shift early half the year, and
 * the workflow then waits (durable timer) until the exact local time. 3 h covers every zone.
 */
export const EARLY_START_TOLERANCE_MS = 3 * 3_600_000;
/** A scheduled run whose start lags its local time by up to this much is still that checkpoint. */
export const LATE_START_TOLERANCE_MS = 15 * MS_PER_MINUTE;

/** When a client's checkpoint happens: a business weekday and a local time in its calendar zone. */
export interface CheckpointTime {
  /** ISO weekday, 1 = Monday … 5 = Friday. */
  readonly weekday: number;
  /** `HH:MM` wall time in the calendar's time zone. */
  readonly localTime: string;
}

export interface CheckpointTimeIssue {
  readonly field: 'weekday' | 'localTime';
  /** What the web app words in the user's language (`extensions.reason`). */
  readonly reason: 'INVALID_VALUE' | 'CHECKPOINT_OUTSIDE_BUSINESS_HOURS';
  readonly message: string;
  /** For CHECKPOINT_OUTSIDE_BUSINESS_HOURS: that weekday's working intervals (may be empty). */
  readonly businessHours?: readonly { readonly start: string; readonly end: string }[];
}

/**
 * What is wrong with `time` for `calendar` (empty when valid): the weekday must be Monday–Friday,
 * the time `HH:MM`, and inside one of the weekly working intervals of that weekday (half-open:
 * the closing minute is outside, BUSINESS-TIME.md).
 */
export function checkpointTimeIssues(
  calendar: Pick<CalendarDefinition, 'weekly'>,
  time: CheckpointTime,
): CheckpointTimeIssue[] {
  const issues: CheckpointTimeIssue[] = [];
  const weekdayOk = Number.isInteger(time.weekday) && time.weekday >= 1 && time.weekday <= 5;
  if (!weekdayOk) {
    issues.push({
      field: 'weekday',
      reason: 'INVALID_VALUE',
      message: 'weekday must be 1 (Monday) to 5 (Friday)',
    });
  }
  const minute = parseLocalTime(time.localTime, false);
  if (minute === undefined) {
    issues.push({
      field: 'localTime',
      reason: 'INVALID_VALUE',
      message: 'localTime must be HH:MM (00:00–23:59)',
    });
  } else if (weekdayOk) {
    const intervals = calendar.weekly[time.weekday as IsoWeekday] ?? [];
    const inside = intervals.some((i) => {
      const start = parseLocalTime(i.start, false) ?? Infinity;
      const end = parseLocalTime(i.end, true) ?? -Infinity;
      return minute >= start && minute < end;
    });
    if (!inside) {
      const hours = intervals.map((i) => `${i.start}–${i.end}`).join(', ') || 'none';
      issues.push({
        field: 'localTime',
        reason: 'CHECKPOINT_OUTSIDE_BUSINESS_HOURS',
        message: `${time.localTime} is outside the business hours of that weekday (${hours})`,
        businessHours: intervals.map((i) => ({ start: i.start, end: i.end })),
      });
    }
  }
  return issues;
}

/** The instant of wall time `localTime` on `localDate` in `timeZone` (a DST gap gives its end). */
export function zonedInstant(timeZone: string, localDate: LocalDate, localTime: string): Date {
  const day = parseLocalDate(localDate);
  const minute = parseLocalTime(localTime, false);
  if (day === undefined || minute === undefined) {
    throw new RangeError(`not a local date and time: ${localDate} ${localTime}`);
  }
  const sample = (k: number) => zoneOffsetAt(timeZone, offsetSampleInstant(k));
  return new Date(wallMinutesToInstants(timeZone, day, [minute], sample)[0]);
}

/** The first local date on `time.weekday` whose checkpoint instant is at or after `now`. */
export function firstCheckpointDate(timeZone: string, time: CheckpointTime, now: Date): LocalDate {
  const today = parseLocalDate(localDateIn(timeZone, now))!;
  for (let day = today; ; day++) {
    if (isoWeekdayOf(day) !== time.weekday) continue;
    const date = formatLocalDate(day);
    if (zonedInstant(timeZone, date, time.localTime).getTime() >= now.getTime()) return date;
  }
}

/**
 * The next checkpoint at or after `now` of a cadence (`anchorDate`, then every
 * {@link CHECKPOINT_PERIOD_DAYS} days, at `localTime` in `timeZone`): what a move moves from.
 */
export function nextCheckpointAt(
  timeZone: string,
  anchorDate: LocalDate,
  localTime: string,
  now: Date,
): Date {
  const anchor = parseLocalDate(anchorDate);
  if (anchor === undefined) throw new RangeError(`not a local date: ${anchorDate}`);
  const today = parseLocalDate(localDateIn(timeZone, now))!;
  // From the period that holds yesterday: its date may still be ahead of `now` in the day.
  let k = Math.max(0, Math.floor((today - 1 - anchor) / CHECKPOINT_PERIOD_DAYS));
  for (;;) {
    const at = zonedInstant(
      timeZone,
      formatLocalDate(anchor + k * CHECKPOINT_PERIOD_DAYS),
      localTime,
    );
    if (at.getTime() >= now.getTime()) return at;
    k += 1;
  }
}

/** The checkpoint dates from `anchorDate` on, every {@link CHECKPOINT_PERIOD_DAYS} days. */
export function checkpointDates(anchorDate: LocalDate, count: number): LocalDate[] {
  const anchor = parseLocalDate(anchorDate);
  if (anchor === undefined) throw new RangeError(`not a local date: ${anchorDate}`);
  return Array.from({ length: count }, (_, i) =>
    formatLocalDate(anchor + i * CHECKPOINT_PERIOD_DAYS),
  );
}

/**
 * The Temporal Schedule interval (`Epoch + n·every + offset`) of a client's checkpoint: every 14
 * days, at the earliest UTC instant its local time takes over a year. Calendar specs cannot say
 * "every other week", an interval can; in a zone without DST (America/Mexico_City since 2022)
 * every fire is exactly the local time, in a zone with DST half the fires come early by the shift
 * and the workflow waits for the local time ({@link planCheckpointRun}).
 */
export function checkpointInterval(
  timeZone: string,
  anchorDate: LocalDate,
  localTime: string,
): { readonly every: number; readonly offset: number } {
  // 27 fires span a year, so both sides of any DST rule are seen.
  const firstFire = Math.min(
    ...checkpointDates(anchorDate, 27).map(
      (date, i) => zonedInstant(timeZone, date, localTime).getTime() - i * CHECKPOINT_PERIOD_MS,
    ),
  );
  const offset = ((firstFire % CHECKPOINT_PERIOD_MS) + CHECKPOINT_PERIOD_MS) % CHECKPOINT_PERIOD_MS;
  return { every: CHECKPOINT_PERIOD_MS, offset };
}

/** The fire instants of an interval at or after `from` (what the Schedule will do), `count` of them. */
export function intervalFires(
  interval: { readonly every: number; readonly offset: number },
  from: Date,
  count: number,
): Date[] {
  const n = Math.ceil((from.getTime() - interval.offset) / interval.every);
  return Array.from(
    { length: count },
    (_, i) => new Date(interval.offset + (n + i) * interval.every),
  );
}

/** How a run of the checkpoint workflow builds its agenda. */
export type CheckpointRunKind =
  /** At the checkpoint's local time. */
  | 'SCHEDULED'
  /** The checkpoint day was not a business day (holiday): at the next business moment. */
  | 'MOVED_TO_NEXT_BUSINESS_MOMENT'
  /** Started outside the checkpoint's time (a manual trigger): at once. */
  | 'MANUAL';

export interface CheckpointRunPlan {
  readonly kind: CheckpointRunKind;
  /** The checkpoint's local weekday and time as an instant; null for a manual run. */
  readonly scheduledFor: Date | null;
  /** When the agenda is built. */
  readonly buildAt: Date;
}

/**
 * When the run started (nominally) at `startedAt` builds its agenda. A start within
 * [local time − {@link EARLY_START_TOLERANCE_MS}, local time + {@link LATE_START_TOLERANCE_MS}] of
 * the checkpoint's weekday and time is the scheduled checkpoint: it builds at that time, or, when
 * that is not business time on the client's calendar (a holiday, a day closed by an override),
 * at the **next business moment** (the next opening, e.g. 09:00 of the next business day; the
 * agenda is then ready when the office opens rather than at the same hour a day later). Any other
 * start is a manual trigger and builds at once.
 */
export function planCheckpointRun(
  calendar: CalendarInput,
  time: CheckpointTime,
  startedAt: Date,
): CheckpointRunPlan {
  const target = checkpointNear(calendar.timeZone, time, startedAt);
  if (!target) return { kind: 'MANUAL', scheduledFor: null, buildAt: startedAt };
  const buildAt = nextBusinessMoment(calendar, target);
  return {
    kind: buildAt.getTime() === target.getTime() ? 'SCHEDULED' : 'MOVED_TO_NEXT_BUSINESS_MOMENT',
    scheduledFor: target,
    buildAt,
  };
}

function checkpointNear(timeZone: string, time: CheckpointTime, at: Date): Date | null {
  const from = at.getTime() - LATE_START_TOLERANCE_MS;
  const to = at.getTime() + EARLY_START_TOLERANCE_MS;
  const dates = new Set([
    localDateIn(timeZone, new Date(from)),
    localDateIn(timeZone, new Date(to)),
  ]);
  for (const date of dates) {
    if (isoWeekdayOf(parseLocalDate(date)!) !== time.weekday) continue;
    const instant = zonedInstant(timeZone, date, time.localTime);
    if (instant.getTime() >= from && instant.getTime() <= to) return instant;
  }
  return null;
}

/** The local date of `instant` in `timeZone` (never the UTC date of its ISO string). */
function localDateIn(timeZone: string, instant: Date): LocalDate {
  const ms = instant.getTime();
  return formatLocalDate(Math.floor((ms + zoneOffsetAt(timeZone, ms)) / MS_PER_DAY));
}
