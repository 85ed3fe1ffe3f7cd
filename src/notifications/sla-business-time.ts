import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { type BusinessCalendar, businessMillisecondsBetween } from '../business-time/engine';
import type { SlaAtRiskEvent, SlaBreachedEvent } from './notification-event';
import type { TicketCalendarLookup } from './ticket-calendar-lookup';

const MS_PER_MINUTE = 60_000;

/**
 * L3-06…L3-09: the business time an SLA email tells, measured on the ticket's calendar (never
 * wall-clock subtraction): what is left of an at-risk clock, and how late a breach is, at `now`
 * (when the email is queued). An event that already carries it is returned as it is; so is one
 * with no calendar to count on (none of its own, its client's or a default).
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
  let calendar: BusinessCalendar;
  try {
    ({ engine: calendar } = await calendars.forTicket(
      event.ticket.number,
      event.ticket.clientOrgId,
      manager,
    ));
  } catch (err) {
    // The email still goes, without the time left, rather than failing the event's transaction.
    if (err instanceof DomainError && err.code === ErrorCode.NOT_FOUND) return event;
    throw err;
  }
  return { ...event, ...slaBusinessTime(calendar, event, now) };
}

/** The minutes {@link withSlaBusinessTime} adds, on `calendar`. */
export function slaBusinessTime(
  calendar: BusinessCalendar,
  event: Pick<SlaAtRiskEvent, 'type' | 'deadline'> | Pick<SlaBreachedEvent, 'type' | 'deadline'>,
  now: Date,
): { businessMinutesLeft: number } | { businessMinutesLate: number } {
  const deadline = new Date(event.deadline);
  return event.type === 'SLA_AT_RISK'
    ? {
        businessMinutesLeft:
          Math.max(0, businessMillisecondsBetween(calendar, now, deadline)) / MS_PER_MINUTE,
      }
    : {
        businessMinutesLate:
          Math.max(0, businessMillisecondsBetween(calendar, deadline, now)) / MS_PER_MINUTE,
      };
}
