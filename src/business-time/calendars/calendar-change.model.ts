import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TimeIntervalModel } from './calendar.model';
import type { CalendarChangeDetail } from './calendar-change';

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

/** The version a change belongs to: its number, its calendar's name and when it was made. */
export interface ChangeOf {
  readonly version: number;
  readonly calendarName: string;
  readonly changedAt: Date;
}

const empty = {
  date: null,
  name: null,
  source: null,
  intervals: null,
  reason: null,
  timeZone: null,
};

/** A version written before changes were kept as data: one change of unknown kind. */
export function otherChange(of: ChangeOf): CalendarChangeModel {
  return { ...of, ...empty, kind: 'OTHER' };
}

/**
 * A version's stored `details` as GraphQL changes, in the order made: the ticket history's
 * recomputed deadlines (`TicketEvent.calendarChanges`) and the calendar's own change log
 * (`CalendarVersion.details`) read them alike (BUSINESS-TIME.md, L3-06, L3-19).
 */
export function changeModels(
  details: readonly CalendarChangeDetail[],
  of: ChangeOf,
): CalendarChangeModel[] {
  const base = { ...of, ...empty };
  return details.map((d): CalendarChangeModel => {
    switch (d.kind) {
      case 'HOLIDAY_ADDED':
      case 'HOLIDAY_REMOVED':
        return { ...base, kind: d.kind, date: d.date, name: d.name, source: d.source };
      case 'HOURS_SET':
      case 'HOURS_REMOVED':
        return {
          ...base,
          kind: d.kind,
          date: d.date,
          intervals: d.intervals.map(({ start, end }) => ({ start, end })),
          reason: d.reason || null,
        };
      case 'TIME_ZONE_CHANGED':
        return { ...base, kind: d.kind, timeZone: d.timeZone };
      case 'HOLIDAY_SOURCE_ON':
      case 'HOLIDAY_SOURCE_OFF':
        return { ...base, kind: d.kind, source: d.source };
      case 'RENAMED':
        return { ...base, kind: d.kind, name: d.name };
      case 'WEEK_CHANGED':
        return { ...base, kind: d.kind };
    }
  });
}
