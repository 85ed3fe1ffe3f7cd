import type { EntityManager } from 'typeorm';
import type { BusinessCalendar, CalendarDefinition } from '../business-time/engine';

/** A ticket's calendar as notifications count on it: compiled, and its weekly schedule. */
export interface TicketCalendar {
  readonly engine: BusinessCalendar;
  /** Whose usual working day is one «día hábil» of a clock counted in days. */
  readonly stored: Pick<CalendarDefinition, 'weekly'>;
}

/**
 * What notifications need of the business calendars: the calendar a ticket's clocks count on (its
 * own, else its client's, else the default), compiled. `CalendarsService` provides it (its
 * `forTicket`, cached per calendar version); an abstract class so Nest can inject it by type
 * without notifications importing the calendars service, whose imports lead back here.
 */
export abstract class TicketCalendarLookup {
  /** Read in `manager`'s transaction (the one that queues the email). */
  abstract forTicket(
    ticketNumber: string,
    clientOrgId: string,
    manager: EntityManager,
  ): Promise<TicketCalendar>;

  /** The zone of that calendar, read without compiling it (every ticket email asks it). */
  abstract timeZoneOfTicket(
    ticketNumber: string,
    clientOrgId: string,
    manager: EntityManager,
  ): Promise<string>;

  /** The zone of the calendar client `organizationId`'s tickets count on (its own, else the default). */
  abstract timeZoneOfOrganization(organizationId: string, manager: EntityManager): Promise<string>;
}
