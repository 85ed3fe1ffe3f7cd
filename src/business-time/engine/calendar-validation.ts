import type { CalendarDefinition } from './calendar.types';
import { CalendarValidationError, type CalendarIssue } from './calendar-validation.error';
import { parseLocalDate, parseLocalTime } from './civil-date';
import { isKnownTimeZone } from './zoned-time';

/**
 * Every problem in a would-be calendar definition (empty when valid). Accepts untrusted JSON:
 * the shape itself is checked too.
 */
export function findCalendarIssues(definition: unknown): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  if (!isRecord(definition)) {
    return [{ code: 'INVALID_SHAPE', path: '', message: 'calendar must be an object' }];
  }

  const { timeZone, weekly, holidays, overrides } = definition;
  if (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone)) {
    issues.push({
      code: 'UNKNOWN_TIME_ZONE',
      path: 'timeZone',
      message: `${JSON.stringify(timeZone)} is not an IANA time zone known to the zone database`,
    });
  }

  if (!isRecord(weekly)) {
    issues.push({ code: 'INVALID_SHAPE', path: 'weekly', message: 'must be an object keyed 1–7' });
  } else {
    for (const [key, intervals] of Object.entries(weekly)) {
      if (!/^[1-7]$/.test(key)) {
        issues.push({
          code: 'INVALID_WEEKDAY',
          path: `weekly.${key}`,
          message: 'weekday keys are ISO weekdays 1 (Monday) to 7 (Sunday)',
        });
        continue;
      }
      // An absent weekday (or one explicitly undefined) is a closed weekday.
      if (intervals !== undefined) checkIntervals(intervals, `weekly.${key}`, issues);
    }
  }

  if (!Array.isArray(holidays)) {
    issues.push({ code: 'INVALID_SHAPE', path: 'holidays', message: 'must be an array' });
  } else {
    const seen = new Set<number>();
    holidays.forEach((holiday: unknown, index) => {
      const path = `holidays[${index}]`;
      if (!isRecord(holiday)) {
        issues.push({ code: 'INVALID_SHAPE', path, message: 'must be an object' });
        return;
      }
      const day = checkDate(holiday.date, `${path}.date`, issues);
      checkText(holiday.name, `${path}.name`, issues);
      checkText(holiday.source, `${path}.source`, issues);
      if (day !== undefined) {
        if (seen.has(day)) {
          issues.push({
            code: 'DUPLICATE_HOLIDAY',
            path: `${path}.date`,
            message: `${String(holiday.date)} is listed more than once`,
          });
        }
        seen.add(day);
      }
    });
  }

  if (!Array.isArray(overrides)) {
    issues.push({ code: 'INVALID_SHAPE', path: 'overrides', message: 'must be an array' });
  } else {
    const seen = new Set<number>();
    overrides.forEach((override: unknown, index) => {
      const path = `overrides[${index}]`;
      if (!isRecord(override)) {
        issues.push({ code: 'INVALID_SHAPE', path, message: 'must be an object' });
        return;
      }
      const day = checkDate(override.date, `${path}.date`, issues);
      checkIntervals(override.intervals, `${path}.intervals`, issues);
      if (override.reason !== undefined && typeof override.reason !== 'string') {
        issues.push({ code: 'INVALID_SHAPE', path: `${path}.reason`, message: 'must be a string' });
      }
      if (day !== undefined) {
        if (seen.has(day)) {
          issues.push({
            code: 'DUPLICATE_OVERRIDE',
            path: `${path}.date`,
            message: `${String(override.date)} has more than one override`,
          });
        }
        seen.add(day);
      }
    });
  }
  return issues;
}

/** Throws a `CalendarValidationError` listing every issue unless `definition` is a valid calendar. */
export function validateCalendar(definition: unknown): asserts definition is CalendarDefinition {
  const issues = findCalendarIssues(definition);
  if (issues.length > 0) throw new CalendarValidationError(issues);
}

function checkIntervals(intervals: unknown, path: string, issues: CalendarIssue[]): void {
  if (!Array.isArray(intervals)) {
    issues.push({ code: 'INVALID_SHAPE', path, message: 'must be an array of {start, end}' });
    return;
  }
  const parsed: Array<{ start: number; end: number; index: number }> = [];
  intervals.forEach((interval: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(interval)) {
      issues.push({ code: 'INVALID_SHAPE', path: at, message: 'must be {start, end}' });
      return;
    }
    const start = parseLocalTime(interval.start, false);
    const end = parseLocalTime(interval.end, true);
    if (start === undefined) {
      issues.push({
        code: 'MALFORMED_TIME',
        path: `${at}.start`,
        message: `${JSON.stringify(interval.start)} is not HH:MM (00:00–23:59)`,
      });
    }
    if (end === undefined) {
      issues.push({
        code: 'MALFORMED_TIME',
        path: `${at}.end`,
        message: `${JSON.stringify(interval.end)} is not HH:MM (00:00–24:00)`,
      });
    }
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      issues.push({
        code: 'END_NOT_AFTER_START',
        path: at,
        message: `end ${String(interval.end)} must be after start ${String(interval.start)}`,
      });
      return;
    }
    parsed.push({ start, end, index });
  });
  parsed.sort((a, b) => a.start - b.start);
  let latest = parsed[0];
  for (const current of parsed.slice(1)) {
    // Half-open intervals: touching (09:00–14:00, 14:00–18:00) is fine, sharing a minute is not.
    if (latest !== undefined && current.start < latest.end) {
      issues.push({
        code: 'OVERLAPPING_INTERVALS',
        path: `${path}[${current.index}]`,
        message: `overlaps ${path}[${latest.index}]`,
      });
    }
    if (latest === undefined || current.end > latest.end) latest = current;
  }
}

function checkDate(value: unknown, path: string, issues: CalendarIssue[]): number | undefined {
  const day = parseLocalDate(value);
  if (day === undefined) {
    issues.push({
      code: 'MALFORMED_DATE',
      path,
      message: `${JSON.stringify(value)} is not a real YYYY-MM-DD date`,
    });
  }
  return day;
}

function checkText(value: unknown, path: string, issues: CalendarIssue[]): void {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push({ code: 'MISSING_TEXT', path, message: 'must be a non-empty string' });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
