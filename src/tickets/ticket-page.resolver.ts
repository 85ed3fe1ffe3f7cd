import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { TicketPage } from './ticket.model';

/** `TicketPage.totalCount`: one count query, only when a client selects the field. */
@Resolver(() => TicketPage)
export class TicketPageResolver {
  @ResolveField(() => Int, {
    description:
      'How many tickets match the filter, over every page (the caller sees only its own organisation).',
  })
  totalCount(@Parent() page: TicketPage): Promise<number> {
    return page.countAll();
  }
}
