import {
  type AttachedFile,
  attachmentBatchKey,
  attachmentEventKey,
  type NotificationEvent,
} from '../notifications/notification-event';
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
    files: [attachedFile(attachment)],
  };
}

function fileOf(a: AttachedFile): AttachedFile {
  return {
    attachmentId: a.attachmentId,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
  };
}

/**
 * A registration's email (the provider's new-ticket one, the registrant's «Ticket registrado»):
 * it names the files sent with the registration and waits for those announced.
 */
function isRegistrationEmail(
  event: NotificationEvent,
): event is Extract<NotificationEvent, { type: 'PROVIDER_NEW_TICKET' | 'TICKET_REGISTERED' }> {
  return event.type === 'PROVIDER_NEW_TICKET' || event.type === 'TICKET_REGISTERED';
}

/** Every file an attachment email names, oldest first (none for other events). */
export function filesOf(event: NotificationEvent): readonly AttachedFile[] {
  if (event.type === 'ATTACHMENT_ADDED') return [fileOf(event), ...(event.more ?? [])];
  if (event.type === 'PROVIDER_CLIENT_ACTIVITY' || isRegistrationEmail(event)) {
    return event.files ?? [];
  }
  return [];
}

/**
 * `event` telling exactly `files`, or `null` when an email about files has none left (a
 * registration's email still tells the ticket).
 */
function tellingFiles(
  event: NotificationEvent,
  files: readonly AttachedFile[],
): NotificationEvent | null {
  if (isRegistrationEmail(event)) {
    return { ...event, files: files.length > 0 ? files : undefined };
  }
  if (files.length === 0) return null;
  if (event.type === 'ATTACHMENT_ADDED') {
    const [first, ...more] = files;
    return { ...event, ...first, more: more.length > 0 ? more : undefined };
  }
  if (event.type === 'PROVIDER_CLIENT_ACTIVITY') {
    return {
      ...event,
      activity: files.length > 1 ? 'ATTACHMENTS_ADDED' : 'ATTACHMENT_ADDED',
      text: files.map((f) => f.fileName).join('\n'),
      files,
    };
  }
  return event;
}

/**
 * L3-11: the files one person attaches to a ticket one after another are told in one email. The
 * first file's email waits `MAIL_BATCH_WINDOW_MS`; each file attached meanwhile by the same person
 * joins it (the client's email lists every file with its size; the agent's lists their names).
 * The registrant's files join the provider's new-ticket email while it waits (QA S20: a ticket
 * registered with a file sent the agents two emails in the same minute).
 */
export function attachmentBatch(ticketNumber: string, uploaderId: string): EmailBatch {
  return {
    key: attachmentBatchKey(ticketNumber, uploaderId),
    merge: (waiting, next) =>
      waiting.type === next.type || isRegistrationEmail(waiting)
        ? withFiles(filesOf(next))(waiting)
        : waiting,
  };
}

/** For {@link NotificationsService.reviseBatch}: the event naming `files` too (once each). */
export function withFiles(
  files: readonly AttachedFile[],
): (event: NotificationEvent) => NotificationEvent {
  return (event) => {
    const known = filesOf(event);
    const added = files.filter((f) => !known.some((k) => k.attachmentId === f.attachmentId));
    if (added.length === 0) return event;
    return tellingFiles(event, [...known, ...added]) ?? event;
  };
}

/**
 * For {@link NotificationsService.reviseBatch}: a registration's email waiting for the files
 * announced with it, waiting for one fewer (one was refused); the same event otherwise.
 */
export function withOneAnnouncedFileLess(event: NotificationEvent): NotificationEvent {
  if (!isRegistrationEmail(event)) return event;
  const announced = event.filesToFollow ?? 0;
  if (announced === 0) return event;
  return { ...event, filesToFollow: announced > 1 ? announced - 1 : undefined };
}

/** The file an email names, from its stored attachment. */
export function attachedFile(attachment: StoredAttachment): AttachedFile {
  return fileOf({ ...attachment, attachmentId: attachment.id });
}

/**
 * A file deleted before its email went is taken out of it (the client never hears the name of a
 * file that is gone); an email left with no file is not sent. For
 * {@link NotificationsService.reviseBatch}: the same event when it does not name the file.
 */
export function withoutAttachment(
  attachmentId: string,
): (event: NotificationEvent) => NotificationEvent | null {
  return (event) => {
    const files = filesOf(event);
    const left = files.filter((f) => f.attachmentId !== attachmentId);
    return left.length === files.length ? event : tellingFiles(event, left);
  };
}
