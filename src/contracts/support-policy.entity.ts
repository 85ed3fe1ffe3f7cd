import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PolicyStatus } from './contract-enums';

/** A client organization's support policy (L3-01, L3-03, L3-16); one per organization. */
@Entity({ name: 'support_policy' })
export class SupportPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** numeric(12,2) as text, e.g. `'15000.00'`. */
  @Column({ name: 'monthly_fee', type: 'numeric', precision: 12, scale: 2 })
  monthlyFee!: string;

  @Column({ type: 'text' })
  currency!: string;

  /** Local date `YYYY-MM-DD`. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ type: 'text' })
  status!: PolicyStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz' })
  statusChangedAt!: Date;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  /** L3-16: the Odoo admin user the client keeps for the provider. */
  @Column({ name: 'odoo_admin_login', type: 'text', nullable: true })
  odooAdminLogin!: string | null;

  @Column({ name: 'odoo_admin_confirmed_at', type: 'timestamptz', nullable: true })
  odooAdminConfirmedAt!: Date | null;

  /** L3-07: progress-update cadence in business minutes (60–4800); null = the default 480. */
  @Column({ name: 'progress_cadence_minutes', type: 'integer', nullable: true })
  progressCadenceMinutes!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
