import { Field, Int, ObjectType } from '@nestjs/graphql';

/** One ticket a bulk reassignment could not move, with the typed error its reassignment got. */
@ObjectType('TicketReassignmentFailure')
export class TicketReassignmentFailureModel {
  @Field()
  number!: string;

  @Field({
    description:
      "The error code the ticket's reassignment got (as `extensions.code`: INVALID_TRANSITION, VALIDATION_FAILED, NOT_FOUND, UNAVAILABLE…).",
  })
  code!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Its machine-readable reason (as `extensions.reason`), e.g. TICKET_CLOSED, ASSIGNEE_CHANGED, AGENT_NOT_ACTIVE.',
  })
  reason!: string | null;

  @Field()
  message!: string;
}

@ObjectType('OpenTicketsReassignment', {
  description:
    'L3-07: what one reassignOpenTickets call (a batch of at most `first` tickets) did, ticket by ticket, each list in ticket-number order: each open ticket of the batch was reassigned on its own (the same Update, email and remote-session hand-over as reassignTicket); one that could not be is listed in `failed` and the others still moved. `remaining` and `nextAfter` say whether to call again.',
})
export class OpenTicketsReassignmentModel {
  @Field(() => [String], { description: 'Tickets reassigned by this call, by number.' })
  moved!: string[];

  @Field(() => Int, { description: 'How many tickets this call reassigned (`moved`).' })
  movedCount!: number;

  @Field(() => [String], {
    description:
      'Tickets already on the target agent when their turn came (a retry or a concurrent call moved them): nothing recorded, nobody emailed again.',
  })
  alreadyAssigned!: string[];

  @Field(() => [TicketReassignmentFailureModel], {
    description:
      'Tickets that could not be reassigned, each with its typed error; they stay as they are.',
  })
  failed!: TicketReassignmentFailureModel[];

  @Field(() => Int, {
    description:
      'How many open tickets the agent still holds after this call, those in `failed` included (0: none left).',
  })
  remaining!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Pass it as `after` to the next call: the last ticket this batch tried, while the agent holds open tickets numbered after it. Null when this pass is over (`remaining` then counts only tickets that failed, or that came to the agent behind the pass); a loop that calls again while it is set tries each ticket once and always ends.',
  })
  nextAfter!: string | null;
}
