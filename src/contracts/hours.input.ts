import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsUUID, Matches, Max, Min, NotEquals } from 'class-validator';
import { IdempotencyKeyField } from '../common/idempotency-fields';
import { MAX_HOURS } from './hours';
import { IsCurrency, IsHours, IsLocalDate, IsText, IsTicketNumber } from './validation';

@InputType()
export class PurchaseHourPackageInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Float, { description: 'Hours > 0, at most 2 decimals.' })
  @IsHours()
  hours!: number;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsLocalDate('purchasedOn')
  purchasedOn!: string;

  @Field({ description: 'Invoice or order reference.' })
  @IsText('reference', 200)
  reference!: string;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9_999_999_999.99)
  price!: number;

  @Field({ defaultValue: 'MXN' })
  @IsCurrency()
  currency: string = 'MXN';

  @IdempotencyKeyField()
  idempotencyKey?: string;
}

@InputType({ description: "A manager's correction of a client's hours (either sign)." })
export class AdjustHoursInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Float, { description: 'Non-zero, at most 2 decimals; negative takes hours away.' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @NotEquals(0)
  @Min(-MAX_HOURS)
  @Max(MAX_HOURS)
  hours!: number;

  @Field()
  @IsText('reason')
  reason!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string;
}

@InputType({ description: 'Cancels a purchase, adjustment or consumption with a REVERSAL entry.' })
export class ReverseHourEntryInput {
  @Field(() => ID)
  @Matches(/^\d{1,18}$/, { message: 'entryId must be a ledger entry ID' })
  entryId!: string;

  @Field()
  @IsText('reason')
  reason!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string;
}

@InputType({ description: 'Work done on a ticket (L3-12: consumes its authorized estimate).' })
export class LogTimeInput {
  @Field({ description: 'e.g. L3-2026-000123.' })
  @IsTicketNumber()
  ticketNumber!: string;

  @Field(() => ID, { description: "The ticket's client (later derived from the ticket)." })
  @IsUUID()
  organizationId!: string;

  @Field({ description: 'YYYY-MM-DD the work was done.' })
  @IsLocalDate('date')
  date!: string;

  @Field(() => Float, { description: 'Hours > 0, at most 2 decimals.' })
  @IsHours()
  hours!: number;

  @Field()
  @IsText('description', 2000)
  description!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string;
}

@InputType({ description: 'L3-18: provider staff make a ticket free of charge, with a reason.' })
export class SetTicketNoChargeInput {
  @Field()
  @IsTicketNumber()
  ticketNumber!: string;

  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field()
  @IsBoolean()
  noCharge!: boolean;

  @Field()
  @IsText('reason')
  reason!: string;
}
