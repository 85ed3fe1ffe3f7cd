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
