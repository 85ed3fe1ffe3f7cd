import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Locale, Role } from './graphql-enums';
import { USER_EMAIL } from './user-email';

@InputType({
  description: 'Changes to a user (L3-04, provider admins). Fields left out stay as they are.',
})
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field({
    nullable: true,
    description:
      'Corrects the email address (stored lower-cased; CONFLICT reason EMAIL_TAKEN when another user has it). The user is emailed at the new address: a new invitation while theirs is pending, else a notice. Their open sessions keep working; live password links are revoked.',
  })
  @IsOptional()
  @IsEmail(USER_EMAIL)
  @MaxLength(254)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;

  @Field(() => [Role], {
    nullable: true,
    description:
      "Replaces the user's roles; they must fit the organization's kind. An admin cannot remove their own ADMIN role.",
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;

  @Field({ nullable: true, description: 'IANA time zone.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
