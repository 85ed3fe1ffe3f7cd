import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RequestPasswordResetArgs {
  // A malformed address is refused (VALIDATION_FAILED): that says nothing about any account.
  @Field({ description: "The account's email address." })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;
}
