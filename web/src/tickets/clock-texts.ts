import type { SlaClock } from '../api/tickets';

/** The words {@link clockStatusText} and {@link clockTimeText} need (`t.tickets`). */
export interface ClockWords {
  readonly clockStatus: Record<string, string>;
  readonly clockAtRisk: string;
  businessTime(minutes: number): string;
  clockOverdue(minutes: number): string;
}

type ClockShown = Pick<
  SlaClock,
  'status' | 'atRiskRecordedAt' | 'breachedAt' | 'endedAt' | 'remainingMinutes' | 'overdueMinutes'
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
 * ended is («Vencido hace 1 h 20 min hábiles», not «0 min hábiles»); null otherwise.
 */
export function clockTimeText(clock: ClockShown, t: ClockWords): string | null {
  if (clock.breachedAt && !clock.endedAt && clock.overdueMinutes !== null) {
    return t.clockOverdue(clock.overdueMinutes);
  }
  if (clock.status === 'RUNNING' || clock.status === 'PAUSED') {
    return t.businessTime(clock.remainingMinutes);
  }
  return null;
}
