import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { TicketsService } from '../tickets/tickets.service';
import { LiveUpdatesService } from './live-updates.service';
import { TicketChangeModel } from './ticket-change.model';

/**
 * Live updates over WebSocket (graphql-ws at `/graphql`; the session token goes in the
 * `connection_init` payload as `{ authorization: 'Bearer …' }`).
 */
@Resolver(() => TicketChangeModel)
export class LiveUpdatesResolver {
  constructor(
    private readonly live: LiveUpdatesService,
    private readonly tickets: TicketsService,
  ) {}

  @Subscription(() => TicketChangeModel, {
    description:
      "Each change of a ticket the caller may see (clients: their organization's), or of one ticket when number is given (another organization's ticket is NOT_FOUND).",
    resolve: (change: TicketChangeModel) => change,
  })
  async ticketChanged(
    @CurrentUser() user: AuthenticatedUser,
    @Args('number', { type: () => String, nullable: true }) number?: string | null,
  ) {
    if (number) await this.tickets.get(user, number);
    return this.live.changes(user, number);
  }
}
