import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '../identity';
import { OpenTicketsReassignmentModel } from './open-tickets-reassignment.model';
import { OpenTicketsReassignmentService } from './open-tickets-reassignment.service';
import { ReassignOpenTicketsArgs } from './reassign-open-tickets.args';

@Resolver()
export class OpenTicketsReassignmentResolver {
  constructor(private readonly service: OpenTicketsReassignmentService) {}

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => OpenTicketsReassignmentModel, {
    description:
      "L3-07: managers and administrators hand every open ticket `fromUserId` holds (e.g. an agent being deactivated) to the active agent `toUserId`, each as reassignTicket would (the same Update, the new agent's email, a confirmed remote session handed over). A ticket refused meanwhile (closed, or handed to someone else since) is listed in `failed` with its typed error; the others still move. A retry moves only what is left (a ticket already on `toUserId` is in `alreadyAssigned`, nobody emailed twice). NOT_FOUND: an unknown user; VALIDATION_FAILED: the same user (SAME_USER) or a target that is not an active agent (AGENT_NOT_ACTIVE); FORBIDDEN for other roles.",
  })
  reassignOpenTickets(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { fromUserId, toUserId, note }: ReassignOpenTicketsArgs,
  ): Promise<OpenTicketsReassignmentModel> {
    return this.service.reassign(caller, fromUserId, toUserId, note);
  }
}
