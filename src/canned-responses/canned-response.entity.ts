import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A canned response («respuesta predefinida», migration 1764319400000): a titled text provider
 * staff insert into a comment or a note, its placeholders filled in the browser.
 */
@Entity({ name: 'canned_response' })
export class CannedResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Trimmed, 1–120 characters, unique regardless of case. */
  @Column({ type: 'text' })
  title!: string;

  /** Trimmed, 1–10,000 characters (COMMENT_MAX_LENGTH). */
  @Column({ type: 'text' })
  body!: string;

  /** The English text (migration 1764319675000): trimmed, 1–10,000 characters; null: Spanish only. */
  @Column({ name: 'body_en', type: 'text', nullable: true })
  bodyEn!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
