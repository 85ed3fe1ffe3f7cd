import { MEXICO_CITY_TIME_ZONE } from '../../src/business-time/engine';
import { localToday } from '../../src/contracts/local-date';

/**
 * This month (YYYY-MM) in the demo's default calendar zone: compliance counts a clock in the month
 * of its calendar's zone (migration 1764319610000), which is not UTC's for six hours of each 1st.
 */
export function calendarMonth(now = new Date(), timeZone = 'America/Mexico_City'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}`;
}

/**
 * Today (YYYY-MM-DD) in the demo's default calendar zone: the latest day work can be logged on for
 * a ticket on that calendar (L3-12), which is not UTC's from 18:00 there.
 */
export function calendarToday(now = new Date(), timeZone = MEXICO_CITY_TIME_ZONE): string {
  return localToday(timeZone, now);
}

/**
 * The last instant at 20:00 in Mexico City (UTC−6 all year since 2022-10-30) not after `now`: an
 * evening when UTC is already on the next day, for a spec that passes it as `now` (L3-12).
 */
export function lastMexicoCityEvening(now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(2, 0, 0, 0); // 20:00 of the day before in Mexico City
  if (at > now) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}

/** `YYYY-MM-DD` plus `days`. */
export function nextDay(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Weekday and wall time of `instant` in Mexico City, e.g. `Wed 11:30` (a checkpoint's run, L3-15). */
export function mexicoCityWall(instant: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: MEXICO_CITY_TIME_ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(instant))
    .replace(',', '');
}

/**
 * The last 20:00 in Mexico City not after now ({@link lastMexicoCityEvening}), its local day and
 * the two days after it: a spec standing where UTC's date is already the local tomorrow (L3-03,
 * L3-12).
 */
export function mexicoCityEveningDays(now = new Date()): {
  evening: Date;
  day: string;
  tomorrow: string;
  dayAfter: string;
} {
  const evening = lastMexicoCityEvening(now);
  const day = localToday(MEXICO_CITY_TIME_ZONE, evening);
  return { evening, day, tomorrow: nextDay(day, 1), dayAfter: nextDay(day, 2) };
}

/**
 * `instant` as the value of a `datetime-local` field on the wall clock of `timeZone` (default:
 * Mexico City, the demo users' zone): `YYYY-MM-DDTHH:mm`.
 */
export function datetimeLocal(instant: Date | string, timeZone = 'America/Mexico_City'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
