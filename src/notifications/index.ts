// What other domains use from notifications: the event contract and the enqueue service.
export type * from './notification-event';
export {
  checkpointDecisionsEventKey,
  checkpointMovedEventKey,
  deliveryAtRiskEventKey,
  releaseOnClosedDayEventKey,
  providerEventKey,
  ticketEventKey,
} from './notification-event';
export { NotificationsModule } from './notifications.module';
export {
  NotificationsService,
  type EnqueueResult,
  type RenderedNotification,
} from './notifications.service';
export { EmailOutboxEntity } from './email-outbox.entity';
export { EmailStatus } from './email-status.enum';
