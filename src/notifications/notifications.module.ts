import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { EmailDispatcher } from './email-dispatcher';
import { EmailOutboxResolver } from './email-outbox.resolver';
import { EmailOutboxService } from './email-outbox.service';
import { NotificationsService } from './notifications.service';
import { TicketCalendarLookup } from './ticket-calendar-lookup';

/** SLA emails count business time on the calendars service's compiled, cached calendars. */
const TICKET_CALENDARS: Provider = {
  provide: TicketCalendarLookup,
  // The same instance (and cache) every other domain uses; typed, unlike `useExisting`.
  useFactory: (calendars: CalendarsService): TicketCalendarLookup => calendars,
  inject: [CalendarsService],
};

/**
 * Email for every client-visible event (L3-11). Both processes can queue email
 * ({@link NotificationsService}); the API serves the mail view; the worker runs the dispatcher
 * (any number of worker replicas may, the outbox claim is SKIP LOCKED).
 */
@Module({})
export class NotificationsModule {
  /** The API: enqueue + the `emailOutbox` / `retryEmail` GraphQL operations. */
  static forApi(): DynamicModule {
    return {
      module: NotificationsModule,
      // Global: every domain that records client-visible events queues their email.
      global: true,
      imports: [BusinessTimeModule],
      providers: [NotificationsService, TICKET_CALENDARS, EmailOutboxService, EmailOutboxResolver],
      exports: [NotificationsService],
    };
  }

  /** The worker: enqueue + the dispatcher that sends the outbox. */
  static forWorker(): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [BusinessTimeModule],
      providers: [NotificationsService, TICKET_CALENDARS, EmailDispatcher],
      exports: [NotificationsService],
    };
  }
}
