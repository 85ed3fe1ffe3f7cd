import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
// Cyclic with calendar-change.model.ts (TimeIntervalModel); both read each other in field thunks.
import { CalendarChangeModel } from './calendar-change.model';

@ObjectType({ description: 'A half-open working interval [start, end) in local wall-clock time.' })
export class TimeIntervalModel {
  @Field({ description: 'HH:MM' })
  start!: string;

  @Field({ description: 'HH:MM (24:00 = midnight)' })
  end!: string;
}

@ObjectType()
export class WeekdayScheduleModel {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => [TimeIntervalModel])
  intervals!: TimeIntervalModel[];
}

@ObjectType()
export class CalendarHolidayModel {
  @Field({ description: 'Local date YYYY-MM-DD.' })
  date!: string;

  @Field()
  name!: string;

  @Field({ description: 'MX_LFT_74 (generated), ELECTION, BANK, CLIENT, …' })
  source!: string;
}

@ObjectType()
export class CalendarOverrideModel {
  @Field()
  date!: string;

  @Field(() => [TimeIntervalModel], { description: 'Empty: the date is closed.' })
  intervals!: TimeIntervalModel[];

  @Field({ nullable: true })
  reason?: string;
}

@ObjectType()
export class CalendarVersionModel {
  @Field(() => Int)
  version!: number;

  @Field()
  change!: string;

  @Field(() => ID, { nullable: true })
  changedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Display name of the user who made the change (null: the system, e.g. the seed).',
  })
  changedByName!: string | null;

  @Field()
  changedAt!: Date;

  @Field(() => [CalendarChangeModel], {
    nullable: true,
    description:
      "BUSINESS-TIME.md, L3-06, L3-19: what this version changed, as data, in the order made (e.g. the holiday removed, with its name and source), for the change log in the reader's language. Empty: an edit that changed nothing; null: a version written before changes were kept (read `change`) or the calendar's creation.",
  })
  details!: CalendarChangeModel[] | null;
}

@ObjectType({ description: 'Who a change to the calendar reaches (BUSINESS-TIME.md).' })
export class CalendarUsageModel {
  @Field(() => Int, {
    description: 'Client organizations whose SLA clocks it governs (its own, or the default).',
  })
  clients!: number;

  @Field(() => [String], {
    description:
      'Up to 5 of those clients by name, alphabetically, for a confirmation to name them; `clients` counts them all.',
  })
  clientNames!: string[];

  @Field(() => Int, { description: 'Open tickets counted on it (their clocks recompute).' })
  openTickets!: number;

  @Field(() => [PublishedDeliveryModel], {
    description:
      'L3-19: release dates published on it still ahead, soonest first: a holiday or a closed day on one of their days leaves it there until the agent adjusts it.',
  })
  publishedDeliveries!: PublishedDeliveryModel[];
}

@ObjectType('PublishedDelivery', {
  description: 'A ticket and the release date published for it (L3-09, L3-19).',
})
export class PublishedDeliveryModel {
  @Field()
  ticketNumber!: string;

  @Field()
  releaseDate!: Date;
}

@ObjectType('BusinessCalendar', { description: 'A versioned working calendar (BUSINESS-TIME.md).' })
export class CalendarModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Bumped by every edit; deadlines name the version they used.' })
  version!: number;

  @Field()
  isDefault!: boolean;

  @Field(() => ID, { nullable: true, description: 'The client organization it belongs to.' })
  organizationId!: string | null;

  @Field({ description: 'IANA time zone.' })
  timeZone!: string;

  @Field(() => [WeekdayScheduleModel])
  weekly!: WeekdayScheduleModel[];

  @Field(() => [String], { description: 'Holiday sources generated from rules, e.g. MX_LFT_74.' })
  holidaySources!: string[];

  @Field(() => [CalendarOverrideModel])
  overrides!: CalendarOverrideModel[];
}
