import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, storedUserOf } from './authenticated-user';
import { AuthService } from './auth.service';
import { ChangePasswordArgs } from './change-password.args';
import { CurrentUser } from './current-user.decorator';
import { bearerToken, type GraphQLAuthContext } from './graphql-auth-context';
import { LoginArgs } from './login.args';
import { LoginResult } from './login-result.model';
import { PasswordLinksService } from './password-links.service';
import { PasswordResetRequestedModel } from './password-reset-requested.model';
import { PasswordSetModel } from './password-set.model';
import { Public } from './public.decorator';
import { RequestPasswordResetArgs } from './request-password-reset.args';
import { SetPasswordWithTokenArgs } from './set-password-with-token.args';
import { UpdateMyPreferencesInput } from './update-my-preferences.input';
import { UserModel } from './user.model';
import { normalizeEmail, UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly links: PasswordLinksService,
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

  @Public()
  @Mutation(() => PasswordSetModel, {
    description:
      'Sets a password from an emailed one-time link (invitation or reset) and spends the link. An unknown, used, revoked or expired link is VALIDATION_FAILED with reason PASSWORD_LINK_INVALID.',
  })
  setPasswordWithToken(
    @Args() { token, password }: SetPasswordWithTokenArgs,
  ): Promise<PasswordSetModel> {
    return this.links.setPassword(token, password);
  }

  @Public()
  @Mutation(() => PasswordResetRequestedModel, {
    description:
      'L3-04, «¿Olvidó su contraseña?»: if the address belongs to an active account, emails it a one-time link in its language (a reset link valid 2 h, or a new invitation while the invitation is pending); older links stop working. Always answers the same, whether the account exists, is deactivated or invited, so it reveals nothing; at most one email per address per minute (a request within it sends nothing). A malformed email is VALIDATION_FAILED; repeated requests for one email from one address are RATE_LIMITED like logins, and so are requests from one address for many emails (twice LOGIN_MAX_FAILURES within LOGIN_WINDOW_SECONDS), with retryAfterSeconds. The answer does not wait for the email, which is queued right after it.',
  })
  async requestPasswordReset(
    @Args() { email }: RequestPasswordResetArgs,
    @Context() ctx: { req?: { ip?: string; socket?: { remoteAddress?: string } } },
  ): Promise<PasswordResetRequestedModel> {
    const ip = ctx.req?.ip ?? ctx.req?.socket?.remoteAddress;
    await this.auth.requestPasswordReset(email, ip);
    return { email: normalizeEmail(email) };
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "«Cerrar sesión» (L3-04): ends the session of the token sent (Authorization: Bearer) on the server: from then on that token is refused with UNAUTHENTICATED (reason SESSION_ENDED, endedBecause LOGGED_OUT) by GraphQL, the attachment routes and live updates, whose open connection with it is closed. The user's other sessions (other browsers, devices) carry on. Idempotent and always true: a token already logged out, expired, ended or absent has nothing left to end.",
  })
  async logout(@Context() ctx: GraphQLAuthContext): Promise<boolean> {
    await this.auth.logout(bearerToken(ctx));
    return true;
  }

  @Mutation(() => LoginResult, {
    description:
      "Changes the logged-in user's password and ends every session of the user, answering with a fresh one for the caller (use its token from now on). A wrong current password is VALIDATION_FAILED (reason WRONG_CURRENT_PASSWORD); repeated failures are RATE_LIMITED like logins.",
  })
  async changePassword(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { currentPassword, newPassword }: ChangePasswordArgs,
    @Context() ctx: { req?: { ip?: string; socket?: { remoteAddress?: string } } },
  ): Promise<LoginResult> {
    const ip = ctx.req?.ip ?? ctx.req?.socket?.remoteAddress;
    const session = await this.auth.changePassword(caller, currentPassword, newPassword, ip);
    return { ...session, user: UserModel.fromEntity(await this.users.get(caller.id)) };
  }

  @Mutation(() => UserModel, {
    description:
      "Sets the logged-in user's own language and time zone (any role, only their own account): their emails and screens follow them (L3-04, L3-11). An unknown time zone or language is VALIDATION_FAILED and changes nothing.",
  })
  async updateMyPreferences(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: UpdateMyPreferencesInput,
  ): Promise<UserModel> {
    return UserModel.fromEntity(await this.users.updatePreferences(caller, input));
  }

  /**
   * The row the session check read for this request (a deactivated user or an ended session was
   * refused there): not read again, however many times the document asks for `me` (a document of
   * 500 `me` aliases was 500 reads queued on the pool: the fuzz spec's wide case).
   */
  @Query(() => UserModel, { description: 'The logged-in user, with their organization.' })
  me(@CurrentUser() caller: AuthenticatedUser): UserModel {
    return UserModel.fromEntity(storedUserOf(caller));
  }
}
