import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from './authenticated-user';
import { CreateUserInput } from './create-user.input';
import { CurrentUser } from './current-user.decorator';
import { Role } from './role.enum';
import { PasswordLinkSentModel } from './password-link-sent.model';
import { Roles } from './roles.decorator';
import { SendPasswordResetLinkArgs } from './send-password-reset-link.args';
import { SetUserActiveArgs } from './set-user-active.args';
import { UpdateUserInput } from './update-user.input';
import { UserModel } from './user.model';
import { UsersArgs } from './users.args';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Roles(Role.ADMIN, Role.MANAGER)
  @Query(() => [UserModel], { description: 'Users, all or of one organisation (provider staff).' })
  async users(@Args() { organizationId }: UsersArgs): Promise<UserModel[]> {
    return (await this.service.list(organizationId)).map((u) => UserModel.fromEntity(u));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      'Issues a portal user or a staff account (L3-04: users come from the provider). Without a temporaryPassword the user is emailed an invitation link to choose one.',
  })
  async createUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return UserModel.fromEntity(await this.service.create(input, caller.id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      "Edits a user's display name, roles, language or time zone (L3-04). Roles must fit the organisation's kind; an admin cannot remove their own ADMIN role (CONFLICT). Removing a role ends the user's sessions.",
  })
  async updateUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: UpdateUserInput,
  ): Promise<UserModel> {
    return UserModel.fromEntity(await this.service.update(caller, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => PasswordLinkSentModel, {
    description:
      'Emails the user a one-time link to set a new password, valid 2 h; any older link stops working.',
  })
  sendPasswordResetLink(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { userId }: SendPasswordResetLinkArgs,
  ): Promise<PasswordLinkSentModel> {
    return this.service.sendResetLink(caller, userId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      'An inactive user can neither log in nor use a session; deactivating ends their sessions for good (reactivating does not revive them).',
  })
  async setUserActive(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { userId, active }: SetUserActiveArgs,
  ): Promise<UserModel> {
    return UserModel.fromEntity(await this.service.setActive(caller, userId, active));
  }
}
