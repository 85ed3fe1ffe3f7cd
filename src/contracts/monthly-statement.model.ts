import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PolicyStatus } from './graphql-enums';

@ObjectType('TicketMonthHours')
export class TicketMonthHoursModel {
  @Field()
  ticketNumber!: string;

  @Field(() => Float)
  hoursLogged!: number;

  @Field(() => Float, { description: 'Taken from the package.' })
  hoursCharged!: number;

  @Field(() => Float, { description: 'Logged on a no-charge ticket (L3-18).' })
  hoursWaived!: number;
}

@ObjectType('MonthlyStatement', {
  description:
    'A month of a client: fee, hours per ticket (by work date), waived hours, purchases.',
})
export class MonthlyStatementModel {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  organizationName!: string;

  @Field({ description: 'YYYY-MM.' })
  month!: string;

  @Field(() => Float, { nullable: true, description: 'Null when no policy had started by then.' })
  monthlyFee!: number | null;

  @Field()
  currency!: string;

  @Field(() => PolicyStatus, { nullable: true, description: 'The policy status today.' })
  policyStatus!: PolicyStatus | null;

  @Field(() => Float)
  hoursPurchased!: number;

  @Field(() => Float)
  hoursConsumed!: number;

  @Field(() => Float)
  hoursWaived!: number;

  @Field(() => [TicketMonthHoursModel])
  tickets!: TicketMonthHoursModel[];

  @Field({
    description: 'The same data as CSV (header, MONTHLY_FEE, one TICKET per ticket, TOTAL).',
  })
  csv!: string;
}
