import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketBillingDecision', {
  description: 'L3-18: one no-charge decision provider staff made on a ticket, with its reason.',
})
export class TicketBillingDecisionModel {
  @Field({ description: 'true: free of charge to the hour package; false: charged again.' })
  noCharge!: boolean;

  @Field()
  reason!: string;

  @Field()
  decidedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The staff member who decided, by name.' })
  decidedByName!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The role that person made the decision in (AGENT, MANAGER or ADMIN): the role of their session at that time, recorded with the decision, so a later change of their roles does not relabel it. Decisions made before roles were recorded show the role the person held when that was introduced.',
  })
  decidedByRole!: string | null;
}

@ObjectType('TicketBillingStatus', {
  description:
    'L3-18: whether the ticket is charged to the hour package, as the latest decision left it, and every decision (oldest first).',
})
export class TicketBillingStatusModel extends TicketBillingDecisionModel {
  @Field(() => [TicketBillingDecisionModel], { description: 'Every decision, oldest first.' })
  decisions!: TicketBillingDecisionModel[];
}
