import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerEntryKind } from './contract-enums';
import type { LedgerReasonParts } from './hour-ledger-reason';

/**
 * One fact of the prepaid-hours ledger (L3-12, L3-13). Append-only: a trigger refuses UPDATE and
 * DELETE; corrections are REVERSAL entries. Sign conventions: `ledger-rules.ts`.
 */
@Entity({ name: 'hour_ledger_entry' })
export class HourLedgerEntryEntity {
  /** bigint identity, as text; also the order of the ledger. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** L3-02 business key, e.g. `L3-2026-000123` (no foreign key on purpose). */
  @Column({ name: 'ticket_number', type: 'text', nullable: true })
  ticketNumber!: string | null;

  @Column({ type: 'text' })
  kind!: LedgerEntryKind;

  /** numeric(10,2) as text, signed per kind. */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  hours!: string;

  @Column({ name: 'estimate_version', type: 'integer', nullable: true })
  estimateVersion!: number | null;

  /** As API users read it (English). */
  @Column({ type: 'text' })
  reason!: string;

  /** The reason as data, for clients to word; null: written before the column and not backfilled. */
  @Column({ name: 'reason_parts', type: 'jsonb', nullable: true })
  reasonParts!: LedgerReasonParts | null;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'reverses_entry_id', type: 'bigint', nullable: true })
  reversesEntryId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
