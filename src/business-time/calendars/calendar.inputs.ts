import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a calendar's name must be (`uq_business_calendar_name`). */
const CALENDAR_NAME =
  'Unique among calendars, whatever its case (else CONFLICT, reason CALENDAR_NAME_TAKEN).';

@InputType()
export class TimeIntervalInput {
  @Field()
  @Matches(HH_MM, { message: 'start must be HH:MM' })
  start!: string;

  @Field()
  @Matches(HH_MM, { message: 'end must be HH:MM (24:00 allowed)' })
  end!: string;
}

@InputType()
export class WeekdayScheduleInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @Field(() => [TimeIntervalInput])
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TimeIntervalInput)
  intervals!: TimeIntervalInput[];
}

@InputType()
export class CreateCalendarInput {
  @Field({ description: CALENDAR_NAME })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field({ description: 'IANA time zone, e.g. America/Mexico_City.' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @Field(() => [WeekdayScheduleInput])
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeekdayScheduleInput)
  weekly!: WeekdayScheduleInput[];

  @Field(() => ID, { nullable: true, description: 'Client organization (one calendar each).' })
  @IsOptional()
  @IsString()
  organizationId?: string;

  @Field({ defaultValue: true, description: "Include Mexico's LFT art. 74 rest days." })
  @IsBoolean()
  mexicoLft74Holidays!: boolean;
}

@InputType()
export class UpdateCalendarInput {
  @Field({ nullable: true, description: CALENDAR_NAME })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @Field(() => [WeekdayScheduleInput], { nullable: true, description: 'Replaces the whole week.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeekdayScheduleInput)
  weekly?: WeekdayScheduleInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  mexicoLft74Holidays?: boolean;
}

@InputType()
export class CalendarHolidayInput {
  @Field({ description: 'Local date YYYY-MM-DD.' })
  @Matches(LOCAL_DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field({ description: 'ELECTION, BANK, CLIENT, …' })
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, {
    message: 'source must be an UPPER_SNAKE tag, e.g. ELECTION',
  })
  source!: string;
}

@InputType()
export class CalendarOverrideInput {
  @Field({ description: 'Local date YYYY-MM-DD.' })
  @Matches(LOCAL_DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @Field(() => [TimeIntervalInput], { description: 'Empty closes the date.' })
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TimeIntervalInput)
  intervals!: TimeIntervalInput[];

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

/** A calendar and one of its local dates (removing a holiday or an override). */
@ArgsType()
export class CalendarDateArgs {
  @Field(() => ID)
  @IsString()
  calendarId!: string;

  @Field({ description: 'Local date YYYY-MM-DD.' })
  @Matches(LOCAL_DATE, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real date' })
  date!: string;
}
