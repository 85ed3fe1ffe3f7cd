import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** Why an SLA clock's deadline is what it is (BUSINESS-TIME.md), in the language asked for. */
@ObjectType('ClockExplanation', {
  description:
    'Why a clock is due when it is: its start, target, the business windows walked (closed days, holidays by name, after-hours) and its pauses.',
})
export class ClockExplanationModel {
  @Field(() => ID)
  calendarId!: string;

  @Field(() => Int, { description: 'The calendar version explained (the clock’s own).' })
  calendarVersion!: number;

  @Field({ description: "The calendar's IANA time zone." })
  timeZone!: string;

  @Field({ description: 'When the clock run started (registration, authorization, …).' })
  startedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'Where the last running stretch starts counting (next business moment); null while paused.',
  })
  clockStart!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null while paused.' })
  deadline!: Date | null;

  @Field(() => Float, {
    description: 'Business minutes that passed while the clock waited on the client (paused).',
  })
  pausedBusinessMinutes!: number;

  @Field(() => [String], {
    description: 'The explanation, one line per step: start, target, spans, skipped days, pauses.',
  })
  lines!: string[];
}
