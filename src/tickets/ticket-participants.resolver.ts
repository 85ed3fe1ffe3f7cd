import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { TicketParticipantInput } from './ticket-participant.input';
import { TicketParticipantChangeModel, TicketParticipantModel } from './ticket-participant.model';
import { TicketParticipantsService } from './ticket-participants.service';
import { TicketModel } from './ticket.model';

/** L3-11 (S19): who besides the registrant gets a ticket's emails. */
@Resolver(() => TicketModel)
export class TicketParticipantsResolver {
  constructor(private readonly service: TicketParticipantsService) {}

  @ResolveField(() => [TicketParticipantModel], {
    description:
      "Client users of the ticket's organization who get every email its registrant gets (L3-11).",
  })
  participants(@Parent() ticket: TicketModel, @Context() context: object) {
    return this.service.load(context, ticket.number);
  }

  @ResolveField(() => [TicketParticipantChangeModel], {
    nullable: true,
    description:
      'Every add and removal of a participant, oldest first: whom, by whom, when (L3-11). Provider staff only: null for a client user.',
  })
  participantHistory(
    @CurrentUser() user: AuthenticatedUser,
    @Parent() ticket: TicketModel,
    @Context() context: object,
  ) {
    return this.service.history(context, user, ticket.number);
  }

  @ResolveField(() => [TicketParticipantModel], {
    description:
      "Whom the caller may make a participant (L3-11): for provider staff and the registrant, the active client users of the ticket's organization; for another client user, only themselves (while active).",
  })
  participantCandidates(
    @CurrentUser() user: AuthenticatedUser,
    @Parent() ticket: TicketModel,
    @Context() context: object,
  ) {
    return this.service.candidates(context, user, ticket);
  }

  @Mutation(() => [TicketParticipantModel], {
    description:
      "Adds a participant: an active client user of the ticket's organization. Provider staff and the registrant add anyone of it; another client user only themselves. Adding twice changes nothing; an ended ticket's participants no longer change (INVALID_TRANSITION, reason TICKET_CLOSED). Answers the participants.",
  })
  addTicketParticipant(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: TicketParticipantInput,
  ) {
    return this.service.add(user, input.number, input.userId);
  }

  @Mutation(() => [TicketParticipantModel], {
    description:
      'Removes a participant (the same callers as addTicketParticipant). Removing one who is not there changes nothing; nor does an ended ticket change (TICKET_CLOSED). Answers the participants.',
  })
  removeTicketParticipant(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: TicketParticipantInput,
  ) {
    return this.service.remove(user, input.number, input.userId);
  }
}
