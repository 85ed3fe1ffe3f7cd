import { isKnownTimeZone } from '../../business-time/engine';
import { ticketPath } from '../../shared/portal-paths';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, Locale } from '../../identity/locale.enum';
import type { StoredAttachment } from '../email-outbox.entity';
import { icsFileName } from '../ics-columns';
import { type NotificationEvent, timelineSeqOf } from '../notification-event';
import { eventSide, type RecipientSide } from '../recipient-rules';
import { attachmentTemplates } from './attachment.templates';
import { autoCloseTemplates } from './auto-close.templates';
import { deliveryTemplates } from './delivery.templates';
import { commentTemplates } from './comment.templates';
import { deadlineMovedTemplates } from './deadline-moved.templates';
import { deliveryRiskTemplates } from './delivery-risk.templates';
import {
  type CalendarEntry,
  renderLayout,
  type EmailContent,
  type TemplateContext,
} from './email-content';
import { estimateTemplates } from './estimate.templates';
import { estimateFeedbackTemplates } from './estimate-feedback.templates';
import { estimateReminderTemplates } from './estimate-reminder.templates';
import { executionTemplates } from './execution.templates';
import { RecipientDates } from './format';
import { renderIcs } from './ics';
import { inactiveUserBlocks } from './inactive-user-notes';
import { intakeTemplates } from './intake.templates';
import { providerTemplates } from './provider.templates';
import { remoteSessionTemplates } from './remote-session.templates';
import { slaTemplates } from './sla.templates';
import { testingFeedbackTemplates } from './testing-feedback.templates';
import { testingReminderTemplates } from './testing-reminder.templates';
import type { EmailedEventType, TemplateFamily } from './template-types';

/** Bump when a template's wording changes meaningfully; stored on every outbox row. */
export const TEMPLATE_VERSION = 1;

const TEMPLATES: TemplateFamily<EmailedEventType> = {
  ...intakeTemplates,
  ...remoteSessionTemplates,
  ...estimateTemplates,
  ...deliveryTemplates,
  ...slaTemplates,
  ...commentTemplates,
  ...estimateFeedbackTemplates,
  ...estimateReminderTemplates,
  ...testingReminderTemplates,
  ...testingFeedbackTemplates,
  ...executionTemplates,
  ...providerTemplates,
  ...deliveryRiskTemplates,
  ...autoCloseTemplates,
  ...attachmentTemplates,
  ...deadlineMovedTemplates,
};

/** The person an email is written for. */
export interface EmailRecipient {
  /** `app_user.id`, when the recipient is a user (a template may address their own action). */
  readonly id?: string;
  readonly email: string;
  readonly displayName: string;
  /** `es-MX` or `en`; anything else falls back to es-MX. */
  readonly locale: string;
  /** IANA zone; an unknown one falls back to America/Mexico_City. */
  readonly timeZone: string;
  /**
   * Who the email is written for (the footer): the side of the audience that chose the recipient;
   * when absent, staff for an event only staff receive, else the client.
   */
  readonly side?: RecipientSide;
  /**
   * L3-11 (QA S63 #6): the inactive registrant this client approver stands in for; the email says
   * why it reaches them.
   */
  readonly standsInFor?: string;
  /** QA S63 #6: a manager's once-per-ticket copy of client activity while the assignee is inactive. */
  readonly managersOnce?: boolean;
}

export interface RenderOptions {
  /** `PUBLIC_URL`: base of the ticket link. */
  readonly publicUrl: string;
  /** `MAIL_FROM`: the `.ics` organizer. */
  readonly from: string;
  /** Domain of Message-IDs and `.ics` UIDs. */
  readonly domain: string;
  /** Display names of the users the event mentions, by id. */
  readonly names?: ReadonlyMap<string, string>;
  /**
   * The IANA zone of the ticket's business calendar, when known (QA S60b #3): the templates add a
   * deadline's time there when the recipient's zone reads it otherwise. Kept in the outbox row's
   * payload, so an email rendered again (a batch, a re-addressed copy) says it too.
   */
  readonly calendarTimeZone?: string;
  /**
   * The ticket's assignee when deactivated (QA S63 #6): staff emails say «Asignado a … (cuenta
   * inactiva): reasígnelo.». Kept in the outbox row's payload like the calendar's zone.
   */
  readonly inactiveAssigneeId?: string;
}

export interface RenderedEmail {
  /** e.g. `TICKET_REGISTERED.v1`. */
  readonly template: string;
  readonly locale: Locale;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: StoredAttachment[];
}

/**
 * What every template reads of its recipient: their language (Spanish unless English), dates in
 * their time zone (the default when unknown), and links under `publicUrl`; `path` is the page the
 * email is about (the ticket, or a checkpoint agenda).
 */
export function recipientContext(
  recipient: EmailRecipient,
  options: RenderOptions,
  path: string,
): TemplateContext {
  const locale = recipient.locale === (Locale.EN as string) ? Locale.EN : DEFAULT_LOCALE;
  const timeZone = isKnownTimeZone(recipient.timeZone) ? recipient.timeZone : DEFAULT_TIME_ZONE;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  return {
    locale,
    dates: new RecipientDates(locale, timeZone),
    recipientName: recipient.displayName,
    ...(recipient.id ? { recipientId: recipient.id } : {}),
    ...(recipient.side === 'STAFF' ? { staff: true } : {}),
    ticketUrl: `${publicUrl}${path}`,
    publicUrl,
    names: options.names ?? new Map(),
    ...(options.calendarTimeZone && isKnownTimeZone(options.calendarTimeZone)
      ? { calendarTimeZone: options.calendarTimeZone }
      : {}),
    t: (es, en) => (locale === Locale.EN ? en : es),
  };
}

/** {@link recipientContext} of an email about one ticket: its link goes to the ticket's page. */
export function ticketEmailContext(
  recipient: EmailRecipient,
  options: RenderOptions,
  ticketNumber: string,
): TemplateContext {
  return recipientContext(recipient, options, ticketPath(ticketNumber));
}

/**
 * Renders the email of `event` for one recipient: their language, dates in their time zone, the
 * ticket link, the "reply on the platform" guidance, and an `.ics` when the event has a date.
 * `null` for events that never produce email (internal notes).
 */
export function renderEmail(
  event: NotificationEvent,
  recipient: EmailRecipient,
  options: RenderOptions,
): RenderedEmail | null {
  if (event.type === 'INTERNAL_NOTE') return null;
  // L3-11: nobody is emailed their own comment (a registrant's or participant's, QA S43), nor
  // their own failure report (QA S60 #4).
  if (recipient.id !== undefined && recipient.id === ownActorOf(event)) return null;
  // QA S63: nor of their own assignment, but for the confirmed session it hands them.
  if (recipient.id !== undefined && ownAssignmentWithoutHandover(event, recipient.id)) return null;
  const ctx = ticketEmailContext(
    { ...recipient, side: recipient.side ?? eventSide(event.type) },
    options,
    event.ticket.number,
  );
  const told = applyTemplate(event, ctx);
  const notes = inactiveUserBlocks(
    {
      ...(recipient.standsInFor ? { standsInFor: recipient.standsInFor } : {}),
      ...(options.inactiveAssigneeId ? { inactiveAssigneeId: options.inactiveAssigneeId } : {}),
      ...(recipient.managersOnce ? { managersOnce: true } : {}),
    },
    ctx,
  );
  const content = notes.length === 0 ? told : { ...told, blocks: [...told.blocks, ...notes] };
  const body = renderLayout(content, ctx);
  const attachments: StoredAttachment[] = [];
  const calendars: readonly CalendarEntry[] = content.calendar ? [content.calendar].flat() : [];
  for (const entry of calendars) {
    const organizer = parseFrom(options.from);
    const cancelled = entry.cancelled === true;
    const ics = renderIcs({
      // One entry per ticket and kind: a moved date updates it, a cancellation removes it (a
      // remote session proposed after a cancelled one is a new entry, `uidName`, QA S63 #4).
      uidSeed: `${event.ticket.number}#${entry.uidName ?? entry.name}`,
      // Later emails about the entry carry a higher revision: the seconds of the event plus its
      // timeline seq, so two events of the same second (a confirmation and a decline, QA S60b #6)
      // still count up, and every revision stays above those sent as seconds alone.
      sequence: Math.floor(Date.parse(event.occurredAt) / 1000) + timelineSeqOf(event.eventKey),
      cancelled,
      ...(entry.tentative && !cancelled ? { tentative: true } : {}),
      domain: options.domain,
      stamp: new Date(event.occurredAt),
      start: entry.start,
      summary: entry.summary,
      description: entry.description,
      ...(entry.location ? { location: entry.location } : {}),
      url: ctx.ticketUrl,
      organizer,
      attendee: { name: recipient.displayName, address: recipient.email },
    });
    attachments.push({
      filename: icsFileName(event.ticket.number, entry.name),
      contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
      content: Buffer.from(ics, 'utf8').toString('base64'),
    });
  }
  return {
    template: `${event.type}.v${TEMPLATE_VERSION}`,
    locale: ctx.locale,
    ...body,
    attachments,
  };
}

/** Who did what a client-side event tells, when its email is not for them (their own words). */
function ownActorOf(event: NotificationEvent): string | undefined {
  switch (event.type) {
    case 'COMMENT_ADDED':
      return event.authorId;
    case 'FAILURES_REPORTED':
      return event.reporterId;
    default:
      return undefined;
  }
}

/**
 * QA S63 (L3-06, L3-07): an agent who assigned the ticket to themselves (`selfAssigned`) is
 * emailed only the invitation of the confirmed session it hands them: none when there is no
 * session or their calendar holds it already (`heldBy`: they proposed it, or had it before).
 */
function ownAssignmentWithoutHandover(event: NotificationEvent, recipientId: string): boolean {
  if (event.type !== 'PROVIDER_ASSIGNED' || !event.selfAssigned) return false;
  if (recipientId !== event.assigneeId) return false;
  const session = event.sessionCalendar?.session;
  return !session || (session.heldBy ?? []).includes(recipientId);
}

function applyTemplate(
  event: Extract<NotificationEvent, { type: EmailedEventType }>,
  ctx: TemplateContext,
): EmailContent {
  // The map is exhaustive and keyed by type, so the template fits the event it is looked up by.
  const template = TEMPLATES[event.type] as (e: typeof event, c: TemplateContext) => EmailContent;
  return template(event, ctx);
}

/** `Soporte L3 <soporte@becken.mx>` → name and address. */
export function parseFrom(from: string): { name: string; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1] || m[2], address: m[2] } : { name: from.trim(), address: from.trim() };
}
