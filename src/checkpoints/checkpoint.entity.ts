import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckpointRunKind } from '../../workflows/checkpoint/checkpoint.contract';
import type { CheckpointAgenda } from './checkpoint-agenda';

/** One checkpoint agenda (L3-15), built by one run of the checkpoint workflow. Append-only. */
@Entity({ name: 'checkpoint' })
export class CheckpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** Workflow ID of the run that built it. */
  @Column({ name: 'run_key', type: 'text' })
  runKey!: string;

  @Column({ type: 'text' })
  kind!: CheckpointRunKind;

  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor!: Date | null;

  /** End of the previous checkpoint's period (or 14 days before the first one). */
  @Column({ name: 'period_start', type: 'timestamptz' })
  periodStart!: Date;

  /** When the agenda was built. */
  @Column({ name: 'period_end', type: 'timestamptz' })
  periodEnd!: Date;

  @Column({ type: 'jsonb' })
  agenda!: CheckpointAgenda;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
