import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClockDaysLeftModel } from './clock-days-left.model';

export enum TicketCategory {
  QUESTION = 'QUESTION',
  INCIDENT = 'INCIDENT',
  CONFIGURATION = 'CONFIGURATION',
  DEVELOPMENT = 'DEVELOPMENT',
  TRAINING = 'TRAINING',
  ADMIN_ACTION = 'ADMIN_ACTION',
}
registerEnumType(TicketCategory, { name: 'TicketCategory', description: 'L3-01 categories.' });

export enum TicketClassification {
  PROBLEM = 'PROBLEM',
  REQUIREMENT = 'REQUIREMENT',
}
registerEnumType(TicketClassification, { name: 'TicketClassification' });

export enum RequirementKind {
  CHANGE = 'CHANGE',
  CONFIGURATION = 'CONFIGURATION',
  DEVELOPMENT = 'DEVELOPMENT',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(RequirementKind, { name: 'RequirementKind' });

@ObjectType()
export class PauseIntervalModel {
  @Field()
  from!: Date;

  @Field(() => Date, { nullable: true })
  to!: Date | null;
}

@ObjectType('SlaClock', { description: 'One run of an SLA clock (SLA-CLAUSES.md clocks table).' })
export class SlaClockModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'triage, diagnosis, scheduling or progress.' })
  kind!: string;

  @Field(() => Int)
  run!: number;

  @Field({ description: 'RUNNING, PAUSED, MET, BREACHED or STOPPED.' })
  status!: string;

  @Field({ description: 'e.g. "8 business hours", "5 business days".' })
  target!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while paused.' })
  deadline!: Date | null;

  @Field(() => Date, { nullable: true })
  atRiskAt!: Date | null;

  @Field(() => Float, { description: 'Business minutes the clock allows.' })
  budgetMinutes!: number;

  @Field(() => Float, { description: 'Business minutes used, computed when queried.' })
  consumedMinutes!: number;

  @Field(() => Float, { description: 'Business minutes left, computed when queried.' })
  remainingMinutes!: number;

  @Field(() => [PauseIntervalModel])
  pauses!: PauseIntervalModel[];

  @Field(() => Date, { nullable: true })
  atRiskRecordedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'How late a breached clock is: business minutes from its deadline to its end, or to now while it has not ended; null when not breached.',
  })
  overdueMinutes!: number | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Int)
  calendarVersion!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "For a clock counted in business days (L3-08, L3-09): the business minutes of one working day on the ticket's calendar (the working time most of its weekdays have; 540 for 09:00–18:00), so its time left can be said in days. Null for a clock counted in minutes.",
  })
  businessDayMinutes!: number | null;

  @Field(() => ClockDaysLeftModel, {
    nullable: true,
    description:
      'A running clock counted in business days, before its deadline: its time left in business dates (QA S62 #13: «Resta hoy y 2 días hábiles», not «3 días hábiles»). Null otherwise and in a registration’s own answer.',
  })
  daysLeft!: ClockDaysLeftModel | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'A running clock outside business time now on its calendar (a night, a weekend, a holiday): the moment it counts again. Null while it counts, for a clock not running, and in a registration’s own answer (BUSINESS-TIME.md).',
  })
  countsFrom!: Date | null;
}

@ObjectType('TicketEvent')
export class TicketEventModel {
  @Field(() => Int)
  seq!: number;

  @Field()
  type!: string;

  @Field()
  at!: Date;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'L3-09/L3-11: the role the user acted in, as recorded with the event when it happened (a later change of their roles does not relabel it); null for the system.',
  })
  actorRole!: string | null;

  // `actorName` and `agentName` are resolved per request in one batch (TicketEventNamesResolver).

  @Field({ description: 'The event data as JSON text.' })
  data!: string;

  /**
   * Not in the schema: for a CLOCK_RECOMPUTED event, the calendar versions after the one its clock
   * had up to the one it was recomputed on (`recomputedVersions`); `calendarChanges` reads them.
   */
  recomputedOn?: RecomputedVersions;
}

/** The calendar versions `from` < v ≤ `to` of `calendarId` that a recomputed deadline followed. */
export interface RecomputedVersions {
  readonly calendarId: string;
  readonly from: number;
  readonly to: number;
}

@ObjectType('Estimate')
export class EstimateModel {
  @Field(() => Int)
  version!: number;

  @Field(() => Float)
  hours!: number;

  @Field()
  scope!: string;

  @Field()
  submittedAt!: Date;

  @Field(() => ID)
  submittedBy!: string;

  @Field({
    description:
      'SUBMITTED, AUTHORIZED, REJECTED, REESTIMATE_REQUESTED or WITHDRAWN (L3-12: a change order still pending when its ticket ended; nothing reserved).',
  })
  status!: string;

  @Field({
    description:
      'L3-12: a change order (more hours for an authorized requirement being worked on); `hours` is then the new authorized total.',
  })
  changeOrder!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'L3-12: the hours a change order adds to the authorized ones (null for an estimate).',
  })
  additionalHours!: number | null;
}

@ObjectType('Authorization', { description: 'L3-09: the written authorization, verbatim.' })
export class AuthorizationModel {
  @Field(() => Int)
  estimateVersion!: number;

  @Field(() => ID)
  approverId!: string;

  @Field()
  statement!: string;

  @Field()
  at!: Date;
}

@ObjectType('RemoteSessionAnswer', {
  description:
    "L3-06: the client's answer to a remote-session proposal, or staff withdrawing it (QA S62).",
})
export class RemoteSessionAnswerModel {
  @Field()
  at!: Date;

  @Field(() => ID, {
    description: 'The client user who answered, or the staff member who withdrew it.',
  })
  by!: string;

  @Field(() => String, { nullable: true, description: 'Why the client cannot attend (declined).' })
  reason!: string | null;

  @Field(() => Date, { nullable: true, description: 'A time the client suggests instead.' })
  suggestedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Staff's note to the client (withdrawn)." })
  note!: string | null;
}

@ObjectType('RemoteSession', {
  description: 'L3-06: the newest remote-session proposal and the client answer to it.',
})
export class RemoteSessionModel {
  @Field(() => Int, { description: "Which of the ticket's proposals (1, 2… re-proposals)." })
  proposal!: number;

  @Field()
  at!: Date;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'The meeting link (https).' })
  link!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  proposedAt!: Date;

  @Field(() => ID)
  proposedBy!: string;

  @Field(() => RemoteSessionAnswerModel, { nullable: true })
  accepted!: RemoteSessionAnswerModel | null;

  @Field(() => RemoteSessionAnswerModel, { nullable: true })
  declined!: RemoteSessionAnswerModel | null;

  @Field(() => RemoteSessionAnswerModel, {
    nullable: true,
    description:
      'QA S62: provider staff withdrew the session (withdrawRemoteSession): who, when, their note.',
  })
  withdrawn!: RemoteSessionAnswerModel | null;
}

export enum AdminActionKind {
  BACKUP = 'BACKUP',
  RESTORE = 'RESTORE',
  BRANCH_CONFIGURATION = 'BRANCH_CONFIGURATION',
  OTHER = 'OTHER',
}
registerEnumType(AdminActionKind, {
  name: 'AdminActionKind',
  description: 'L3-17 odoo.sh administration done by provider staff.',
});

/** How a client's answer off the portal reached provider staff (L3-06/L3-07/L3-08, L3-11). */
export enum ClientAnswerChannel {
  PHONE = 'PHONE',
  WHATSAPP = 'WHATSAPP',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  OTHER = 'OTHER',
}
registerEnumType(ClientAnswerChannel, {
  name: 'ClientAnswerChannel',
  description: "How the client's answer reached provider staff: phone, WhatsApp, email, a meeting.",
});

@ObjectType('AdminAction', { description: 'L3-17: who executed what, and when (audited).' })
export class AdminActionModel {
  @Field(() => AdminActionKind)
  action!: AdminActionKind;

  @Field()
  details!: string;

  @Field()
  executedAt!: Date;

  @Field(() => ID, { description: 'The provider staff member who executed it.' })
  executedBy!: string;
}

@ObjectType('Ticket')
export class TicketModel {
  @Field({ description: 'L3-02 number, e.g. L3-2026-000123.' })
  number!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  registrantId!: string;

  @Field(() => ID)
  calendarId!: string;

  @Field(() => TicketCategory)
  category!: TicketCategory;

  @Field()
  subject!: string;

  @Field()
  description!: string;

  @Field()
  state!: string;

  @Field(() => TicketClassification, { nullable: true })
  classification!: TicketClassification | null;

  @Field(() => RequirementKind, { nullable: true })
  requirementKind!: RequirementKind | null;

  @Field(() => ID, { nullable: true })
  assigneeId!: string | null;

  @Field(() => Date, { nullable: true, description: 'L3-09 release-for-testing date.' })
  releaseDate!: Date | null;

  @Field(() => String, { nullable: true })
  closureOutcome!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the ticket ended (closed, out of scope, not feasible or cancelled: its closureOutcome); null while open. The console says when a searched ticket that is no longer open ended (QA S60b #8).',
  })
  closedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'L3-07: while RESOLVED, when the ticket closes by itself unless the client confirms or reopens it.',
  })
  autoCloseAt!: Date | null;

  @Field({ description: 'Worst over the open clocks: ok, at_risk, breached.' })
  slaStatus!: string;

  @Field(() => Date, { nullable: true })
  nextDeadline!: Date | null;

  @Field()
  registeredAt!: Date;

  @Field({
    description:
      'When the ticket last changed (L3-11): its newest event but an internal note, which clients never see.',
  })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'A proposed remote session (L3-06).' })
  remoteSessionAt!: Date | null;

  @Field(() => RemoteSessionModel, {
    nullable: true,
    description:
      'L3-06: the newest remote-session proposal (time, duration, link) and the client answer.',
  })
  remoteSession!: RemoteSessionModel | null;

  @Field(() => [EstimateModel])
  estimates!: EstimateModel[];

  @Field(() => [AuthorizationModel])
  authorizations!: AuthorizationModel[];

  @Field(() => [AdminActionModel], { description: 'L3-17 admin actions executed, oldest first.' })
  adminActions!: AdminActionModel[];
}

/** A person by name (L3-07 assignment): what a ticket page shows instead of an ID. */
@ObjectType('Person')
export class PersonModel {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'False for a deactivated user (QA S62 #2).' })
  active!: boolean;
}

@ObjectType()
export class TicketPage {
  @Field(() => [TicketModel])
  items!: TicketModel[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  nextCursor!: string | null;

  /**
   * Counts every ticket of the filter (`totalCount`, resolved only when selected); with `atMost`,
   * stops past it.
   */
  countAll!: (atMost?: number) => Promise<number>;
}

@ObjectType()
export class TransitionOutcome {
  @Field(() => TicketModel)
  ticket!: TicketModel;

  @Field({ description: 'The request ID the transition ran under (retry with it safely).' })
  requestId!: string;

  @Field(() => Int, { description: 'Sequence number of the event it wrote.' })
  seq!: number;
}
