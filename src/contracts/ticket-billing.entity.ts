import { Column, Entity, PrimaryColumn } from 'typeorm';

/** L3-18: whether a ticket is free of charge to the hour package, decided by provider staff. */
@Entity({ name: 'ticket_billing' })
export class TicketBillingEntity {
  @PrimaryColumn({ name: 'ticket_number', type: 'text' })
  ticketNumber!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'no_charge', type: 'boolean' })
  noCharge!: boolean;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'set_by', type: 'uuid' })
  setBy!: string;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt!: Date;
}
