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
      "L3-07: managers and administrators hand the open tickets `fromUserId` holds (e.g. an agent being deactivated) to the active agent `toUserId`, at most `first` (1 to 100, default 100) per call, oldest number first, 4 at a time, each as reassignTicket would (the same Update, the new agent's email, a confirmed remote session handed over). A ticket refused meanwhile (closed, or handed to someone else since) is listed in `failed` with its typed error; the others still move. The answer says how many open tickets `fromUserId` still holds (`remaining`) and, while more are numbered past this batch, where the next call starts (`nextAfter`, passed back as `after`): call again until it is null. A retry moves only what is left (a ticket already on `toUserId` is in `alreadyAssigned`, nobody emailed twice). NOT_FOUND: an unknown user; VALIDATION_FAILED: `first` outside 1–100, `after` not a ticket number, the same user (SAME_USER) or a target that is not an active agent (AGENT_NOT_ACTIVE); FORBIDDEN for other roles.",
  })
  reassignOpenTickets(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { fromUserId, toUserId, note, first, after }: ReassignOpenTicketsArgs,
  ): Promise<OpenTicketsReassignmentModel> {
    return this.service.reassign(caller, fromUserId, toUserId, note, { first, after });
  }
}
