import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PasswordLinkSent', {
  description: 'A one-time link to set a password was emailed (L3-04); older links stop working.',
})
export class PasswordLinkSentModel {
  @Field({ description: 'Where the link went.' })
  email!: string;

  @Field()
  expiresAt!: Date;
}
