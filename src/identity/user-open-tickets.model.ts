import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('UserOpenTickets', {
  description:
    "What deactivating a user leaves behind (QA S62 #1, #2): the open tickets they registered (their client's approvers get those tickets' emails while they are inactive, L3-11) and those assigned to them (L3-07: staff hand them over from the ticket list filtered by that agent).",
})
export class UserOpenTicketsModel {
  @Field(() => Int, { description: 'Open (non-terminal) tickets the user registered.' })
  registered!: number;

  @Field(() => Int, { description: 'Open (non-terminal) tickets assigned to the user.' })
  assigned!: number;

  @Field(() => Int, {
    description:
      "Active approvers of the user's client organization other than the user: who gets the registered tickets' emails while the user is inactive (0 for provider staff).",
  })
  activeApprovers!: number;

  @Field(() => Int, {
    description:
      'QA S63 #2: remote sessions still ahead (neither declined nor withdrawn, not over) on the open tickets assigned to the user: reassigning those tickets hands each session over (L3-06).',
  })
  sessionsAhead!: number;

  @Field(() => Int, {
    description:
      "L3-06: of `sessionsAhead`, those the client confirmed: already in the user's calendar, so reassigning the ticket sends the new agent the invitation at once (the others are proposals: the new agent gets theirs when the client confirms).",
  })
  confirmedSessionsAhead!: number;

  @Field(() => Int, {
    description:
      "QA S63 #2: the provider's active agents other than the user: 0 means deactivating them leaves nobody to take tickets (L3-07).",
  })
  otherActiveAgents!: number;
}
