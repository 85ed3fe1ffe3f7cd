import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { TicketEventModel } from './ticket.model';
import { UserNamesLoader } from './user-names.loader';

/** The agent an assignment event names (`ASSIGNED`, `reassign`), from its data. */
function agentIdOf(event: TicketEventModel): string | null {
  if (event.type !== 'ASSIGNED' && event.type !== 'reassign') return null;
  try {
    const data = JSON.parse(event.data) as { agentId?: unknown };
    return typeof data.agentId === 'string' ? data.agentId : null;
  } catch {
    return null;
  }
}

/** Who did what on a ticket's timeline, by name (one batch per request, never one per event). */
@Resolver(() => TicketEventModel)
export class TicketEventNamesResolver {
  constructor(private readonly names: UserNamesLoader) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The acting user by name; null for the system (clocks, automatic steps).',
  })
  actorName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() event: TicketEventModel,
  ) {
    return this.names.load(ctx, user, event.actorId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'L3-07: the agent an ASSIGNED or reassign event gives the ticket to, by name.',
  })
  agentName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() event: TicketEventModel,
  ) {
    return this.names.load(ctx, user, agentIdOf(event));
  }
}
