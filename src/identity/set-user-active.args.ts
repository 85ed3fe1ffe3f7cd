import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

@ArgsType()
export class SetUserActiveArgs {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field()
  @IsBoolean()
  active!: boolean;
}
