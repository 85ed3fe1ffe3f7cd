import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OrganizationKind } from './graphql-enums';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType()
export class CreateOrganizationInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => OrganizationKind, { defaultValue: OrganizationKind.CLIENT })
  @IsEnum(OrganizationKind)
  kind: OrganizationKind = OrganizationKind.CLIENT;

  @Field({ nullable: true, description: 'Derived from the name when omitted.' })
  @IsOptional()
  @IsString()
  @Length(1, 63)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by "-"' })
  slug?: string;
}
