import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The client's rank of one open ticket in its queue (L3-10); written by a confirmed reorder. */
@Entity({ name: 'queue_rank' })
export class QueueRankEntity {
  @PrimaryColumn({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'integer' })
  rank!: number;

  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  @Column({ name: 'reorder_id', type: 'uuid' })
  reorderId!: string;
}
