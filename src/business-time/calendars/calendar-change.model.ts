import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TimeIntervalModel } from './calendar.model';

@ObjectType('CalendarChange', {
  description:
    'BUSINESS-TIME.md, L3-06: one change a calendar version made, as data, so a recomputed deadline can say which change moved it.',
})
export class CalendarChangeModel {
  @Field(() => Int, { description: 'The calendar version that made it.' })
  version!: number;

  @Field({ description: "The calendar's name." })
  calendarName!: string;

  @Field({
    description:
      "HOLIDAY_ADDED, HOLIDAY_REMOVED, HOURS_SET (a date's own hours), HOURS_REMOVED, WEEK_CHANGED, TIME_ZONE_CHANGED, HOLIDAY_SOURCE_ON, HOLIDAY_SOURCE_OFF, RENAMED, or OTHER (a version written before changes were kept as data).",
  })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Local date YYYY-MM-DD (holidays, hours).' })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The holiday's name, or the new calendar name.",
  })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Holiday source: CLIENT, ELECTION, MX_LFT_74…',
  })
  source!: string | null;

  @Field(() => [TimeIntervalModel], {
    nullable: true,
    description: "HOURS_SET / HOURS_REMOVED: the date's own hours (empty: closed).",
  })
  intervals!: TimeIntervalModel[] | null;

  @Field(() => String, { nullable: true, description: "Why the date's hours are set." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'TIME_ZONE_CHANGED: the new IANA zone.' })
  timeZone!: string | null;

  @Field()
  changedAt!: Date;
}
