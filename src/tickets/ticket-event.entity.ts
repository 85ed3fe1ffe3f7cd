import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReadModelSlice } from './ticket-projection';

/** One timeline event of a ticket workflow; append-only (a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'ticket_event' })
export class TicketEventEntity {
  @PrimaryColumn({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'read_model', type: 'jsonb', nullable: true })
  readModel!: ReadModelSlice | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
