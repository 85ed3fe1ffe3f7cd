import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { LoginArgs } from './login.args';
import { LoginResult } from './login-result.model';
import { Public } from './public.decorator';
import { UserModel } from './user.model';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => LoginResult, {
    description: 'Starts a session. A wrong email or password gets the same UNAUTHENTICATED error.',
  })
  async login(@Args() { email, password }: LoginArgs): Promise<LoginResult> {
    const session = await this.auth.login(email, password);
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      user: UserModel.fromEntity(session.user),
    };
  }

  @Query(() => UserModel, { description: 'The logged-in user, with their organisation.' })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserModel> {
    return UserModel.fromEntity(await this.users.get(caller.id));
  }
}
