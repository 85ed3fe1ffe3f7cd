import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A purchase of prepaid hours (L3-03); its hours enter the ledger as one PURCHASE entry. */
@Entity({ name: 'hour_package' })
export class HourPackageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  hours!: string;

  /** Local date `YYYY-MM-DD`. */
  @Column({ name: 'purchased_on', type: 'date' })
  purchasedOn!: string;

  /** Invoice or order reference. */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  price!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'ledger_entry_id', type: 'bigint' })
  ledgerEntryId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
