import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ExplanationLanguage } from '../business-time/deadline/business-deadline.model';
import { ClockExplanationModel } from './clock-explanation.model';
import { ClockExplanationService } from './clock-explanation.service';
import { SlaClockModel } from './ticket.model';

/** Fields of an SLA clock computed on request; whoever sees the ticket sees its clocks' fields. */
@Resolver(() => SlaClockModel)
export class SlaClockResolver {
  constructor(private readonly explanations: ClockExplanationService) {}

  @ResolveField(() => ClockExplanationModel, {
    nullable: true,
    description:
      '"Why this date?" (BUSINESS-TIME.md): null only while the read model does not hold the clock yet.',
  })
  explanation(
    @Parent() clock: SlaClockModel,
    @Args('language', {
      type: () => ExplanationLanguage,
      defaultValue: ExplanationLanguage.ES_MX,
    })
    language: ExplanationLanguage,
  ): Promise<ClockExplanationModel | null> {
    return this.explanations.explain(clock.id, language);
  }
}
