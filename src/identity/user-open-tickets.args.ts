import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class UserOpenTicketsArgs {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}
