import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
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
    description:
      'Starts a session. A wrong email or password gets the same UNAUTHENTICATED error; repeated failures for one email from one address are RATE_LIMITED for a while.',
  })
  async login(
    @Args() { email, password }: LoginArgs,
    @Context() ctx: { req?: { ip?: string; socket?: { remoteAddress?: string } } },
  ): Promise<LoginResult> {
    const ip = ctx.req?.ip ?? ctx.req?.socket?.remoteAddress;
    const session = await this.auth.login(email, password, ip);
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
