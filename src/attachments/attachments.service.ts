import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { filesNotArrived } from '../tickets/announced-files';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { type AuthenticatedUser, isProviderStaff, type Role } from '../identity';
import { NotificationsService } from '../notifications/notifications.service';
import type { TicketWithParts } from '../tickets/ticket.mapper';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-number';
import { actingRole } from '../tickets/user-names.loader';
import { notifyTicketChanged, TICKET_CHANGED_CHANNEL } from '../tickets/ticket-projection.service';
import { TicketsService } from '../tickets/tickets.service';
import { assertTicketOpen } from '../tickets/ticket-open';
import {
  attachedFile,
  attachmentBatch,
  attachmentNotification,
  withFiles,
  withOneAnnouncedFileLess,
  withoutAttachment,
} from './attachment-notifications';
import { acceptFile, attachmentLimitReached, type IncomingFile, UUID } from './attachment-policy';
import { COMMENT_FILE_HOLD_MS } from './comment-files';
import { TicketAttachmentEntity } from './ticket-attachment.entity';

/** The columns every read but the download selects (never the bytes). */
const META_COLUMNS: (keyof TicketAttachmentEntity)[] = [
  'id',
  'ticketNumber',
  'fileName',
  'mediaType',
  'sizeBytes',
  'sha256',
  'internal',
  'uploadedBy',
  'uploadedByRole',
  'uploadedAt',
  'deletedAt',
  'deletedBy',
  'deletedByRole',
];

/** A download: the stored facts and the bytes (only a live file has them). */
export type AttachmentContent = TicketAttachmentEntity & { readonly content: Buffer };

/**
 * Files attached to tickets. Whoever may see a ticket sees its files, exactly as the ticket
 * itself (`TicketsService.get`): client users their own organization's, provider staff all;
 * anyone else gets NOT_FOUND, never FORBIDDEN. An upload is checked whole (limits, allow-list,
 * content) before anything is written; the row and its one email are written in one transaction.
 * A deleted file keeps its row, without its bytes, as the record that it existed. An upload or a
 * deletion notifies `ticket_changed` with the ticket's number in its transaction (heard on commit
 * only), so open pages follow it live; `LiveUpdatesService` applies the ticket's access rule.
 *
 * An internal file (provider staff only, like an internal note) does not exist for client users:
 * not listed, NOT_FOUND to download or delete, never emailed to them. It still takes one of the
 * ticket's `ATTACHMENT_MAX_PER_TICKET` places. The live notification carries only the number.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /**


   */
  list(user: AuthenticatedUser, ticketNumber: string): Promise<TicketAttachmentEntity[]> {
    // A file uploaded for a comment shows once the comment names it (QA S58: files of a comment
    // that was refused stayed on the ticket, told to nobody).
    const shown = { ticketNumber, heldForCommentUntil: IsNull() };
    return this.db.getRepository(TicketAttachmentEntity).find({
      select: META_COLUMNS,
      where: isProviderStaff(user) ? shown : { ...shown, internal: false },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * QA S62 #5: the files the registrant announced with the registration that never arrived (the
   * tab closed mid-upload, an upload failed), by name: each file of theirs on the ticket, live or
   * deleted since, outside a pending comment and not internal, answers one announced name. One
   * statement; the caller has checked the ticket is visible.
   */
  async missingAnnounced(ticketNumber: string): Promise<string[]> {
    const [row] = await this.db.query<{ announced: string[]; arrived: string[] }[]>(
      `SELECT t.announced_file_names AS announced,
              ARRAY(SELECT a.file_name FROM ticket_attachment a
                     WHERE a.ticket_number = t.number AND a.uploaded_by = t.registrant_id
                       AND NOT a.internal AND a.held_for_comment_until IS NULL) AS arrived
         FROM ticket t
        WHERE t.number = $1`,
      [ticketNumber],
    );
    return row ? filesNotArrived(row.announced, row.arrived) : [];
  }

  /**
   * Attaches `file` to ticket `number` (L3-11) and queues its email: to the registrant when
   * provider staff attached it, to the assigned agent (or every agent) when a client user did; the
   * registrant's file goes in the provider's new-ticket email instead while that email waits.
   * Refused, with nothing stored: a ticket the caller may not see (NOT_FOUND), a closed or
   * cancelled ticket (INVALID_TRANSITION `TICKET_CLOSED`), a ticket already at
   * `ATTACHMENT_MAX_PER_TICKET` live files of the new file's kind (`ATTACHMENT_LIMIT`; deleted ones
   * do not count, and internal files have places of their own, so files a client cannot see never
   * take a client's place), and a file that is too large, empty, of a
   * type not on the allow-list or whose bytes are not of its type. `internal`: provider staff only
   * (a client user is FORBIDDEN `INTERNAL_FILE_STAFF_ONLY`); the file is kept from the client and
   * no email is queued for it. `forComment`: the file goes with its uploader's next comment, whose
   * email names it (no email of its own).
   */
  async upload(
    user: AuthenticatedUser,
    number: string,
    file: IncomingFile | undefined,
    internal = false,
    forComment = false,
  ): Promise<TicketAttachmentEntity> {
    const ticket = await this.visibleTicket(user, number);
    if (internal && !isProviderStaff(user)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only provider staff may attach an internal file',
        { reason: 'INTERNAL_FILE_STAFF_ONLY' },
      );
    }
    assertTicketOpen(ticket.number, ticket.state, 'attachments');
    const limits = this.config.attachments;
    // Cheap refusals first; the transaction below checks the count again under a lock.
    if ((await this.count(this.db.manager, ticket.number, internal)) >= limits.maxPerTicket) {
      throw attachmentLimitReached(ticket.number, limits.maxPerTicket);
    }
    let accepted: ReturnType<typeof acceptFile>;
    try {
      accepted = acceptFile(file, limits);
    } catch (err) {
      if (err instanceof DomainError) await this.oneAnnouncedFileLess(user, ticket);
      throw err;
    }
    const sha256 = createHash('sha256').update(accepted.content).digest('hex');
    // L3-11: the history names the role the file was attached in, whatever the person holds later.
    const role = actingRole(user.roles);

    return this.db.transaction(async (tx) => {
      // One upload at a time per ticket, so two at once cannot both take the last place.
      await lockTicketFiles(tx, ticket.number);
      // FOR SHARE: an assignment being projected right now commits first and is read here, or
      // waits for this file's email, which its relay then re-addresses (readdressUnsent, L3-11).
      // The relay of its registration (which queues the new-ticket email) waits for this lock too.
      const [current] = await tx.query<
        { state: string; assignee_id: string | null; notified_seq: number }[]
      >(`SELECT state, assignee_id, notified_seq FROM ticket WHERE number = $1 FOR SHARE`, [
        ticket.number,
      ]);
      assertTicketOpen(ticket.number, current?.state ?? ticket.state, 'attachments');
      if ((await this.count(tx, ticket.number, internal)) >= limits.maxPerTicket) {
        throw attachmentLimitReached(ticket.number, limits.maxPerTicket);
      }
      // A file for a comment is held until the comment names it (removed if it never does).
      const [row] = await tx.query<{ id: string; uploaded_at: Date }[]>(
        `INSERT INTO ticket_attachment
           (ticket_number, file_name, media_type, size_bytes, sha256, content, uploaded_by,
            uploaded_by_role, internal, held_for_comment_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
                 CASE WHEN $10::boolean THEN now() + $11::int * interval '1 millisecond' END)
         RETURNING id, uploaded_at`,
        [
          ticket.number,
          accepted.fileName,
          accepted.mediaType,
          accepted.content.length,
          sha256,
          accepted.content,
          user.id,
          role,
          internal,
          forComment,
          COMMENT_FILE_HOLD_MS,
        ],
      );
      await notifyTicketChanged(tx, ticket.number);
      const stored: TicketAttachmentEntity = {
        id: row.id,
        ticketNumber: ticket.number,
        fileName: accepted.fileName,
        mediaType: accepted.mediaType,
        sizeBytes: accepted.content.length,
        sha256,
        content: accepted.content,
        internal,
        uploadedBy: user.id,
        uploadedByRole: role,
        uploadedAt: row.uploaded_at,
        deletedAt: null,
        deletedBy: null,
        deletedByRole: null,
      };
      // An internal file is told to nobody outside the provider: no email, no batch. A file for a
      // comment is told in the comment's email (`addComment(attachmentIds)`).
      if (internal || forComment) return stored;
      // L3-11 (QA S20): a file the registrant sends with the registration is told in the
      // provider's new-ticket email, not in one of its own: before the registration's emails are
      // queued (TicketEmailRelay) that email, queued then, lists it; while it waits its window,
      // the file joins it.
      const byRegistrant = user.id === ticket.registrantId;
      if (byRegistrant && current?.notified_seq === 0) return stored;
      const batch = attachmentBatch(ticket.number, user.id);
      await this.notifications.enqueue(
        tx,
        attachmentNotification(
          { ...ticket, assigneeId: current?.assignee_id ?? ticket.assigneeId },
          stored,
          { id: user.id, providerStaff: isProviderStaff(user) },
        ),
        batch,
      );
      // The managers' copy of the waiting new-ticket email too (a file's own email is the agents'),
      // and the registrant's own «Ticket registrado» (QA S56).
      // Only while it waits its window, as the agents' copy merges: past it, the file is told on
      // its own rather than added to an email that may have reached someone in a failed attempt.
      if (byRegistrant) {
        await this.notifications.reviseBatch(
          tx,
          batch.key,
          withFiles([attachedFile(stored)]),
          'waiting',
        );
      }
      return stored;
    });
  }

  /**
   * A file of the registrant's was refused: the registration's emails waiting for the files
   * announced with it (`attachmentsToFollow`) stop waiting for this one, so they go once the others
   * are in rather than at the end of their window (QA S57: a refused file held them a minute). Only
   * those emails' schedule moves: the ticket and its files are unchanged.
   */
  private async oneAnnouncedFileLess(user: AuthenticatedUser, ticket: TicketWithParts) {
    if (user.id !== ticket.registrantId) return;
    await this.db.transaction((tx) =>
      this.notifications.reviseBatch(
        tx,
        attachmentBatch(ticket.number, user.id).key,
        withOneAnnouncedFileLess,
        'waiting',
      ),
    );
  }

  /**
   * One file with its bytes, if the caller may see its ticket; NOT_FOUND otherwise (an internal
   * file too, to a client user). A deleted file is NOT_FOUND with reason `ATTACHMENT_DELETED`
   * (told only to whoever sees the ticket and the file).
   */
  async download(user: AuthenticatedUser, id: string): Promise<AttachmentContent> {
    const row = await this.find(id, true);
    await this.visibleTicketOf(user, row);
    assertFileVisible(user, row);
    if (row.deletedAt || !row.content) throw attachmentDeleted(row);
    return { ...row, content: row.content };
  }

  /**
   * Deletes a file: its bytes are removed for good, its row stays with who deleted it and when
   * (no email is sent). Its uploader may delete it while the ticket is open; provider staff may
   * delete any file, also on a closed ticket (e.g. a log that should never have held a password).
   * Anyone else who sees the ticket is FORBIDDEN (`NOT_UPLOADER`); whoever does not is told
   * NOT_FOUND (an internal file, to a client user, as if it did not exist). A file deleted already is answered as it is and nothing changes (a retried
   * request, two people at once): the first deletion's who and when stay.
   */
  async delete(user: AuthenticatedUser, id: string): Promise<TicketAttachmentEntity> {
    const row = await this.find(id, false);
    const ticket = await this.visibleTicketOf(user, row);
    assertFileVisible(user, row);
    if (!isProviderStaff(user)) {
      if (row.uploadedBy !== user.id) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          'Only the person who attached a file, or provider staff, may delete it',
          { reason: 'NOT_UPLOADER' },
        );
      }
      assertTicketOpen(ticket.number, ticket.state, 'attachments');
    }
    if (row.deletedAt) return row;
    const deleted = await this.db.transaction(async (tx) => {
      // L3-11: taken as an upload takes them. An upload merging its file into the waiting email
      // (which `reviseBatch` would skip while it is locked) commits first, and so does the relay
      // of the registration queuing the new-ticket email (it holds the ticket's row): their email
      // is revised below. One that comes later waits, then no longer sees the file.
      await lockTicketFiles(tx, row.ticketNumber);
      await tx.query(`SELECT 1 FROM ticket WHERE number = $1 FOR SHARE`, [row.ticketNumber]);
      // One statement: the deletion and its live notification go together, and nothing is
      // notified when someone else deleted it first.
      // The role it is deleted in goes with who and when (L3-11 audit trail).
      const [done] = await tx.query<
        { deleted_at: Date; deleted_by: string; deleted_by_role: Role | null }[]
      >(
        `WITH deleted AS (
           UPDATE ticket_attachment
              SET content = NULL, sha256 = NULL, deleted_at = now(), deleted_by = $2,
                  deleted_by_role = $4
            WHERE id = $1 AND deleted_at IS NULL
            RETURNING ticket_number, deleted_at, deleted_by, deleted_by_role)
         SELECT deleted_at, deleted_by, deleted_by_role, pg_notify($3, ticket_number) FROM deleted`,
        [row.id, user.id, TICKET_CHANGED_CHANNEL, actingRole(user.roles)],
      );
      // L3-11: an email about the file that has not gone yet no longer names it, also one past
      // its window that no dispatcher took yet (worker busy or down) or waiting to be retried.
      if (done && !row.internal) {
        await this.notifications.reviseBatch(
          tx,
          attachmentBatch(row.ticketNumber, row.uploadedBy).key,
          withoutAttachment(row.id),
          'unsent',
        );
      }
      return done;
    });
    // Someone else deleted it since it was read: their deletion is the record.
    if (!deleted) return this.find(row.id, false);
    return {
      ...row,
      sha256: null,
      deletedAt: deleted.deleted_at,
      deletedBy: deleted.deleted_by,
      deletedByRole: deleted.deleted_by_role,
    };
  }

  /**
   * The ticket's live files of one kind, shared or internal (a deleted file frees its place): each
   * kind has `ATTACHMENT_MAX_PER_TICKET` places, so the count a client sees is the one it is held to.
   */
  private count(manager: EntityManager, ticketNumber: string, internal: boolean): Promise<number> {
    return manager
      .getRepository(TicketAttachmentEntity)
      .countBy({ ticketNumber, internal, deletedAt: IsNull() });
  }

  private async find(id: string, withContent: boolean): Promise<TicketAttachmentEntity> {
    const row = UUID.test(id)
      ? await this.db.getRepository(TicketAttachmentEntity).findOne({
          select: withContent ? [...META_COLUMNS, 'content'] : META_COLUMNS,
          where: { id },
        })
      : null;
    if (!row) throw attachmentNotFound(id);
    return row;
  }

  /** The ticket, by the ticket's own access rule; NOT_FOUND for anyone who may not see it. */
  private async visibleTicket(user: AuthenticatedUser, number: string): Promise<TicketWithParts> {
    if (!TICKET_NUMBER_PATTERN.test(number)) {
      throw notFound('ticket', number, `Ticket ${number} not found`);
    }
    return this.tickets.get(user, number);
  }

  /** The file's ticket; a ticket the caller may not see says the *file* is not found. */
  private async visibleTicketOf(
    user: AuthenticatedUser,
    row: TicketAttachmentEntity,
  ): Promise<TicketWithParts> {
    try {
      return await this.tickets.get(user, row.ticketNumber);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NOT_FOUND) {
        throw attachmentNotFound(row.id);
      }
      throw err;
    }
  }
}

/** An internal file does not exist for a client user: NOT_FOUND, as an unknown id. */
function assertFileVisible(user: AuthenticatedUser, row: TicketAttachmentEntity): void {
  if (row.internal && !isProviderStaff(user)) throw attachmentNotFound(row.id);
}

function attachmentNotFound(id: string): DomainError {
  return notFound('attachment', id, `Attachment ${id} not found`);
}

/** NOT_FOUND `ATTACHMENT_DELETED`: the file existed, its bytes are gone. */
function attachmentDeleted(row: TicketAttachmentEntity): DomainError {
  const deletedAt = row.deletedAt?.toISOString() ?? null;
  return new DomainError(
    ErrorCode.NOT_FOUND,
    `Attachment ${row.id} (${row.fileName}) was deleted${deletedAt ? ` at ${deletedAt}` : ''}`,
    {
      reason: 'ATTACHMENT_DELETED',
      entity: 'attachment',
      id: row.id,
      fileName: row.fileName,
      deletedAt,
    },
  );
}

/** One change of a ticket's files at a time (an upload, a deletion), for the rest of `tx`. */
async function lockTicketFiles(tx: EntityManager, ticketNumber: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `ticket_attachment:${ticketNumber}`,
  ]);
}
