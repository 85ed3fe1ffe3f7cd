import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { EmailStatus } from './notifications.graphql-enums';

@ArgsType()
export class EmailOutboxArgs {
  @Field(() => EmailStatus, { nullable: true, description: 'Only emails in this status.' })
  @IsOptional()
  @IsEnum(EmailStatus)
  status?: EmailStatus;

  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 200.' })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number = 50;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}
