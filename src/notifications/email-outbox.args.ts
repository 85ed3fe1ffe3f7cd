import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsText, IsTicketNumber } from '../contracts/validation';
import { EmailStatus } from './notifications.graphql-enums';

/** An email address is at most 254 characters (RFC 5321's path limit): a longer search finds none. */
export const MAX_RECIPIENT_SEARCH = 254;

@ArgsType()
export class EmailOutboxArgs {
  @Field(() => EmailStatus, { nullable: true, description: 'Only emails in this status.' })
  @IsOptional()
  @IsEnum(EmailStatus)
  status?: EmailStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Only the emails about this ticket (exact number, e.g. L3-2026-000123).',
  })
  @IsOptional()
  @IsTicketNumber()
  ticketNumber?: string;

  @Field(() => String, {
    nullable: true,
    description: `Only the emails whose recipient address contains this text, whatever the case (a whole address, a name or a domain such as "@aurora.example"); at most ${MAX_RECIPIENT_SEARCH} characters, trimmed.`,
  })
  @IsOptional()
  @IsText('recipient', MAX_RECIPIENT_SEARCH)
  recipient?: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Only the emails queued at or after this instant.',
  })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'Only the emails queued before this instant (not at it); not before `from` (VALIDATION_FAILED).',
  })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 200.' })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number = 50;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}
