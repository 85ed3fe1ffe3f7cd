import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdempotencyKeyField } from '../common/idempotency-fields';
import { OrganizationArgs } from '../contracts/statement.args';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-number';

@InputType({ description: 'L3-15: when a client’s biweekly checkpoint happens.' })
export class CheckpointSettingsInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 5 = Friday.' })
  @IsInt()
  weekday!: number;

  @Field({ description: 'HH:MM in the client calendar’s time zone, inside its business hours.' })
  @IsString()
  @MaxLength(5)
  localTime!: string;
}

@ArgsType()
export class CheckpointsArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, { defaultValue: 20, description: 'Newest first; 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;
}

@InputType({ description: 'L3-15: what the checkpoint meeting decided.' })
export class CheckpointDecisionsInput {
  @Field({ description: '1 to 10 000 characters.' })
  @IsString()
  @MaxLength(10_000)
  notes!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Open tickets in the new order (first = most important); applied to the client’s queue (L3-10) and moved dates are published (L3-19).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(TICKET_NUMBER_PATTERN, {
    each: true,
    message: 'ticket numbers look like L3-2026-000123',
  })
  newPriorities?: string[] | null;
}

/** Characters an on-demand agenda's idempotency key may hold (it becomes part of a workflow ID). */
export const AGENDA_REQUEST_KEY_PATTERN = /^[A-Za-z0-9._:-]+$/;

@ArgsType()
export class GenerateCheckpointAgendaArgs extends OrganizationArgs {
  /**
   * L3-15: one key per «Generar agenda ahora» intent, sent again on retry: the same key returns
   * the same agenda (emailed once), even after its run ended; a new key makes a new agenda.
   */
  @IdempotencyKeyField()
  @Matches(AGENDA_REQUEST_KEY_PATTERN, {
    message: 'idempotencyKey holds only letters, digits and . _ : -',
  })
  idempotencyKey?: string;
}
