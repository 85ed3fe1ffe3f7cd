import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarChangeModel } from '../business-time/calendars/calendar-change.model';
import { CalendarChangesLoader } from './calendar-changes.loader';
import { TicketEventModel } from './ticket.model';

/** Which calendar change moved a recomputed deadline (BUSINESS-TIME.md, L3-06). */
@Resolver(() => TicketEventModel)
export class TicketEventCalendarResolver {
  constructor(private readonly changes: CalendarChangesLoader) {}

  @ResolveField(() => [CalendarChangeModel], {
    nullable: true,
    description:
      "BUSINESS-TIME.md, L3-06: a CLOCK_RECOMPUTED event's calendar changes, oldest first: every edit of the ticket's calendar since the version its clock had (several edits may be recomputed at once); for a SCHEDULE_RECOMPUTED event (a reminder or the automatic closure moved), those since the version they were computed on. Null for other events, and for SCHEDULE_RECOMPUTED events recorded before they kept a version.",
  })
  calendarChanges(
    @Context() ctx: object,
    @Parent() event: TicketEventModel,
  ): Promise<CalendarChangeModel[]> | null {
    return event.recomputedOn ? this.changes.load(ctx, event.recomputedOn) : null;
  }
}
