import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { RequestIdField } from '../common/idempotency-fields';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-number';

const NUMBER_MESSAGE = 'ticket numbers look like L3-2026-000123';
const MAX_QUEUE = 500;

@ArgsType()
export class QueueArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Provider staff: required. Client users: their own organization (default).',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class WorkListArgs {
  @Field(() => Int, { defaultValue: 50, description: '1 to 200.' })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number = 50;

  @Field(() => ID, { nullable: true, description: 'Only this client.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class DateChangesArgs extends QueueArgs {
  @Field({ description: 'Changes at or after this instant.' })
  @IsDate()
  since!: Date;
}

@InputType()
export class QueueOrderInput {
  @Field(() => ID, { nullable: true, description: 'Provider staff previewing a client queue.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => [String], {
    description: 'Open tickets first to last; tickets left out go by arrival after them.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_QUEUE)
  @Matches(TICKET_NUMBER_PATTERN, { each: true, message: NUMBER_MESSAGE })
  order!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'Tickets of the order flagged urgent (they go first).',
  })
  @IsArray()
  @ArrayMaxSize(MAX_QUEUE)
  @Matches(TICKET_NUMBER_PATTERN, { each: true, message: NUMBER_MESSAGE })
  urgent: string[] = [];
}

@InputType()
export class ConfirmQueueReorderInput extends QueueOrderInput {
  @Field({ description: 'From previewQueueReorder for this very order.' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  previewToken!: string;

  @Field({ description: 'Why: quoted in every date-change email and timeline event.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}

@InputType()
export class AdjustReleaseDateInput {
  @Field()
  @Matches(TICKET_NUMBER_PATTERN, { message: NUMBER_MESSAGE })
  number!: string;

  @Field({ description: 'In the future, inside (or at the closing of) business time.' })
  @IsDate()
  newDate!: Date;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;

  @RequestIdField()
  requestId?: string;
}

@InputType()
export class SetPlanningCapacityInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Provider hours per business day, 0.25 to 24; null: the default.',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  hoursPerBusinessDay?: number | null;
}

@InputType()
export class SetQuickChannelInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'https://chat.whatsapp.com/<code>; null or empty removes the link.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  whatsappGroupUrl?: string | null;
}
