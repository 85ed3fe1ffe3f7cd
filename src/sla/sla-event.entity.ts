import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An SLA clock crossing its warning or its deadline; one row per (clock, event), ever. */
@Entity({ name: 'sla_event' })
@Index('uq_sla_event_clock_event', ['clockId', 'event'], { unique: true })
export class SlaEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'clock_id', type: 'text' })
  clockId!: string;

  @Column({ name: 'ticket_key', type: 'text' })
  ticketKey!: string;

  @Column({ name: 'clock_kind', type: 'text' })
  clockKind!: string;

  @Column({ type: 'text' })
  event!: 'at_risk' | 'breached';

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt!: Date;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
