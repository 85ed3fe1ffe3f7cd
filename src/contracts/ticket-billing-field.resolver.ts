import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { TicketModel } from '../tickets/ticket.model';
import { TicketBillingLoader } from './ticket-billing.loader';
import { TicketBillingStatusModel } from './ticket-billing-view.model';

/**
 * L3-18 on the ticket: whether it is charged to the hour package, with the reason, who decided and
 * when, for everyone who sees the ticket (provider staff and the ticket's own organization; another
 * organization never reaches the ticket: NOT_FOUND).
 */
@Resolver(() => TicketModel)
export class TicketBillingFieldResolver {
  constructor(private readonly loader: TicketBillingLoader) {}

  @ResolveField(() => TicketBillingStatusModel, {
    nullable: true,
    description:
      'L3-18: the no-charge decision on the ticket (null: never decided, so it is charged to the hour package).',
  })
  billing(@Context() ctx: object, @Parent() ticket: Pick<TicketModel, 'number'>) {
    return this.loader.load(ctx, ticket.number);
  }
}
