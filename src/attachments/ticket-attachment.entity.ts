import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../identity/role.enum';

/**
 * One file attached to a ticket (migrations `1764318500000-ticket-attachments.ts`,
 * `1764318800000-ticket-attachment-soft-delete.ts`, `1764319050000-ticket-attachment-internal.ts`,
 * `1764319450000-history-acting-roles.ts`). `content` is never selected by lists: only
 * the download reads it. A deleted file keeps its row without its bytes: `content` is null
 * exactly when `deletedAt` (and `deletedBy`) are set.
 */
@Entity({ name: 'ticket_attachment' })
export class TicketAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** Lowercase hex SHA-256 of `content`; null once the file is deleted (it goes with the bytes). */
  @Column({ type: 'text', nullable: true })
  sha256!: string | null;

  /** The bytes; null once the file is deleted. */
  @Column({ type: 'bytea', select: false, nullable: true })
  content!: Buffer | null;

  /** Provider staff only: a client never sees the file nor hears of it (like an internal note). */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  /** The role the file was attached in (the session's); null only where the backfill found no user. */
  @Column({ name: 'uploaded_by_role', type: 'text', nullable: true })
  uploadedByRole!: Role | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  /** When the file was deleted (its bytes removed); null while it is live. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** Who deleted it; set exactly when `deletedAt` is. */
  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;

  /** The role it was deleted in (the session's); null while it is live. */
  @Column({ name: 'deleted_by_role', type: 'text', nullable: true })
  deletedByRole!: Role | null;

  /**
   * L3-11: uploaded for a comment that has not named it yet: listed nowhere, and removed after
   * this instant (`HeldCommentFilesSweep`); null once a comment carries it, and for any other file.
   */
  @Column({ name: 'held_for_comment_until', type: 'timestamptz', nullable: true, select: false })
  heldForCommentUntil?: Date | null;
}
