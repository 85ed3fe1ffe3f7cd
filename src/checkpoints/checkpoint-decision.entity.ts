import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What became of a decision's new priorities: none given, or applied to the client's queue. */
export type PrioritiesStatus = 'NONE' | 'APPLIED';

/** Decisions of a checkpoint meeting (L3-15), recorded against its agenda. Append-only. */
@Entity({ name: 'checkpoint_decision' })
export class CheckpointDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'checkpoint_id', type: 'uuid' })
  checkpointId!: string;

  @Column({ type: 'text' })
  notes!: string;

  /** Ticket numbers in the client's new order (first = most important), when given. */
  @Column({ name: 'new_priorities', type: 'jsonb', nullable: true })
  newPriorities!: string[] | null;

  @Column({ name: 'priorities_status', type: 'text' })
  prioritiesStatus!: PrioritiesStatus;

  /** The queue reorder the new priorities became (status APPLIED). */
  @Column({ name: 'reorder_id', type: 'uuid', nullable: true })
  reorderId!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @Column({ name: 'recorded_by_role', type: 'text' })
  recordedByRole!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
