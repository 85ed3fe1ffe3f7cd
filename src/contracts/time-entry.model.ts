import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { HourBalanceModel } from './hour-balance.model';
import type { TimeEntryEntity } from './time-entry.entity';

@ObjectType('TimeEntry', { description: 'Work logged on a ticket (append-only).' })
export class TimeEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  ticketNumber!: string;

  @Field({ description: 'YYYY-MM-DD the work was done.' })
  date!: string;

  @Field(() => Float)
  hours!: number;

  @Field(() => Float, { description: 'Hours taken from the package: 0 on a no-charge ticket.' })
  chargedHours!: number;

  @Field()
  description!: string;

  @Field(() => ID)
  agentId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The agent's display name (filled when listed on a ticket).",
  })
  agentName?: string | null;

  @Field(() => ID)
  ledgerEntryId!: string;

  @Field()
  createdAt!: Date;

  @Field(() => HourBalanceModel, { description: 'The balance after this entry.' })
  balance!: HourBalanceModel;

  @Field({
    description:
      "L3-13: a manager reversed this entry's consumption (a correction): its hours are no longer charged.",
  })
  reversed!: boolean;

  static fromEntity(
    e: TimeEntryEntity,
    balance: HourBalanceModel,
    agentName: string | null = null,
    reversed = false,
  ): TimeEntryModel {
    return Object.assign(new TimeEntryModel(), {
      id: String(e.id),
      organizationId: e.organizationId,
      ticketNumber: e.ticketNumber,
      date: e.workDate,
      hours: Number(e.hours),
      chargedHours: Number(e.chargedHours),
      description: e.description,
      agentId: e.agentId,
      agentName,
      ledgerEntryId: String(e.ledgerEntryId),
      createdAt: e.createdAt,
      balance,
      reversed,
    });
  }
}
