import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '../identity';
import { TicketModel } from '../tickets/ticket.model';
import { RateTicketInput, SatisfactionSummaryArgs } from './satisfaction.inputs';
import { SatisfactionSummaryModel, TicketSatisfactionModel } from './satisfaction.model';
import { SatisfactionLoader } from './satisfaction.loader';
import { SatisfactionService } from './satisfaction.service';

/**
 * Customer satisfaction over GraphQL: clients rate closed tickets (`rateTicket`), everyone who
 * sees a ticket sees its rating (`Ticket.satisfaction`), managers read `satisfactionSummary`.
 * Thin: the rules are in {@link SatisfactionService}.
 */
@Resolver(() => TicketModel)
export class SatisfactionResolver {
  constructor(
    private readonly service: SatisfactionService,
    private readonly loader: SatisfactionLoader,
  ) {}

  @Mutation(() => TicketSatisfactionModel, {
    description:
      "L3-07/L3-11: a client user rates a CLOSED ticket of their organization 1–5 (optional comment); changeable for 14 days after the first rating. A rating of 2 or less emails the provider's managers once.",
  })
  rateTicket(@CurrentUser() user: AuthenticatedUser, @Args('input') input: RateTicketInput) {
    return this.service.rate(user, input);
  }

  @ResolveField(() => TicketSatisfactionModel, {
    nullable: true,
    description: "The client's satisfaction rating, once the closed ticket is rated.",
  })
  satisfaction(@Context() ctx: object, @Parent() ticket: Pick<TicketModel, 'number'>) {
    return this.loader.load(ctx, ticket.number);
  }

  @Roles(Role.MANAGER, Role.ADMIN, Role.CLIENT_USER, Role.CLIENT_APPROVER)
  @Query(() => SatisfactionSummaryModel, {
    description:
      "Satisfaction per organization and month (of the first rating, in the ticket's calendar zone): ratings, average, % satisfied (4–5) and the lowest ratings. Client users: their own organization only.",
  })
  satisfactionSummary(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: SatisfactionSummaryArgs,
  ) {
    return this.service.summary(user, args);
  }
}
