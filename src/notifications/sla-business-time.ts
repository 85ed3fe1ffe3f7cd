import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { businessMillisecondsBetween } from '../business-time/engine';
import { businessDaysLeft } from '../tickets/business-days-left';
import { workingDayMinutes } from '../tickets/working-day-minutes';
import { clockTarget } from '../../workflows/ticket/ticket-opening';
import type { SlaAtRiskEvent, SlaBreachedEvent } from './notification-event';
import type { TicketCalendar, TicketCalendarLookup } from './ticket-calendar-lookup';

const MS_PER_MINUTE = 60_000;

/**
 * L3-06…L3-09: the business time an SLA email tells, measured on the ticket's calendar (never
 * wall-clock subtraction): what is left of an at-risk clock, and how late a breach is, at `now`
 * (when the email is queued), with the calendar's working day for a clock counted in days. An
 * event that already carries it is returned as it is; so is one with no calendar to count on
 * (none of its own, its client's or a default).
 */
export async function withSlaBusinessTime<E extends SlaAtRiskEvent | SlaBreachedEvent>(
  calendars: TicketCalendarLookup,
  manager: EntityManager,
  event: E,
  now: Date,
): Promise<E> {
  if ('businessMinutesLeft' in event || 'businessMinutesLate' in event) return event;
  const deadline = new Date(event.deadline);
  if (Number.isNaN(deadline.getTime())) return event;
  let calendar: TicketCalendar;
  try {
    calendar = await calendars.forTicket(event.ticket.number, event.ticket.clientOrgId, manager);
  } catch (err) {
    // The email still goes, without the time left, rather than failing the event's transaction.
    if (err instanceof DomainError && err.code === ErrorCode.NOT_FOUND) return event;
    throw err;
  }
  return { ...event, ...slaBusinessTime(calendar, event, now) };
}

type SlaTimed =
  | Pick<SlaAtRiskEvent, 'type' | 'clock' | 'deadline'>
  | Pick<SlaBreachedEvent, 'type' | 'clock' | 'deadline'>;

/** What {@link withSlaBusinessTime} adds, on `calendar`. */
export function slaBusinessTime(
  { engine, stored }: TicketCalendar,
  event: SlaTimed,
  now: Date,
): Pick<
  SlaAtRiskEvent,
  'businessMinutesLeft' | 'businessDayMinutes' | 'businessDaysLeft' | 'calendarTimeZone'
> &
  Pick<SlaBreachedEvent, 'businessMinutesLate'> {
  const deadline = new Date(event.deadline);
  // The same day the web app's clock gives (SlaClock.businessDayMinutes): a clock counted in days
  // is the contract's diagnosis or scheduling clock (`clockTarget`).
  const dayMinutes = clockTarget(event.clock, 0).unit === 'days' ? workingDayMinutes(stored) : null;
  const perDay = {
    ...(dayMinutes === null ? {} : { businessDayMinutes: dayMinutes }),
    calendarTimeZone: engine.timeZone,
  };
  const daysLeft =
    event.type === 'SLA_AT_RISK' && dayMinutes !== null
      ? businessDaysLeft(engine, now, deadline)
      : null;
  return event.type === 'SLA_AT_RISK'
    ? {
        businessMinutesLeft:
          Math.max(0, businessMillisecondsBetween(engine, now, deadline)) / MS_PER_MINUTE,
        ...perDay,
        ...(daysLeft === null ? {} : { businessDaysLeft: daysLeft }),
      }
    : {
        businessMinutesLate:
          Math.max(0, businessMillisecondsBetween(engine, deadline, now)) / MS_PER_MINUTE,
        ...perDay,
      };
}
