import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { RequestIdField } from '../common/idempotency-fields';
import { COMMENT_MAX_FILES, COMMENT_MAX_LENGTH } from '../../workflows/ticket/ticket.contract';
import { TICKET_NUMBER_PATTERN } from './ticket-number';

/** `addComment` arguments (issue 5): the body is trimmed before its length is checked. */
@ArgsType()
export class AddCommentArgs {
  @Field({ description: 'Ticket number, e.g. L3-2026-000123.' })
  @Matches(TICKET_NUMBER_PATTERN, { message: 'number must look like L3-2026-000123' })
  number!: string;

  @Field({ description: `The comment, 1 to ${COMMENT_MAX_LENGTH} characters (trimmed).` })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'body must not be blank' })
  @MaxLength(COMMENT_MAX_LENGTH)
  body!: string;

  @Field({
    defaultValue: false,
    description: 'Provider staff only: an internal note, never shown to the client nor emailed.',
  })
  @IsBoolean()
  internal!: boolean;

  @Field(() => [ID], {
    nullable: true,
    description: `L3-11: files the commenter attached for this comment (uploaded with \`forComment=true\`), at most ${COMMENT_MAX_FILES}: the comment's email names them.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COMMENT_MAX_FILES)
  @IsString({ each: true })
  attachmentIds?: string[];

  @RequestIdField()
  requestId?: string;
}
