import { type DynamicModule, Module } from '@nestjs/common';
import { EmailDispatcher } from './email-dispatcher';
import { EmailOutboxResolver } from './email-outbox.resolver';
import { EmailOutboxService } from './email-outbox.service';
import { NotificationsService } from './notifications.service';

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
      providers: [NotificationsService, EmailOutboxService, EmailOutboxResolver],
      exports: [NotificationsService],
    };
  }

  /** The worker: enqueue + the dispatcher that sends the outbox. */
  static forWorker(): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [NotificationsService, EmailDispatcher],
      exports: [NotificationsService],
    };
  }
}
