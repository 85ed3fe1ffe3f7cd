import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { notFound } from '../common/errors/domain-error';
import { batchScope } from '../common/request-batcher';
import { type AuthenticatedUser, CurrentUser, isProviderStaff } from '../identity';
import { ClosureHoursLoader } from './closure-hours.loader';
import { TicketClosureHoursModel } from './closure-hours.model';
import { TicketModel } from './ticket.model';

/** L3-12/L3-13 (QA S20): the hours a ticket's closure charges and gives back, before it closes. */
@Resolver(() => TicketModel)
export class TicketClosureHoursResolver {
  constructor(private readonly loader: ClosureHoursLoader) {}

  @ResolveField(() => TicketClosureHoursModel, {
    nullable: true,
    description:
      "L3-12/L3-13: what closing the ticket now charges to the client's package and gives back (e.g. before «Aceptar entrega»); null when no estimate was ever authorized for it. Provider staff and the ticket's own organization. Read in one batch per request.",
  })
  closureHours(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Info() info: GraphQLResolveInfo,
    @Parent() ticket: TicketModel,
  ): Promise<TicketClosureHoursModel | null> {
    // As `chargedHours`: the package is the organization's business.
    if (!isProviderStaff(user) && ticket.organizationId !== user.organizationId) {
      throw notFound('ticket', ticket.number, `Ticket ${ticket.number} not found`);
    }
    return this.loader.load(batchScope(ctx, info, ticket), ticket.number);
  }
}
