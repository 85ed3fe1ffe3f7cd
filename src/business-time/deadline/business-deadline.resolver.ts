import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../identity';
import { CalendarsService } from '../calendars/calendars.service';
import { BusinessDeadline, BusinessUnit, ExplanationLanguage } from './business-deadline.model';
import { BusinessDeadlineService } from './business-deadline.service';

@Resolver(() => BusinessDeadline)
export class BusinessDeadlineResolver {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly deadlines: BusinessDeadlineService,
  ) {}

  /** "What would the deadline be": public, it reveals nothing private (issue 3). */
  @Public()
  @Query(() => BusinessDeadline, {
    description:
      'The deadline `amount` business units after `from` (default calendar when none is given).',
  })
  async businessDeadline(
    @Args('from', { type: () => Date }) from: Date,
    @Args('amount', { type: () => Int }) amount: number,
    @Args('unit', { type: () => BusinessUnit }) unit: BusinessUnit,
    @Args('calendarId', { type: () => ID, nullable: true }) calendarId?: string,
    @Args('language', {
      type: () => ExplanationLanguage,
      defaultValue: ExplanationLanguage.ES_MX,
      description: 'Language of `explanation`.',
    })
    language: ExplanationLanguage = ExplanationLanguage.ES_MX,
  ): Promise<BusinessDeadline> {
    const calendar = await this.calendars.current(calendarId);
    return this.deadlines.compute(calendar, from, amount, unit, language);
  }
}
