import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PasswordSet', { description: 'The password was set; log in with it.' })
export class PasswordSetModel {
  @Field({ description: 'The account whose password was set (to fill in the login form).' })
  email!: string;
}
