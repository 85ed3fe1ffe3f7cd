import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CANNED_BODY_MAX_LENGTH, CANNED_TITLE_MAX_LENGTH } from './canned-response-rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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
    description: `1 to ${CANNED_BODY_MAX_LENGTH} characters (trimmed), like a comment. Placeholders: {{cliente}}, {{ticket}}, {{asunto}}, {{solicitante}}, {{agente}} (or {{client}}, {{subject}}, {{requester}}, {{agent}}).`,
  })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'body must not be blank' })
  @MaxLength(CANNED_BODY_MAX_LENGTH)
  body!: string;
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
