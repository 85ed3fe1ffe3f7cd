import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One file attached to a ticket (migration `1764318500000-ticket-attachments.ts`). `content` is
 * never selected by lists: only the download reads it.
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

  /** Lowercase hex SHA-256 of `content`. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
