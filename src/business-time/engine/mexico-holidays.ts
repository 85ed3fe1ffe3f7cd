import { BusinessTimeInputError } from './business-time-input.error';
import type { Holiday } from './calendar.types';
import { daysFromCivil, formatLocalDate, isoWeekdayOf } from './civil-date';

/** `source` of every holiday generated from Ley Federal del Trabajo art. 74. */
export const MX_LFT_74 = 'MX_LFT_74';

/** The Monday rules of art. 74 date from the reform published in the DOF on 2006-01-17. */
export const MX_LFT_74_FIRST_YEAR = 2006;
export const MX_LFT_74_LAST_YEAR = 9999;

/** Since the DOF decree of 2024-09-30 the transfer of power is October 1 (2024, 2030, …). */
const OCTOBER_TRANSFER_FROM = 2024;

/**
 * Mexico's mandatory rest days (LFT art. 74) of `year`, generated from the rules, in date order.
 * No substitute day when one falls on a weekend.
 *
 * - Jan 1; first Monday of February; third Monday of March; May 1; Sep 16;
 *   third Monday of November; Dec 25.
 * - Transfer of the federal executive every six years: October 1 from 2024 on (2024, 2030, …);
 *   December 1 in 2006, 2012 and 2018 under the rule then in force (never Dec 1 from 2024).
 * - Election days are not generated: they are per year and region, entered with source `ELECTION`.
 *
 * @param year 2006–9999; earlier years had fixed dates (Feb 5, Mar 21, Nov 20) and are refused.
 * @throws BusinessTimeInputError for a year outside that range.
 */
export function mexicoLft74Holidays(year: number): Holiday[] {
  checkYear(year, 'year');
  const holidays: Array<[number, string]> = [
    [daysFromCivil(year, 1, 1), 'Año Nuevo'],
    [nthMondayOf(year, 2, 1), 'Día de la Constitución'],
    [nthMondayOf(year, 3, 3), 'Natalicio de Benito Juárez'],
    [daysFromCivil(year, 5, 1), 'Día del Trabajo'],
    [daysFromCivil(year, 9, 16), 'Día de la Independencia'],
    [nthMondayOf(year, 11, 3), 'Día de la Revolución'],
    [daysFromCivil(year, 12, 25), 'Navidad'],
  ];
  if ((year - OCTOBER_TRANSFER_FROM) % 6 === 0) {
    const transfer =
      year >= OCTOBER_TRANSFER_FROM ? daysFromCivil(year, 10, 1) : daysFromCivil(year, 12, 1);
    holidays.push([transfer, 'Transmisión del Poder Ejecutivo Federal']);
  }
  return holidays
    .sort((a, b) => a[0] - b[0])
    .map(([day, name]) => ({ date: formatLocalDate(day), name, source: MX_LFT_74 }));
}

/** Art. 74 holidays of every year in `[fromYear, toYear]`, in date order. */
export function mexicoLft74HolidaysBetween(fromYear: number, toYear: number): Holiday[] {
  checkYear(fromYear, 'fromYear');
  checkYear(toYear, 'toYear');
  if (toYear < fromYear) throw new BusinessTimeInputError('toYear', 'must not be before fromYear');
  const holidays: Holiday[] = [];
  for (let year = fromYear; year <= toYear; year += 1) holidays.push(...mexicoLft74Holidays(year));
  return holidays;
}

function nthMondayOf(year: number, month: number, nth: number): number {
  const first = daysFromCivil(year, month, 1);
  const toMonday = (8 - isoWeekdayOf(first)) % 7;
  return first + toMonday + (nth - 1) * 7;
}

function checkYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < MX_LFT_74_FIRST_YEAR || year > MX_LFT_74_LAST_YEAR) {
    throw new BusinessTimeInputError(
      field,
      `must be a whole year from ${MX_LFT_74_FIRST_YEAR} to ${MX_LFT_74_LAST_YEAR}, got ${String(year)}`,
    );
  }
}
