import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { LedgerEntryKind, PolicyStatus } from './graphql-enums';

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

@ObjectType('MonthlyStatementMovement', {
  description:
    'A movement of the month that is not a ticket’s consumption (L3-13): a purchase, an adjustment, or a reversal of a purchase, adjustment or consumption.',
})
export class MonthlyStatementMovementModel {
  @Field(() => ID, { description: 'The ledger entry.' })
  entryId!: string;

  @Field({
    description:
      'YYYY-MM-DD in the statement’s timeZone (a purchase: its purchase date, as in hoursPurchased).',
  })
  date!: string;

  @Field(() => LedgerEntryKind, { description: 'PURCHASE, ADJUSTMENT or REVERSAL.' })
  kind!: LedgerEntryKind;

  @Field(() => LedgerEntryKind, {
    nullable: true,
    description: 'A REVERSAL: the kind of the entry it cancels.',
  })
  reversedKind!: LedgerEntryKind | null;

  @Field(() => Float, { description: 'Signed: what it did to the balance.' })
  hours!: number;

  @Field(() => String, { nullable: true, description: 'The ticket of a reversed consumption.' })
  ticketNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The package bought, or whose purchase is reversed.',
  })
  packageReference!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'L3-03: a purchase’s price (in amountCurrency); the reversal of a purchase, that price negated; null for adjustments and other reversals.',
  })
  amount!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The ISO 4217 currency of amount (the package’s); null when amount is.',
  })
  amountCurrency!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An adjustment’s or reversal’s reason, as written; null for a purchase.',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who made it (null: the system).' })
  createdByName!: string | null;
}

@ObjectType('MonthlyStatement', {
  description:
    'A month of a client: fee, hours per ticket (by work date), waived hours, purchases, adjustments, and the balance at its start and end (L3-13): openingBalance + hoursPurchased − hoursConsumed + hoursAdjusted = closingBalance.',
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

  @Field(() => String, {
    nullable: true,
    description:
      "YYYY-MM: the first month with anything to state (the policy's start, the first package, hours logged or adjustment), e.g. the oldest a month picker offers. Null when there is nothing yet.",
  })
  firstMonth!: string | null;

  @Field(() => Float, {
    description:
      'Hours of the packages bought in the month, less those of purchases reversed in it (signed, as the balance’s purchased).',
  })
  hoursPurchased!: number;

  @Field(() => Float)
  hoursConsumed!: number;

  @Field(() => Float)
  hoursWaived!: number;

  @Field(() => [TicketMonthHoursModel])
  tickets!: TicketMonthHoursModel[];

  @Field({
    description:
      'The IANA zone the month’s days are counted in: the organization’s calendar (its own, else the default).',
  })
  timeZone!: string;

  @Field(() => Float, { description: 'The balance before the first day of the month.' })
  openingBalance!: number;

  @Field(() => Float, {
    description:
      'Adjustments of the month and reversals other than of a purchase (those are in hoursPurchased), signed.',
  })
  hoursAdjusted!: number;

  @Field(() => Float, {
    description:
      'The balance at the end of the last day of the month; for the month under way, the balance now.',
  })
  closingBalance!: number;

  @Field(() => [MonthlyStatementMovementModel], {
    description: 'Purchases, adjustments and reversals of the month, by date.',
  })
  movements!: MonthlyStatementMovementModel[];

  @Field({
    description:
      'The same data as CSV (header, MONTHLY_FEE, one TICKET per ticket, TOTAL, OPENING_BALANCE, one line per movement: PURCHASE, ADJUSTMENT, REVERSAL_OF_<kind>, then CLOSING_BALANCE).',
  })
  csv!: string;
}
