import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { RequirementKind, TicketClassification } from '../tickets/ticket.model';

@ObjectType('QueueEntry', { description: 'An open ticket in its client queue (L3-10).' })
export class QueueEntryModel {
  @Field(() => Int, { description: '1-based place in the queue (or the work list).' })
  position!: number;

  @Field()
  ticketNumber!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  subject!: string;

  @Field()
  category!: string;

  @Field(() => TicketClassification, {
    nullable: true,
    description:
      'L3-07/L3-08: what the agent classified it as; null until then (lists name it so, else by its category).',
  })
  classification!: TicketClassification | null;

  @Field(() => RequirementKind, { nullable: true })
  requirementKind!: RequirementKind | null;

  @Field()
  state!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Int, { nullable: true, description: "The client's rank; null: arrival order." })
  rank!: number | null;

  @Field({ description: 'Flagged urgent by a client approver: first in the queue.' })
  urgent!: boolean;

  @Field()
  slaStatus!: string;

  @Field(() => Date, { nullable: true })
  nextDeadline!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The published release-for-testing date.' })
  releaseDate!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Authorized requirements: approved estimate hours minus hours logged.',
  })
  remainingHours!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Authorized requirements: the capacity model date in this order (L3-19).',
  })
  plannedReleaseDate!: Date | null;

  @Field({
    description:
      'L3-19: delivery at risk — the capacity model plans the ticket for a business date after its published release date.',
  })
  deliveryAtRisk!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'L3-19: business days the plan is late by (business dates after the published date, up to the planned one) when deliveryAtRisk; null otherwise.',
  })
  deliverySlipBusinessDays!: number | null;

  @Field({
    description:
      'L3-19: the published release date is no longer business time on the ticket’s calendar (a holiday or a closed day added on its day after it was published): it does not move by itself, the agent adjusts it.',
  })
  deliveryOnClosedDay!: boolean;
}

@ObjectType('ClientQueue')
export class ClientQueueModel {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Float, { description: 'Provider hours per business day for this client.' })
  hoursPerBusinessDay!: number;

  @Field({ description: 'When the planned dates were computed.' })
  plannedAt!: Date;

  @Field(() => [QueueEntryModel])
  entries!: QueueEntryModel[];
}

@ObjectType('PlannedDateChange', { description: 'A published release date that moves (L3-19).' })
export class PlannedDateChangeModel {
  @Field()
  ticketNumber!: string;

  @Field()
  subject!: string;

  @Field()
  oldDate!: Date;

  @Field()
  newDate!: Date;
}

@ObjectType('QueueReorderPreview')
export class QueueReorderPreviewModel {
  @Field({ description: 'Pass to confirmQueueReorder: it applies exactly this preview.' })
  previewToken!: string;

  @Field(() => ClientQueueModel, { description: 'The queue in the new order.' })
  queue!: ClientQueueModel;

  @Field(() => [PlannedDateChangeModel], { description: 'Published dates that would move.' })
  changes!: PlannedDateChangeModel[];
}

@ObjectType('QueueReorderResult')
export class QueueReorderResultModel {
  @Field(() => ID)
  reorderId!: string;

  @Field(() => [PlannedDateChangeModel], {
    description:
      'The previewed dates that were published. A ticket that refused its date for good (closed, cancelled, date past) is left out.',
  })
  changes!: PlannedDateChangeModel[];

  @Field(() => ClientQueueModel)
  queue!: ClientQueueModel;
}

@ObjectType('DateChange', { description: 'A published date change from the ticket timeline.' })
export class DateChangeModel {
  @Field()
  ticketNumber!: string;

  @Field()
  subject!: string;

  @Field(() => Int)
  seq!: number;

  @Field()
  at!: Date;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  actorRole!: string | null;

  @Field({ description: 'RELEASE_DATE.' })
  subjectDate!: string;

  @Field(() => Date, { nullable: true })
  oldDate!: Date | null;

  @Field()
  newDate!: Date;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true })
  reorderId!: string | null;
}

@ObjectType('PlanningSettings')
export class PlanningSettingsModel {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Float, { description: 'Provider hours per business day for this client (L3-19).' })
  hoursPerBusinessDay!: number;

  @Field({ description: 'True when the default capacity applies.' })
  defaultCapacity!: boolean;

  @Field(() => String, { nullable: true, description: 'L3-14 WhatsApp group link.' })
  whatsappGroupUrl!: string | null;
}

@ObjectType('QuickChannel', { description: 'L3-14: the client WhatsApp group, if any.' })
export class QuickChannelModel {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  whatsappGroupUrl!: string | null;
}
