import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model';

@ObjectType('LoginResult', {
  description: 'A session: send the token as `Authorization: Bearer <token>` until it expires.',
})
export class LoginResult {
  @Field({ description: 'Signed session token (JWT, HS256).' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => UserModel)
  user!: UserModel;
}
