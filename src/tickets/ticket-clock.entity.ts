import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of one SLA clock run of a ticket. */
@Entity({ name: 'ticket_clock' })
export class TicketClockEntity {
  @PrimaryColumn({ name: 'clock_id', type: 'text' })
  clockId!: string;

  @Column({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'integer' })
  run!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'target_amount', type: 'integer' })
  targetAmount!: number;

  @Column({ name: 'target_unit', type: 'text' })
  targetUnit!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ name: 'at_risk_at', type: 'timestamptz', nullable: true })
  atRiskAt!: Date | null;

  @Column({ name: 'budget_ms', type: 'bigint' })
  budgetMs!: string;

  @Column({ name: 'consumed_ms', type: 'bigint' })
  consumedMs!: string;

  @Column({ name: 'consumed_as_of', type: 'timestamptz' })
  consumedAsOf!: Date;

  @Column({ type: 'jsonb' })
  pauses!: { from: string; to: string | null }[];

  @Column({ name: 'at_risk_recorded_at', type: 'timestamptz', nullable: true })
  atRiskRecordedAt!: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ name: 'calendar_version', type: 'integer' })
  calendarVersion!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
