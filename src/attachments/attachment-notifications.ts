import { attachmentEventKey, type NotificationEvent } from '../notifications/notification-event';
import type { EmailBatch } from '../notifications/notifications.service';

/** The ticket facts an attachment's email needs. */
export interface AttachmentTicket {
  readonly number: string;
  readonly subject: string;
  readonly registrantId: string;
  readonly organizationId: string;
  readonly assigneeId: string | null;
}

/** The stored attachment an email is about. */
export interface StoredAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly uploadedAt: Date;
}

/**
 * L3-11: the one email a new attachment causes. Provider staff's file is a client-visible event:
 * the registrant hears of it (`ATTACHMENT_ADDED`). A client's file tells the provider as a client
 * comment does (`PROVIDER_CLIENT_ACTIVITY` to the assigned agent, or every agent while nobody is
 * assigned), and is not echoed to the client. Keyed by the attachment's id: offered again, it
 * queues nothing new.
 */
export function attachmentNotification(
  ticket: AttachmentTicket,
  attachment: StoredAttachment,
  uploader: { readonly id: string; readonly providerStaff: boolean },
): NotificationEvent {
  const base = {
    occurredAt: attachment.uploadedAt.toISOString(),
    ticket: {
      number: ticket.number,
      subject: ticket.subject,
      registrantId: ticket.registrantId,
      clientOrgId: ticket.organizationId,
    },
  };
  if (uploader.providerStaff) {
    return {
      ...base,
      type: 'ATTACHMENT_ADDED',
      eventKey: attachmentEventKey(attachment.id, 'client'),
      attachmentId: attachment.id,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      sizeBytes: attachment.sizeBytes,
      uploaderId: uploader.id,
    };
  }
  return {
    ...base,
    type: 'PROVIDER_CLIENT_ACTIVITY',
    eventKey: attachmentEventKey(attachment.id, 'provider'),
    activity: 'ATTACHMENT_ADDED',
    actorId: uploader.id,
    assigneeId: ticket.assigneeId,
    text: attachment.fileName,
  };
}

/**
 * L3-11: the files one person attaches to a ticket one after another are told in one email. The
 * first file's email waits `MAIL_BATCH_WINDOW_MS`; each file attached meanwhile by the same person
 * joins it (the client's email lists every file with its size; the agent's lists their names).
 */
export function attachmentBatch(ticketNumber: string, uploaderId: string): EmailBatch {
  return {
    key: `attachments:${ticketNumber}:${uploaderId}`,
    merge: (waiting, next) => {
      if (waiting.type === 'ATTACHMENT_ADDED' && next.type === 'ATTACHMENT_ADDED') {
        const known = new Set([
          waiting.attachmentId,
          ...(waiting.more ?? []).map((f) => f.attachmentId),
        ]);
        if (known.has(next.attachmentId)) return waiting;
        const file = {
          attachmentId: next.attachmentId,
          fileName: next.fileName,
          sizeBytes: next.sizeBytes,
        };
        return { ...waiting, more: [...(waiting.more ?? []), file] };
      }
      if (waiting.type === 'PROVIDER_CLIENT_ACTIVITY' && next.type === 'PROVIDER_CLIENT_ACTIVITY') {
        const names = [waiting.text, next.text].filter((t): t is string => !!t);
        return { ...waiting, activity: 'ATTACHMENTS_ADDED', text: names.join('\n') };
      }
      return waiting;
    },
  };
}
