import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsTimeZone } from 'class-validator';
import { Locale } from './graphql-enums';

@InputType({
  description:
    "The signed-in user's own language and time zone (L3-04, L3-11: their emails follow them). Fields left out stay as they are.",
})
export class UpdateMyPreferencesInput {
  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;

  @Field({ nullable: true, description: 'IANA time zone, checked as for updateUser.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
