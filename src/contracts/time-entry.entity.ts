import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Work logged on a ticket; append-only. `chargedHours` is 0 on a no-charge ticket (L3-18). */
@Entity({ name: 'time_entry' })
export class TimeEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  /** Local date `YYYY-MM-DD` the work was done. */
  @Column({ name: 'work_date', type: 'date' })
  workDate!: string;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  hours!: string;

  @Column({ name: 'charged_hours', type: 'numeric', precision: 10, scale: 2 })
  chargedHours!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  @Column({ name: 'ledger_entry_id', type: 'bigint' })
  ledgerEntryId!: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
