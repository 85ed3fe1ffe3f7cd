import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { TicketPage } from './ticket.model';

/** The largest `atMost` a count takes: more is the full count's work. */
const MAX_AT_MOST = 100_000;

/** `TicketPage.totalCount`: one count query, only when a client selects the field. */
@Resolver(() => TicketPage)
export class TicketPageResolver {
  @ResolveField(() => Int, {
    description:
      'How many tickets match the filter, over every page (the caller sees only its own organization). With `atMost`, counting stops past it: `atMost + 1` means more than `atMost` («más de 1,000»), so a search whose words are in most tickets stops after `atMost + 1` matches instead of reading every match.',
  })
  totalCount(
    @Parent() page: TicketPage,
    @Args('atMost', { type: () => Int, nullable: true }) atMost?: number | null,
  ): Promise<number> {
    if (atMost === null || atMost === undefined) return page.countAll();
    if (atMost < 1 || atMost > MAX_AT_MOST)
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `atMost must be between 1 and ${MAX_AT_MOST}`,
        { field: 'atMost', min: 1, max: MAX_AT_MOST },
      );
    return page.countAll(atMost);
  }
}
