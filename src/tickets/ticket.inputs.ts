import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
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
import { TEXT_LIMITS } from '../shared/text-limits';
import { IsHours, IsLocalDate, IsText } from '../contracts/validation';
import { TICKET_NUMBER_PATTERN } from './ticket-number';
import {
  AdminActionKind,
  ClientAnswerChannel,
  RequirementKind,
  TicketCategory,
  TicketClassification,
} from './ticket.model';

@InputType()
export class RegisterTicketInput {
  @Field(() => TicketCategory)
  @IsEnum(TicketCategory)
  category!: TicketCategory;

  @Field({ description: '3 to 200 characters, trimmed.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3)
  @MaxLength(TEXT_LIMITS.subject)
  subject!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.description)
  @Matches(/\S/, { message: 'description must not be blank' })
  description!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "L3-11: how many files the registrant is about to upload to the new ticket (0 to ATTACHMENT_MAX_PER_TICKET; default 0). The agents' «Nuevo ticket» email waits for them, up to MAIL_BATCH_WINDOW_MS, so it names them; with none it goes at once.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  attachmentsToFollow?: number;

  @Field(() => [String], {
    nullable: true,
    description:
      'L3-11: the names of the files the registrant is about to upload (at most ATTACHMENT_MAX_PER_TICKET; attachmentsToFollow defaults to how many, and must equal it when both are given). Kept with the ticket: a file of that name that never arrives is listed in Ticket.missingAnnouncedFiles.',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  announcedFileNames?: string[];

  @RequestIdField(
    'Idempotency key: a retry with the same ID returns the ticket it registered, never a second one.',
  )
  requestId?: string;
}

/** Every transition names its ticket and may carry a request ID to make retries safe. */
@InputType()
export class TicketActionInput {
  @Field()
  @Matches(TICKET_NUMBER_PATTERN, { message: 'number must look like L3-2026-000123' })
  number!: string;

  @RequestIdField()
  requestId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  note?: string;
}

/** L3-07: hand an assigned open ticket to another active provider agent. */
@InputType()
export class ReassignTicketInput extends TicketActionInput {
  @Field(() => ID, { description: 'The active provider AGENT who takes the ticket.' })
  @IsUUID()
  agentId!: string;
}

@InputType()
export class ProposeRemoteSessionInput extends TicketActionInput {
  @Field()
  @IsDate()
  at!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'L3-06: the meeting link, an https:// URL (the workflow refuses any other).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  link?: string;

  @Field(() => Int, { nullable: true, description: 'L3-06: minutes, 15 to 240; default 60.' })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(240)
  durationMinutes?: number;
}

/** L3-06: the client confirms the current remote-session proposal. */
@InputType()
export class AcceptRemoteSessionInput extends TicketActionInput {
  @Field(() => Int, { description: 'The proposal answered (Ticket.remoteSession.proposal).' })
  @IsInt()
  @Min(1)
  proposal!: number;
}

/**
 * L3-06 (QA S62): provider staff withdraw the current proposal (confirmed or not), with an
 * optional `note` for the client.
 */
@InputType()
export class WithdrawRemoteSessionInput extends TicketActionInput {
  @Field(() => Int, { description: 'The proposal withdrawn (Ticket.remoteSession.proposal).' })
  @IsInt()
  @Min(1)
  proposal!: number;
}

/** L3-06: the client cannot attend the current proposal: why, and maybe a time that suits it. */
@InputType()
export class DeclineRemoteSessionInput extends TicketActionInput {
  @Field(() => Int, { description: 'The proposal answered (Ticket.remoteSession.proposal).' })
  @IsInt()
  @Min(1)
  proposal!: number;

  @Field({ description: 'Why the client cannot attend at that time.' })
  @IsString()
  @MaxLength(TEXT_LIMITS.reason)
  reason!: string;

  @Field({ nullable: true, description: 'A time that suits the client (in the future).' })
  @IsOptional()
  @IsDate()
  suggestedAt?: Date;
}

@InputType()
export class ClassifyTicketInput extends TicketActionInput {
  @Field(() => TicketClassification)
  @IsEnum(TicketClassification)
  classification!: TicketClassification;

  @Field(() => RequirementKind, { nullable: true })
  @IsOptional()
  @IsEnum(RequirementKind)
  requirementKind?: RequirementKind;

  @Field({ nullable: true, description: 'Problem: this agent; omitted: the least-loaded agent.' })
  @IsOptional()
  @IsUUID()
  agentId?: string;
}

@InputType()
export class DeclareNotFeasibleInput extends TicketActionInput {
  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2_000, { each: true })
  reasons!: string[];
}

@InputType()
export class SubmitEstimateInput extends TicketActionInput {
  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(10_000)
  hours!: number;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.scope)
  scope!: string;
}

/** L3-12: a change order, more hours for an authorized requirement being worked on. */
@InputType()
export class SubmitChangeOrderInput extends TicketActionInput {
  @Field(() => Float, { description: 'Hours added on top of the authorized ones.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(10_000)
  additionalHours!: number;

  @Field({ description: 'What the additional hours are for (scope, reason).' })
  @IsText('scope', TEXT_LIMITS.scope)
  scope!: string;
}

@InputType()
export class AuthorizeEstimateInput extends TicketActionInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  estimateVersion!: number;

  @Field({ description: 'L3-09: the written authorization, kept verbatim.' })
  @IsString()
  @MinLength(10)
  @MaxLength(TEXT_LIMITS.statement)
  statement!: string;
}

@InputType()
export class EstimateFeedbackInput extends TicketActionInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  estimateVersion!: number;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.reason)
  reason!: string;
}

@InputType()
export class SetReleaseDateInput extends TicketActionInput {
  @Field()
  @IsDate()
  releaseDate!: Date;
}

@InputType({ description: 'L3-17: provider staff record an executed odoo.sh admin action.' })
export class RecordAdminActionInput extends TicketActionInput {
  @Field(() => AdminActionKind)
  @IsEnum(AdminActionKind)
  action!: AdminActionKind;

  @Field({ description: 'What was done (e.g. backup name, branch, restore point).' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.details)
  @Matches(/\S/, { message: 'details must not be blank' })
  details!: string;

  @Field({ nullable: true, description: 'When it was executed; default now, never in the future.' })
  @IsOptional()
  @IsDate()
  executedAt?: Date;
}

@InputType({
  description:
    'L3-06/L3-07/L3-08: provider staff record the answer the client gave off the portal (phone, WhatsApp, email, a meeting).',
})
export class RecordClientAnswerInput {
  @Field()
  @Matches(TICKET_NUMBER_PATTERN, { message: 'number must look like L3-2026-000123' })
  number!: string;

  @RequestIdField()
  requestId?: string;

  @Field({ description: 'What the client said (required, not blank).' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.note)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;

  @Field(() => ClientAnswerChannel)
  @IsEnum(ClientAnswerChannel)
  channel!: ClientAnswerChannel;
}

@InputType({ description: "L3-12: time logged on a ticket, charged to its client's hours." })
export class LogTicketTimeInput {
  @Field()
  @Matches(TICKET_NUMBER_PATTERN, { message: 'number must look like L3-2026-000123' })
  number!: string;

  @Field({ description: 'YYYY-MM-DD the work was done.' })
  @IsLocalDate('date')
  date!: string;

  @Field(() => Float, { description: 'Hours > 0 and at most 24, with at most 2 decimals.' })
  @IsHours()
  @Max(24)
  hours!: number;

  @Field()
  @IsText('description', 2000)
  description!: string;

  @RequestIdField('Idempotency key: a retry with the same ID logs once.')
  requestId?: string;
}

@InputType({
  description:
    'L3-12, L3-13: a time entry logged by mistake is cancelled by a reversal (the ledger is append-only): by the agent who logged it while the ticket is open, or by a manager or administrator.',
})
export class ReverseTicketTimeEntryInput {
  @Field()
  @Matches(TICKET_NUMBER_PATTERN, { message: 'number must look like L3-2026-000123' })
  number!: string;

  @Field(() => ID, { description: 'The time entry (TimeEntry.id) on that ticket.' })
  @Matches(/^\d{1,18}$/, { message: 'timeEntryId must be a time entry id' })
  timeEntryId!: string;

  @Field({ description: 'Why it is cancelled; the client reads it in their email.' })
  @IsText('reason')
  reason!: string;

  @RequestIdField('Idempotency key: a retry with the same ID reverses once.')
  requestId?: string;
}

/**
 * What the ticket lists name a ticket by, and so what their category filter matches (L3-01,
 * L3-06…L3-08): its classification once triage set it, else the category it was registered with.
 */
export const TicketListCategory = { ...TicketCategory, ...TicketClassification };
export type TicketListCategory = TicketCategory | TicketClassification;
registerEnumType(TicketListCategory, {
  name: 'TicketListCategory',
  description:
    'What the ticket lists name a ticket by: PROBLEM or REQUIREMENT once classified (a requirement also by its kind when that is a category), else its registered category (L3-01, L3-06).',
});

@InputType()
export class TicketFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  states?: string[];

  @Field(() => TicketListCategory, {
    nullable: true,
    description:
      'PROBLEM or REQUIREMENT: the tickets classified so. A category: the unclassified tickets registered with it and the requirements of that kind (the list shows «Requerimiento · Desarrollo»).',
  })
  @IsOptional()
  @IsEnum(TicketListCategory)
  category?: TicketListCategory;

  @Field({ nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @Field({
    nullable: true,
    description:
      'ok, at_risk or breached: open tickets in that SLA state (an ended ticket has an outcome, not a state).',
  })
  @IsOptional()
  @Matches(/^(ok|at_risk|breached)$/)
  slaStatus?: string;

  @Field({
    nullable: true,
    description:
      'Tickets holding every word of the text, in any order, case and accents aside, each word in their number, subject or description or in an entry of their conversation (comments, notes, scopes, statements, reasons; internal notes for provider staff only): one word may be in the subject and another in a comment. A number may be typed short (L3-2026-6).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;

  @Field({ nullable: true, description: 'Only open (non-terminal) tickets.' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean;

  @Field({
    nullable: true,
    description:
      'L3-09: only open tickets whose newest estimate or change order awaits the written authorization of a client approver.',
  })
  @IsOptional()
  @IsBoolean()
  awaitingAuthorization?: boolean;

  @Field({
    nullable: true,
    description:
      "L3-06/L3-07/L3-09: only tickets waiting on the client's answer: information, a remote session, a reply, a resolution to confirm, a release to test, or (for approvers and staff) a written authorization.",
  })
  @IsOptional()
  @IsBoolean()
  awaitingClient?: boolean;
}
