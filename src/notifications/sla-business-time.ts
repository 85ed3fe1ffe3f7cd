import type { EntityManager } from 'typeorm';
import { compileDefinition } from '../business-time/calendars/holiday-sources';
import { BusinessCalendar, businessMillisecondsBetween } from '../business-time/engine';
import type { CalendarDefinition } from '../business-time/engine';
import type { SlaAtRiskEvent, SlaBreachedEvent } from './notification-event';

const MS_PER_MINUTE = 60_000;

/**
 * L3-06…L3-09: the business time an SLA email tells, measured on the ticket's calendar (never
 * wall-clock subtraction): what is left of an at-risk clock, and how late a breach is, at `now`
 * (when the email is queued). An event that already carries it is returned as it is.
 */
export async function withSlaBusinessTime<E extends SlaAtRiskEvent | SlaBreachedEvent>(
  manager: EntityManager,
  event: E,
  now: Date,
): Promise<E> {
  if ('businessMinutesLeft' in event || 'businessMinutesLate' in event) return event;
  const deadline = new Date(event.deadline);
  if (Number.isNaN(deadline.getTime())) return event;
  const calendar = await ticketCalendar(manager, event.ticket.number, event.ticket.clientOrgId);
  if (!calendar) return event;
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

/**
 * The calendar the ticket's clocks count on (its `calendar_id`), else its client's own calendar,
 * else the default one; current version.
 */
async function ticketCalendar(
  manager: EntityManager,
  ticketNumber: string,
  clientOrgId: string,
): Promise<BusinessCalendar | null> {
  const [row] = await manager.query<
    { definition: CalendarDefinition; holiday_sources: string[] }[]
  >(
    `SELECT v.definition, v.holiday_sources
       FROM business_calendar c
       JOIN business_calendar_version v ON v.calendar_id = c.id AND v.version = c.current_version
      WHERE c.id = coalesce(
              (SELECT calendar_id FROM ticket WHERE number = $1),
              (SELECT id FROM business_calendar WHERE organization_id = $2 LIMIT 1),
              (SELECT id FROM business_calendar WHERE is_default LIMIT 1))`,
    [ticketNumber, clientOrgId],
  );
  return row
    ? new BusinessCalendar(compileDefinition(row.definition, row.holiday_sources ?? []))
    : null;
}
