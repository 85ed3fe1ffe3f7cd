import type { CalendarDefinition } from '../business-time/engine';
import { parseLocalTime } from '../business-time/engine/civil-date';

/**
 * The business minutes of the calendar's usual working day: the working time its weekly schedule
 * gives most of its working weekdays (the longer on a tie; 540 for Monday–Friday 09:00–18:00), or
 * null when no weekday has any. What one «día hábil» of a clock counted in days measures in time
 * (BUSINESS-TIME.md: a business date is a date with working time; holidays and overrides are
 * exceptions to the week, not its day).
 */
export function workingDayMinutes(calendar: Pick<CalendarDefinition, 'weekly'>): number | null {
  // A compiled calendar version is cached and never changes, so every days clock of a page (the
  // SLA board lists 200) asks about the same weekly schedule object.
  const known = usualDayOf.get(calendar.weekly);
  if (known !== undefined) return known;
  const usual = usualDay(calendar.weekly);
  usualDayOf.set(calendar.weekly, usual);
  return usual;
}

const usualDayOf = new WeakMap<CalendarDefinition['weekly'], number | null>();

function usualDay(weekly: CalendarDefinition['weekly']): number | null {
  const days = new Map<number, number>();
  for (const intervals of Object.values(weekly)) {
    const minutes = (intervals ?? []).reduce(
      (sum, { start, end }) => sum + (parseLocalTime(end, true)! - parseLocalTime(start, false)!),
      0,
    );
    if (minutes > 0) days.set(minutes, (days.get(minutes) ?? 0) + 1);
  }
  let usual: number | null = null;
  for (const [minutes, count] of days) {
    const best = usual === null ? 0 : days.get(usual)!;
    if (count > best || (count === best && minutes > usual!)) usual = minutes;
  }
  return usual;
}
