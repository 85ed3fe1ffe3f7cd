import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CANNED_BODY_MAX_LENGTH, CANNED_TITLE_MAX_LENGTH } from './canned-response-rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Trimmed; blank (or null) means «no text in this language». */
const trimOrNull = ({ value }: { value: unknown }) => {
  const trimmed = trim({ value });
  return trimmed === '' ? null : trimmed;
};

@InputType({ description: 'A new canned response (provider managers and admins).' })
export class CreateCannedResponseInput {
  @Field({
    description: `1 to ${CANNED_TITLE_MAX_LENGTH} characters (trimmed), unique regardless of case.`,
  })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be blank' })
  @MaxLength(CANNED_TITLE_MAX_LENGTH)
  title!: string;

  @Field({
    description: `The Spanish text, used for every ticket with no text in its registrant's language: 1 to ${CANNED_BODY_MAX_LENGTH} characters (trimmed), like a comment. Placeholders: {{cliente}}, {{ticket}}, {{asunto}}, {{solicitante}}, {{agente}} (or {{client}}, {{subject}}, {{requester}}, {{agent}}).`,
  })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'body must not be blank' })
  @MaxLength(CANNED_BODY_MAX_LENGTH)
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: `The English text (optional), inserted instead of \`body\` into tickets whose registrant reads English; same limits and placeholders. Null or blank: Spanish only. On update, leaving it out keeps the current English text.`,
  })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(CANNED_BODY_MAX_LENGTH)
  bodyEn?: string | null;
}

@InputType({ description: 'A canned response rewritten (provider managers and admins).' })
export class UpdateCannedResponseInput extends CreateCannedResponseInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class DeleteCannedResponseArgs {
  @Field(() => ID, { description: 'The canned response (CannedResponse.id).' })
  @IsUUID()
  id!: string;
}
