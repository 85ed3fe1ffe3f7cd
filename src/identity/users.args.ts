import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class UsersArgs {
  @Field(() => ID, { nullable: true, description: 'Only the users of this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
