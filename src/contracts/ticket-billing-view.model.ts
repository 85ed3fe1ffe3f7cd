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
      "That person's role: the first of their current roles in the order CLIENT_USER, CLIENT_APPROVER, AGENT, MANAGER, ADMIN (nothing records the role a decision was made in).",
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
