import type { EventOfType, NotificationEventType } from '../notification-event';
import type { EmailContent, TemplateContext } from './email-content';

/** Event types that produce email (an internal note produces none). */
export type EmailedEventType = Exclude<NotificationEventType, 'INTERNAL_NOTE'>;

/** One typed template per event type of a family. */
export type TemplateFamily<K extends EmailedEventType> = {
  readonly [T in K]: (event: EventOfType<T>, ctx: TemplateContext) => EmailContent;
};
