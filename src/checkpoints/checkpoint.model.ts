import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { PrioritiesStatus } from './checkpoint-decision.entity';

export enum CheckpointRunKindModel {
  SCHEDULED = 'SCHEDULED',
  MOVED_TO_NEXT_BUSINESS_MOMENT = 'MOVED_TO_NEXT_BUSINESS_MOMENT',
  MANUAL = 'MANUAL',
}
registerEnumType(CheckpointRunKindModel, {
  name: 'CheckpointRunKind',
  description:
    'SCHEDULED: at its weekday and time. MOVED_TO_NEXT_BUSINESS_MOMENT: that day was not a business day (holiday). MANUAL: triggered off schedule.',
});

@ObjectType('CheckpointSettings', { description: 'L3-15: a client’s biweekly checkpoint.' })
export class CheckpointSettingsModel {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Int, { description: 'ISO weekday, 1 = Monday … 5 = Friday.' })
  weekday!: number;

  @Field({ description: 'HH:MM in `timeZone`.' })
  localTime!: string;

  @Field({ description: 'IANA zone of the client calendar.' })
  timeZone!: string;

  @Field({ description: 'First checkpoint date (YYYY-MM-DD); then every 14 days.' })
  firstDate!: string;

  @Field(() => [Date], {
    description: 'Next fire instants of the Temporal Schedule (empty when Temporal is away).',
  })
  nextRuns!: Date[];

  @Field()
  updatedAt!: Date;
}

@ObjectType('CheckpointTicket')
export class CheckpointTicketModel {
  @Field() number!: string;
  @Field() subject!: string;
  @Field() category!: string;
  @Field() state!: string;
  @Field() slaStatus!: string;
  @Field(() => Date, { nullable: true }) nextDeadline!: Date | null;
  @Field(() => Date, { nullable: true }) releaseDate!: Date | null;
  @Field() registeredAt!: Date;
  @Field(() => Int, {
    nullable: true,
    description:
      'L3-10: 1-based position in the client’s queue when the agenda was built; null in agendas stored before positions were.',
  })
  queuePosition!: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'L3-06…L3-09: the kind of the running clock nextDeadline is (triage, progress, diagnosis, scheduling); null when none is, and in agendas stored before it was.',
  })
  nextDeadlineClock!: string | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'L3-06: as Ticket.confirmedRemoteSessionAt when the agenda was built: while the ticket waited for a remote session the client confirmed (no clock runs), its time; null otherwise, and in agendas stored before it was.',
  })
  confirmedRemoteSessionAt!: Date | null;
}

@ObjectType('CheckpointStateCount')
export class CheckpointStateCountModel {
  @Field() state!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('CheckpointSlaAlert', {
  description: 'A clock that reached its warning or its deadline during the period.',
})
export class CheckpointSlaAlertModel {
  @Field() ticketNumber!: string;
  @Field() subject!: string;
  @Field() clock!: string;
  @Field({ description: 'AT_RISK or BREACHED (the worst within the period).' }) status!: string;
  @Field(() => Date, { nullable: true }) deadline!: Date | null;
  @Field(() => Date, { nullable: true }) atRiskAt!: Date | null;
  @Field(() => Date, { nullable: true }) breachedAt!: Date | null;
}

@ObjectType('CheckpointEstimate', { description: 'An estimate awaiting authorization (L3-09).' })
export class CheckpointEstimateModel {
  @Field() ticketNumber!: string;
  @Field() subject!: string;
  @Field(() => Int) version!: number;
  @Field(() => Float) hours!: number;
  @Field() scope!: string;
  @Field() submittedAt!: Date;
  @Field(() => Float, {
    nullable: true,
    description: 'L3-12: set for a change order, the hours it adds (hours is the new total).',
  })
  additionalHours!: number | null;
}

@ObjectType('CheckpointDateChange', { description: 'A published date moved (L3-19).' })
export class CheckpointDateChangeModel {
  @Field() ticketNumber!: string;
  @Field() subject!: string;
  @Field() subjectDate!: string;
  @Field(() => String, { nullable: true }) oldDate!: string | null;
  @Field() newDate!: string;
  @Field() reason!: string;
  @Field() at!: Date;
}

@ObjectType('CheckpointHours', { description: 'Prepaid hours (L3-12, L3-13).' })
export class CheckpointHoursModel {
  @Field(() => Float, { description: 'Consumed during the period.' }) consumedInPeriod!: number;
  @Field(() => Float) purchased!: number;
  @Field(() => Float) consumed!: number;
  @Field(() => Float) balance!: number;
  @Field(() => Float) reserved!: number;
  @Field(() => Float) available!: number;
}

@ObjectType('CheckpointDecision')
export class CheckpointDecisionModel {
  @Field(() => ID) id!: string;
  @Field() notes!: string;
  @Field(() => [String], { nullable: true }) newPriorities!: string[] | null;
  @Field(() => String, { description: 'NONE, or APPLIED to the client’s queue (see reorderId).' })
  prioritiesStatus!: PrioritiesStatus;
  @Field(() => ID, { nullable: true }) reorderId!: string | null;
  @Field(() => ID) recordedBy!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Who recorded it, by name (L3-15: the agenda says who, not only their role).',
  })
  recordedByName!: string | null;
  @Field() recordedByRole!: string;
  @Field() recordedAt!: Date;
}

@ObjectType('Checkpoint', { description: 'L3-15: one biweekly checkpoint agenda.' })
export class CheckpointModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => CheckpointRunKindModel) kind!: CheckpointRunKindModel;
  @Field(() => Date, { nullable: true, description: 'The checkpoint’s weekday and time.' })
  scheduledFor!: Date | null;
  @Field({ description: 'End of the previous checkpoint’s period.' }) periodStart!: Date;
  @Field({ description: 'When the agenda was built.' }) periodEnd!: Date;
  @Field(() => [CheckpointStateCountModel]) openByState!: CheckpointStateCountModel[];
  @Field(() => [CheckpointTicketModel], {
    description:
      'In the client’s queue order (L3-10: urgent, the client’s ranks, then arrival), with each position.',
  })
  openTickets!: CheckpointTicketModel[];
  @Field(() => [CheckpointSlaAlertModel]) slaAlerts!: CheckpointSlaAlertModel[];
  @Field(() => [CheckpointEstimateModel])
  estimatesAwaitingAuthorization!: CheckpointEstimateModel[];
  @Field(() => [CheckpointDateChangeModel]) dateChanges!: CheckpointDateChangeModel[];
  @Field(() => CheckpointHoursModel) hours!: CheckpointHoursModel;
  @Field(() => [CheckpointDecisionModel], { description: 'Oldest first.' })
  decisions!: CheckpointDecisionModel[];
}
