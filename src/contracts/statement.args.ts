import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class OrganizationArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;
}

@ArgsType()
export class HourStatementArgs extends OrganizationArgs {
  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}

@ArgsType()
export class MonthlyStatementArgs extends OrganizationArgs {
  @Field({ description: 'YYYY-MM.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}
