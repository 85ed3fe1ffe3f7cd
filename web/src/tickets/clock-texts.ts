import type { SlaClock } from '../api/tickets';
import { clockTimeEn } from '../i18n/clock-time.en';
import { clockTimeEsMX, type ClockTimeMessages } from '../i18n/clock-time.es-mx';

/** The words {@link clockStatusText} needs (`t.tickets`). */
export interface ClockWords {
  readonly clockStatus: Record<string, string>;
  readonly clockAtRisk: string;
}

/** The words {@link clockTimeText} needs, by the page's language (`useI18n().language`). */
export const clockTimeWords: Record<'es-MX' | 'en', ClockTimeMessages> = {
  'es-MX': clockTimeEsMX,
  en: clockTimeEn,
};

type ClockShown = Pick<
  SlaClock,
  | 'status'
  | 'atRiskRecordedAt'
  | 'breachedAt'
  | 'endedAt'
  | 'remainingMinutes'
  | 'overdueMinutes'
  | 'businessDayMinutes'
>;

/**
 * A clock's state as the ticket's SLA reads it: a running clock past its at-risk mark is «En
 * riesgo», not «Corriendo» (QA: the clock said «Corriendo» under a ticket «En riesgo»).
 */
export function clockStatusText(clock: ClockShown, t: ClockWords): string {
  if (clock.status === 'RUNNING' && clock.atRiskRecordedAt && !clock.breachedAt) {
    return t.clockAtRisk;
  }
  return t.clockStatus[clock.status] ?? clock.status;
}

/**
 * The business time left of a running or paused clock, or how late a breached one that has not
 * ended is («Vencido hace 1 h 20 min hábiles», not «0 min hábiles»); null otherwise. A clock
 * counted in days says days (QA S20: a 2-day clock read «27 h hábiles»), by its calendar's working
 * day (`businessDayMinutes`).
 */
export function clockTimeText(clock: ClockShown, t: ClockTimeMessages): string | null {
  if (clock.breachedAt && !clock.endedAt && clock.overdueMinutes !== null) {
    return t.overdue(clock.overdueMinutes, clock.businessDayMinutes);
  }
  if (clock.status === 'RUNNING' || clock.status === 'PAUSED') {
    return t.left(clock.remainingMinutes, clock.businessDayMinutes);
  }
  return null;
}
