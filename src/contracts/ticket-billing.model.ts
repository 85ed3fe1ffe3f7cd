import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { TicketBillingEntity } from './ticket-billing.entity';

@ObjectType('TicketBilling', { description: 'L3-18: whether a ticket is charged to the package.' })
export class TicketBillingModel {
  @Field()
  ticketNumber!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  noCharge!: boolean;

  @Field()
  reason!: string;

  @Field(() => ID)
  setBy!: string;

  @Field()
  setAt!: Date;

  @Field(() => Float, { description: 'Reserved hours given back by this decision.' })
  releasedHours!: number;

  @Field(() => Float, {
    description: 'Hours of the authorized estimate held again by this decision (charged again).',
  })
  reservedHours!: number;

  static fromEntity(
    e: TicketBillingEntity,
    releasedHours: number,
    reservedHours = 0,
  ): TicketBillingModel {
    return Object.assign(new TicketBillingModel(), {
      ticketNumber: e.ticketNumber,
      organizationId: e.organizationId,
      noCharge: e.noCharge,
      reason: e.reason,
      setBy: e.setBy,
      setAt: e.setAt,
      releasedHours,
      reservedHours,
    });
  }
}
