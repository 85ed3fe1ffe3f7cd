import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PolicyStatus } from './graphql-enums';
import { IsCurrency, IsLocalDate, IsText } from './validation';

@InputType({ description: 'Creates the policy (ACTIVE) or changes its terms (L3-03).' })
export class UpsertSupportPolicyInput {
  @Field(() => ID, { description: 'A client organization.' })
  @IsUUID()
  organizationId!: string;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9_999_999_999.99)
  monthlyFee!: number;

  @Field({ defaultValue: 'MXN' })
  @IsCurrency()
  currency: string = 'MXN';

  @Field({ description: 'YYYY-MM-DD.' })
  @IsLocalDate('startDate')
  startDate!: string;

  @Field({ nullable: true, description: 'Why the terms change (kept in the history).' })
  @IsOptional()
  @IsText('reason')
  reason?: string;
}

@InputType()
export class SetSupportPolicyStatusInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => PolicyStatus)
  @IsEnum(PolicyStatus)
  status!: PolicyStatus;

  @Field({ description: 'Kept in the history; shown to the client when tickets are refused.' })
  @IsText('reason')
  reason!: string;
}

@InputType({ description: 'L3-16: the Odoo admin user the client keeps for the provider.' })
export class RecordOdooAdminUserInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'Null clears it (then it is flagged).' })
  @IsOptional()
  @IsText('login', 200)
  login!: string | null;

  @Field({ defaultValue: true, description: 'The provider checked that the user works.' })
  @IsBoolean()
  confirmed: boolean = true;
}

@InputType({
  description:
    "L3-07: the cadence of the progress updates a client's problem tickets owe it (the periodic-update clock).",
})
export class SetProgressCadenceInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Whole business minutes, 60–4800 (1 to 80 business hours); null restores the default 480 (8 h). Tickets registered afterwards take it; open tickets keep theirs.',
  })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(4800)
  progressCadenceMinutes!: number | null;

  @Field({ nullable: true, description: 'Why the cadence changes (kept in the history).' })
  @IsOptional()
  @IsText('reason')
  reason?: string;
}
