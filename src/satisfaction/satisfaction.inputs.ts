import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-number';
import { RATING_COMMENT_MAX_LENGTH, SCORE_MAX, SCORE_MIN } from './satisfaction-rules';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class RateTicketInput {
  @Field({ description: 'A CLOSED ticket of your organization, e.g. L3-2026-000123.' })
  @Matches(TICKET_NUMBER_PATTERN, { message: 'number must look like L3-2026-000123' })
  number!: string;

  @Field(() => Int, {
    description: `${SCORE_MIN} (very unsatisfied) to ${SCORE_MAX} (very satisfied).`,
  })
  @IsInt()
  @Min(SCORE_MIN)
  @Max(SCORE_MAX)
  score!: number;

  @Field(() => String, {
    nullable: true,
    description: `Optional, up to ${RATING_COMMENT_MAX_LENGTH} characters (trimmed; blank = none).`,
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsOptional()
  @IsString()
  @MaxLength(RATING_COMMENT_MAX_LENGTH)
  comment?: string | null;
}

@ArgsType()
export class SatisfactionSummaryArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'One organization (client users: only their own, which is also the default).',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ description: "First month, YYYY-MM (in each ticket's calendar zone)." })
  @Matches(MONTH_PATTERN, { message: 'from must be YYYY-MM' })
  from!: string;

  @Field({ description: "Last month, YYYY-MM (in each ticket's calendar zone), inclusive." })
  @Matches(MONTH_PATTERN, { message: 'to must be YYYY-MM' })
  to!: string;

  @Field(() => Int, { defaultValue: 5, description: 'How many lowest ratings per organization.' })
  @IsInt()
  @Min(0)
  @Max(20)
  lowest!: number;
}
