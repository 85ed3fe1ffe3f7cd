import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../identity/locale.enum';
import { EmailStatus } from './email-status.enum';
import type {
  CheckpointAgendaEvent,
  CheckpointDecisionsEvent,
  CheckpointMovedEvent,
  NotificationEvent,
} from './notification-event';

/** One attachment as stored in the outbox (`.ics` invitations). */
export interface StoredAttachment {
  readonly filename: string;
  readonly contentType: string;
  /** Base64 of the bytes. */
  readonly content: string;
}

/** The cause of an email another domain renders itself (a password link, a low rating). */
export interface OwnMailEvent {
  readonly type: string;
  readonly eventKey: string;
  readonly occurredAt: string;
  /** What the domain keeps as record (ids, a score); never a secret: the row outlives the send. */
  readonly detail: Readonly<Record<string, string | number | null>>;
}

/** What an outbox row keeps of its cause: the event as given, and the names it mentions. */
export interface OutboxPayload {
  readonly event:
    | NotificationEvent
    | CheckpointAgendaEvent
    | CheckpointMovedEvent
    | CheckpointDecisionsEvent
    | OwnMailEvent;
  readonly names: Readonly<Record<string, string>>;
  /**
   * The IANA zone of the ticket's business calendar when the email was queued (QA S60b #3): an
   * email rendered again from this payload (a batch, a re-addressed copy) gives a deadline in it
   * too, without reading the calendar again. Absent on rows queued before it was kept.
   */
  readonly calendarTimeZone?: string;
  /**
   * L3-11 (QA S63 #6), kept for the renders that come later: the ticket's assignee when it was
   * deactivated (staff read «Asignado a … (cuenta inactiva): reasígnelo.»), the inactive
   * registrant this row's client approver stands in for, and whether the row is a manager's
   * once-per-ticket notice of client activity while the assignee is inactive.
   */
  readonly inactiveAssigneeId?: string;
  readonly standsInFor?: string;
  readonly managersOnce?: boolean;
}

/** One email to one recipient, written in the transaction of the event that causes it (L3-11). */
@Entity({ name: 'email_outbox' })
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Deterministic key of the causing event, e.g. `ticket-L3-2026-000123:7`. */
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'ticket_number', type: 'text', nullable: true })
  ticketNumber!: string | null;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ name: 'recipient_address', type: 'text' })
  recipientAddress!: string;

  @Column({ type: 'text' })
  locale!: Locale;

  @Column({ type: 'text' })
  template!: string;

  @Column({ type: 'jsonb' })
  payload!: OutboxPayload;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'jsonb' })
  attachments!: StoredAttachment[];

  /**
   * What its `.ics` files do: `REQUEST` (add or move) or `CANCEL`; null without one
   * (`icsColumns`, set with `attachments`). Who holds a calendar entry is read from it.
   */
  @Column({ name: 'ics_method', type: 'text', nullable: true })
  icsMethod!: 'REQUEST' | 'CANCEL' | null;

  /** The ticket's calendar entries its `.ics` files carry (`remote-session`, `release`). */
  @Column({ name: 'ics_entries', type: 'text', array: true, nullable: true })
  icsEntries!: string[] | null;

  /** `<hash@domain>`, derived from event key and recipient: a resend carries the same one. */
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column({ type: 'text' })
  status!: EmailStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /**
   * Emails with the same key to the same address are one email while the first still waits for
   * its window (`next_attempt_at`): see {@link NotificationsService.enqueue}'s `batch`.
   */
  @Column({ name: 'batch_key', type: 'text', nullable: true })
  batchKey!: string | null;

  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
