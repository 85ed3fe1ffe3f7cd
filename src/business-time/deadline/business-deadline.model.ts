import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum BusinessUnit {
  BUSINESS_MINUTES = 'BUSINESS_MINUTES',
  BUSINESS_HOURS = 'BUSINESS_HOURS',
  BUSINESS_DAYS = 'BUSINESS_DAYS',
}

registerEnumType(BusinessUnit, {
  name: 'BusinessUnit',
  description: 'How an SLA amount is counted (BUSINESS-TIME.md).',
});

export enum ExplanationLanguage {
  ES_MX = 'es-MX',
  EN = 'en',
}

registerEnumType(ExplanationLanguage, { name: 'ExplanationLanguage' });

@ObjectType({ description: 'A business-time deadline and why it is what it is.' })
export class BusinessDeadline {
  @Field({ description: 'The deadline, an ISO-8601 UTC instant.' })
  deadline!: Date;

  @Field(() => ID)
  calendarId!: string;

  @Field(() => Int, { description: 'The calendar version that produced the deadline.' })
  calendarVersion!: number;

  @Field({ description: "The calendar's IANA time zone." })
  timeZone!: string;

  @Field({ description: 'The deadline in the calendar\'s local wall time, "YYYY-MM-DDTHH:MM".' })
  localDeadline!: string;

  @Field({
    nullable: true,
    description: 'Where a minutes/hours clock starts counting (next business moment).',
  })
  clockStart?: Date;

  @Field(() => [String], {
    description: 'Spans counted and days skipped with why (weekend, holiday name, override).',
  })
  explanation!: string[];
}
