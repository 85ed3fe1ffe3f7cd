import { Field, Float, ID, InputType, Int, ObjectType, PickType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { SlaClockModel } from './ticket.model';

@ObjectType({ description: 'An open SLA clock with its ticket, for the manager dashboard.' })
export class SlaTimerModel {
  @Field()
  ticketNumber!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  subject!: string;

  @Field()
  ticketState!: string;

  @Field(() => SlaClockModel)
  clock!: SlaClockModel;

  @Field({ description: 'ok, at_risk or breached.' })
  slaStatus!: string;
}

@InputType()
export class SlaTimerFilter {
  @Field({ nullable: true, description: 'triage, diagnosis, scheduling or progress.' })
  @IsOptional()
  @IsIn(['triage', 'diagnosis', 'scheduling', 'progress'])
  kind?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ nullable: true, description: 'Only clocks past their at-risk mark (not breached).' })
  @IsOptional()
  @IsBoolean()
  atRiskOnly?: boolean;

  @Field({
    nullable: true,
    description:
      'Only the breaches that still need attention: clocks breached on tickets not ended (a closed or cancelled ticket drops out), most recent breach first.',
  })
  @IsOptional()
  @IsBoolean()
  breachedOnly?: boolean;

  @Field({
    nullable: true,
    description:
      "Only clocks running or paused (a breached clock still open is left to `breachedOnly`): the board's «Relojes en curso», as `slaTimerCounts` counts them.",
  })
  @IsOptional()
  @IsBoolean()
  runningOnly?: boolean;

  @Field(() => Int, { defaultValue: 200 })
  @IsInt()
  @Min(1)
  @Max(1000)
  first!: number;
}

/** The board's totals take the lists' filters (same validation), without paging or list choice. */
@InputType()
export class SlaTimerCountFilter extends PickType(
  SlaTimerFilter,
  ['kind', 'organizationId'] as const,
  InputType,
) {}

@ObjectType({
  description:
    'How many clocks each list of the SLA board holds in all (its pages show at most `first`), counted as `slaTimers` lists them.',
})
export class SlaTimerCounts {
  @Field(() => Int, { description: 'Running clocks not breached (`runningOnly`, RUNNING).' })
  running!: number;

  @Field(() => Int, { description: 'Paused clocks not breached (`runningOnly`, PAUSED).' })
  paused!: number;

  @Field(() => Int, {
    description: 'Open clocks past their at-risk mark, not breached (`atRiskOnly`).',
  })
  atRisk!: number;

  @Field(() => Int, { description: 'Clocks breached on tickets not ended (`breachedOnly`).' })
  breached!: number;
}

@ObjectType({
  description:
    'Met vs breached clocks of one kind, month and organization: a clock counts as breached from the moment it breaches (ended or still running), as met once it ends within target.',
})
export class SlaComplianceRow {
  @Field({
    description:
      "YYYY-MM of the breach, or of the end for a clock that never breached, in the time zone of the clock's calendar.",
  })
  month!: string;

  @Field()
  kind!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => Int)
  met!: number;

  @Field(() => Int)
  breached!: number;

  @Field(() => Float, { nullable: true, description: 'met / (met + breached) × 100.' })
  compliancePercent!: number | null;
}

@InputType()
export class SlaComplianceFilter {
  @Field({ description: 'First month, YYYY-MM.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  fromMonth!: string;

  @Field({ description: 'Last month, YYYY-MM.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  toMonth!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
