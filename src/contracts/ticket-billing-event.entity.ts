import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../identity/role.enum';

/** Every no-charge decision ever made on a ticket (L3-18); append-only. */
@Entity({ name: 'ticket_billing_event' })
export class TicketBillingEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'no_charge', type: 'boolean' })
  noCharge!: boolean;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'set_by', type: 'uuid' })
  setBy!: string;

  /**
   * The role the decision was made in (the session's), so the history keeps it after a role
   * change (migration 1764319450000); null only where its backfill found no user.
   */
  @Column({ name: 'set_by_role', type: 'text', nullable: true })
  setByRole!: Role | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt!: Date;
}
