import { Field, ID, ObjectType } from '@nestjs/graphql';

/** One change of a ticket's read model, pushed to `ticketChanged` subscribers. */
@ObjectType('TicketChange', {
  description: 'A ticket changed: its number and state now, from the read model.',
})
export class TicketChangeModel {
  @Field()
  number!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  state!: string;

  @Field({ description: 'Worst over the open clocks: ok, at_risk, breached.' })
  slaStatus!: string;

  @Field(() => Date, { nullable: true })
  nextDeadline!: Date | null;

  @Field({ description: 'When the read model last changed.' })
  updatedAt!: Date;
}
