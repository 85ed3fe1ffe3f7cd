import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../identity/role.enum';

/**
 * A client's satisfaction rating of a closed ticket (migration 1764318700000): one per ticket,
 * changeable for 14 days after `ratedAt` (`RATING_CHANGE_WINDOW_DAYS`, satisfaction-rules.ts).
 */
@Entity({ name: 'ticket_satisfaction' })
export class TicketSatisfactionEntity {
  @PrimaryColumn({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  /** 1 (very unsatisfied) … 5 (very satisfied). */
  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The client user who gave the current score. */
  @Column({ name: 'rated_by', type: 'uuid' })
  ratedBy!: string;

  /**
   * The role the current score was given in (the session's; migration 1764319450000), so a later
   * role change does not relabel it; null only where its backfill found no user.
   */
  @Column({ name: 'rated_by_role', type: 'text', nullable: true })
  ratedByRole!: Role | null;

  /** The first rating: the change window and the low-rating email count from it. */
  @Column({ name: 'rated_at', type: 'timestamptz' })
  ratedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
