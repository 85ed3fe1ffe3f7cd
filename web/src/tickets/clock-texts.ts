import { parseClockTarget } from '../i18n/clock-target';
import type { SlaClock } from '../api/tickets';
import { clockTimeEn } from '../i18n/clock-time.en';
import { clockTimeEsMX, type ClockTimeMessages } from '../i18n/clock-time.es-mx';
import type { Messages } from '../i18n/es-mx';

/** The words {@link clockStatusText} needs (`t.tickets`). */
export interface ClockWords {
  readonly clockStatus: Record<string, string>;
  readonly clockAtRisk: string;
  readonly clockOffHours: string;
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
  | 'countsFrom'
> &
  Partial<Pick<SlaClock, 'deadline' | 'daysLeft'>>;

/** A target as the API writes it, in days: «5 business days» is 5; null for any other unit. */
function targetDays(target: string): number | null {
  const parsed = parseClockTarget(target);
  return parsed?.unit === 'days' ? parsed.amount : null;
}

/**
 * Whether a paused days clock's time left reads as more than its target («5 días hábiles y 4 h 58
 * min» of a 5-day clock, QA F15): its start day never counts (L3-08/L3-09, BUSINESS-TIME.md), so
 * its budget holds the rest of that day too. The page says so beside the time left, or a manager
 * used to helpdesks that count the first day takes it for a bug. Whole minutes, as the time left
 * reads. A running one says its business dates instead («Resta hoy y 5 días hábiles», QA S62 #13),
 * which need no note.
 */
export function leftIncludesStartDay(
  clock: Pick<SlaClock, 'status' | 'remainingMinutes' | 'businessDayMinutes' | 'target'> &
    Partial<Pick<SlaClock, 'daysLeft'>>,
): boolean {
  const days = targetDays(clock.target);
  if (days === null || clock.businessDayMinutes === null) return false;
  if (clock.status === 'RUNNING' && clock.daysLeft) return false;
  if (clock.status !== 'RUNNING' && clock.status !== 'PAUSED') return false;
  return Math.round(clock.remainingMinutes) > days * clock.businessDayMinutes;
}

/**
 * The kind of the running clock whose deadline `deadline` is (a ticket's next deadline is its
 * soonest running clock's, L3-06…L3-09), so a list can name it: «Avance periódico · vence …». Null
 * when no running clock has that deadline (e.g. the clocks were read a moment apart): no name
 * rather than a wrong one.
 */
export function dueClockKind(
  clocks: readonly Pick<SlaClock, 'status' | 'kind' | 'deadline'>[],
  deadline: string | null,
): string | null {
  if (!deadline) return null;
  const at = Date.parse(deadline);
  const due = clocks.find(
    (clock) => clock.status === 'RUNNING' && clock.deadline && Date.parse(clock.deadline) === at,
  );
  return due?.kind ?? null;
}

/**
 * The open clock whose deadline has passed (breached, not yet ended), soonest deadline first:
 * what a list names when nothing runs. A progress cadence breached (L3-07) or a triage (L3-06)
 * stays owed until the agent acts, and the lists read «Vencido · Sin plazo en curso» (QA S55).
 */
export function overdueClock(
  clocks: readonly Pick<SlaClock, 'status' | 'kind' | 'deadline' | 'endedAt'>[],
): { readonly kind: string; readonly deadline: string } | null {
  let soonest: { kind: string; deadline: string } | null = null;
  for (const clock of clocks) {
    if (clock.status !== 'BREACHED' || clock.endedAt !== null || !clock.deadline) continue;
    if (!soonest || Date.parse(clock.deadline) < Date.parse(soonest.deadline)) {
      soonest = { kind: clock.kind, deadline: clock.deadline };
    }
  }
  return soonest;
}

/**
 * A clock's state as the ticket's SLA reads it: a running clock past its at-risk mark is «En
 * riesgo», not «Corriendo» (QA: the clock said «Corriendo» under a ticket «En riesgo»); one
 * outside business time now is «Fuera de horario hábil» (QA S51: «Corriendo» all weekend).
 */
export function clockStatusText(clock: ClockShown, t: ClockWords): string {
  if (clock.status === 'RUNNING' && clock.atRiskRecordedAt && !clock.breachedAt) {
    return t.clockAtRisk;
  }
  if (clock.status === 'RUNNING' && clock.countsFrom) return t.clockOffHours;
  return t.clockStatus[clock.status] ?? clock.status;
}

/**
 * The business time left of a running or paused clock, or how late a breached one that has not
 * ended is («Vencido hace 1 h 20 min hábiles», not «0 min hábiles»); null otherwise. A clock
 * counted in days says days (QA S20: a 2-day clock read «27 h hábiles»): running, in business
 * dates (`daysLeft`, QA S62 #13: «Resta hoy y 2 días hábiles», «Vence hoy a las 6:00 p.m.» with
 * `formatTime`, never «3 días hábiles» for a 2-day clock); paused, by its calendar's working day
 * (`businessDayMinutes`), as its time left is kept in minutes.
 */
export function clockTimeText(
  clock: ClockShown,
  t: ClockTimeMessages,
  formatTime?: (iso: string) => string,
): string | null {
  if (clock.breachedAt && !clock.endedAt && clock.overdueMinutes !== null) {
    return t.overdue(clock.overdueMinutes, clock.businessDayMinutes);
  }
  if (clock.status === 'RUNNING' && clock.daysLeft) {
    const at = clock.deadline && formatTime ? formatTime(clock.deadline) : undefined;
    return t.daysLeft(clock.daysLeft, at);
  }
  if (clock.status === 'RUNNING' || clock.status === 'PAUSED') {
    return t.left(clock.remainingMinutes, clock.businessDayMinutes);
  }
  return null;
}

/**
 * An SLA clock's name; for a client (`client`) in the words of their emails («Atención inicial»,
 * «Aviso de la fecha de entrega») where staff's are the helpdesk's («Triage», «Programación»).
 */
export function clockKindText(t: Messages, kind: string, client: boolean): string {
  return (
    (client ? t.tickets.clientClockKinds[kind] : undefined) ?? t.tickets.clockKinds[kind] ?? kind
  );
}

/** Every clock's name for this reader ({@link clockKindText}), as a table (event titles). */
export function clockKindsFor(t: Messages, client: boolean): Readonly<Record<string, string>> {
  return client ? { ...t.tickets.clockKinds, ...t.tickets.clientClockKinds } : t.tickets.clockKinds;
}
