import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';

@ArgsType()
export class SetPasswordWithTokenArgs {
  // No format check beyond a bound: any malformed token gets the same answer as an unknown one.
  @Field({ description: 'The `token` of the emailed link.' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field({ description: `${MIN_PASSWORD_LENGTH} characters or more.` })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password!: string;
}
