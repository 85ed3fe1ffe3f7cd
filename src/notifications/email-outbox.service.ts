import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { containsPattern } from '../common/like-pattern';
import type { Locale } from '../identity/locale.enum';
import type { StoredAttachment } from './email-outbox.entity';
import { EmailStatus } from './email-status.enum';

/** One outbox row as the mail view shows it (no bodies). */
export interface OutboxEmailView {
  readonly id: string;
  readonly eventKey: string;
  readonly eventType: string;
  readonly ticketNumber: string | null;
  readonly organizationName: string | null;
  readonly recipientUserId: string | null;
  readonly recipientAddress: string;
  readonly locale: Locale;
  readonly subject: string;
  readonly status: EmailStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly messageId: string;
  readonly attachmentNames: string[];
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

/** What the mail view can be narrowed to (`EmailOutboxArgs`). */
export interface OutboxFilter {
  readonly status?: EmailStatus;
  /** Exact ticket number. */
  readonly ticketNumber?: string;
  /** A part of the recipient address, any case. */
  readonly recipient?: string;
  /** Queued at or after. */
  readonly from?: Date;
  /** Queued before. */
  readonly to?: Date;
}

export interface OutboxPage {
  readonly nodes: OutboxEmailView[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

interface Row {
  id: string;
  event_key: string;
  event_type: string;
  ticket_number: string | null;
  organization_name: string | null;
  recipient_user_id: string | null;
  recipient_address: string;
  locale: Locale;
  subject: string;
  status: EmailStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  message_id: string;
  attachments: StoredAttachment[];
  created_at: Date;
  sent_at: Date | null;
  /** created_at in whole microseconds, for an exact keyset cursor. */
  created_us: string;
}

/**
 * The client organization an email is about, by name: read from the event the row keeps (a
 * ticket's `clientOrgId`; an agenda's, a checkpoint's or an hours email's `organizationId`).
 */
const ORGANIZATION_NAME = `(SELECT o.name FROM organization o WHERE o.id::text = COALESCE(
    payload #>> '{event,ticket,clientOrgId}',
    payload #>> '{event,checkpoint,organizationId}',
    payload #>> '{event,organizationId}',
    payload #>> '{event,detail,organizationId}')) AS organization_name`;

const COLUMNS = `id, event_key, event_type, ticket_number, recipient_user_id, recipient_address,
  locale, subject, status, attempts, next_attempt_at, last_error, message_id, attachments,
  created_at, sent_at, floor(extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us,
  ${ORGANIZATION_NAME}`;

/** The mail view of managers and admins: list the outbox, requeue a failed email. */
@Injectable()
export class EmailOutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Newest first, in keyset pages, narrowed by any of: status, ticket (exact), recipient (a
   * case-insensitive part of the address) and when it was queued (`from` ≤ created_at < `to`).
   * Each filter reads an index (migrations 1764317200000, 1764319853000): a manager's «did the
   * client get the email for L3-2026-000123?» stays quick with years of mail (L3-11).
   */
  async list(args: OutboxFilter & { first: number; after?: string }): Promise<OutboxPage> {
    if (args.from && args.to && args.to.getTime() < args.from.getTime()) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'to is before from', {
        reason: 'INVALID_VALUE',
        field: 'to',
        value: args.to.toISOString(),
      });
    }
    const params: unknown[] = [args.first + 1];
    const where: string[] = [];
    if (args.status) {
      params.push(args.status);
      where.push(`status = $${params.length}`);
    }
    if (args.ticketNumber) {
      params.push(args.ticketNumber);
      where.push(`ticket_number = $${params.length}`);
    }
    const recipient = args.recipient?.trim();
    if (recipient) {
      params.push(containsPattern(recipient));
      where.push(`recipient_address ILIKE $${params.length}`);
    }
    if (args.from) {
      params.push(args.from);
      where.push(`created_at >= $${params.length}`);
    }
    if (args.to) {
      params.push(args.to);
      where.push(`created_at < $${params.length}`);
    }
    if (args.after) {
      const [us, id] = decodeCursor(args.after);
      params.push(us, id);
      where.push(
        `(floor(extract(epoch FROM created_at) * 1000000)::bigint, id) < ($${params.length - 1}::bigint, $${params.length}::uuid)`,
      );
    }
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM email_outbox
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, args.first);
    const last = page.at(-1);
    return {
      nodes: page.map(toView),
      endCursor: last ? encodeCursor(last.created_us, last.id) : null,
      hasNextPage: rows.length > args.first,
    };
  }

  /** FAILED → QUEUED with a fresh set of attempts; the dispatcher wakes on the change. */
  async retry(id: string): Promise<OutboxEmailView> {
    const [rows] = await this.dataSource.query<[Row[], number]>(
      `UPDATE email_outbox
          SET status = 'QUEUED', attempts = 0, next_attempt_at = now(), claim_token = NULL
        WHERE id = $1 AND status = 'FAILED'
      RETURNING ${COLUMNS}`,
      [id],
    );
    if (rows.length) return toView(rows[0]);
    const found = await this.dataSource.query<{ status: EmailStatus }[]>(
      `SELECT status FROM email_outbox WHERE id = $1`,
      [id],
    );
    if (!found.length) throw notFound('outbox_email', id, `No outbox email ${id}`);
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `Only a FAILED email can be retried; this one is ${found[0].status}`,
      { status: found[0].status },
    );
  }
}

function toView(r: Row): OutboxEmailView {
  return {
    id: r.id,
    eventKey: r.event_key,
    eventType: r.event_type,
    ticketNumber: r.ticket_number,
    organizationName: r.organization_name,
    recipientUserId: r.recipient_user_id,
    recipientAddress: r.recipient_address,
    locale: r.locale,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    messageId: r.message_id,
    attachmentNames: r.attachments.map((a) => a.filename),
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

function encodeCursor(us: string, id: string): string {
  return Buffer.from(`${us}:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const m = /^(\d{1,20}):([0-9a-f-]{36})$/i.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid cursor `after`');
  return [m[1], m[2]];
}
