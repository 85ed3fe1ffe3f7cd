import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PasswordResetRequested', {
  description:
    'The one answer to a password reset request (L3-04): if the address belongs to an active account, a link was emailed to it. The same whether or not it does.',
})
export class PasswordResetRequestedModel {
  @Field({ description: 'The address asked about, trimmed and in lower case.' })
  email!: string;
}
