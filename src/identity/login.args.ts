import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from './password-policy';

@ArgsType()
export class LoginArgs {
  // No format check: any malformed or unknown email gets the same answer as a wrong password.
  @Field()
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}
