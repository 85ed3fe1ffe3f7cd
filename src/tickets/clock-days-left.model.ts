import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ClockDaysLeft', {
  description:
    'What a running clock counted in business days (L3-08, L3-09) has left, in business dates on its calendar (BUSINESS-TIME.md): the rest of today, whole dates after it, and the part of a last date it falls due inside.',
})
export class ClockDaysLeftModel {
  @Field(() => Float, { description: 'Business minutes left today (0 at night, on a closed day).' })
  todayMinutes!: number;

  @Field(() => Int, { description: 'Business dates after today the clock still has whole.' })
  days!: number;

  @Field(() => Float, {
    description:
      'Business minutes of its last date when it falls due inside that date (after a pause); else 0.',
  })
  lastDayMinutes!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'TODAY or TOMORROW when it falls due on that date of its calendar; null when later.',
  })
  dueOn!: 'TODAY' | 'TOMORROW' | null;
}
