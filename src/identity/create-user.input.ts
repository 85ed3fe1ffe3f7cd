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
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from './locale.enum';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';
import { USER_EMAIL } from './user-email';

@InputType({ description: 'A user issued by a provider admin (L3-04).' })
export class CreateUserInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field({ description: 'Stored lower-cased; must be unique regardless of case.' })
  @IsEmail(USER_EMAIL)
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName!: string;

  @Field(() => [Role], {
    description:
      'Client organizations: CLIENT_USER, CLIENT_APPROVER; provider: AGENT, MANAGER, ADMIN.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => Locale, { defaultValue: DEFAULT_LOCALE })
  @IsEnum(Locale)
  locale: Locale = DEFAULT_LOCALE;

  @Field({ defaultValue: DEFAULT_TIME_ZONE, description: 'IANA time zone.' })
  @IsOptional()
  @IsTimeZone()
  timeZone: string = DEFAULT_TIME_ZONE;

  @Field({
    nullable: true,
    description: `Left out (the web form): the user gets an invitation email with a one-time link to choose their password (72 h). Given: handed to the user by the admin; ${MIN_PASSWORD_LENGTH} characters or more.`,
  })
  @IsOptional()
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  temporaryPassword?: string;
}
