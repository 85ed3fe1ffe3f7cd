import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { Locale, Role } from './graphql-enums';

@InputType({
  description:
    'Changes to a user (L3-04, provider admins). Fields left out stay as they are; the email does not change.',
})
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;

  @Field(() => [Role], {
    nullable: true,
    description:
      "Replaces the user's roles; they must fit the organisation's kind. An admin cannot remove their own ADMIN role.",
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
