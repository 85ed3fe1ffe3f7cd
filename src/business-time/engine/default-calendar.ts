import type { CalendarDefinition, TimeInterval } from './calendar.types';
import { mexicoLft74HolidaysBetween } from './mexico-holidays';

export const MEXICO_CITY_TIME_ZONE = 'America/Mexico_City';

const OFFICE_HOURS: readonly TimeInterval[] = [{ start: '09:00', end: '18:00' }];

/**
 * The contract's default calendar: America/Mexico_City, Monday–Friday 09:00–18:00, LFT art. 74
 * holidays of `fromYear`–`toYear`. Dates outside those years get no holidays, so cover every
 * year a deadline can reach (e.g. the current year and the next).
 */
export function defaultMexicoCityCalendar(fromYear: number, toYear = fromYear): CalendarDefinition {
  return {
    timeZone: MEXICO_CITY_TIME_ZONE,
    weekly: {
      1: OFFICE_HOURS,
      2: OFFICE_HOURS,
      3: OFFICE_HOURS,
      4: OFFICE_HOURS,
      5: OFFICE_HOURS,
      6: [],
      7: [],
    },
    holidays: mexicoLft74HolidaysBetween(fromYear, toYear),
    overrides: [],
  };
}
