import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AppUserEntity } from './app-user.entity';
import type { AuthenticatedUser } from './authenticated-user';
import { CreateUserInput } from './create-user.input';
import { CurrentUser } from './current-user.decorator';
import { Role } from './role.enum';
import { PasswordLinkSentModel } from './password-link-sent.model';
import { ResendInvitationArgs } from './resend-invitation.args';
import { Roles } from './roles.decorator';
import { SendPasswordResetLinkArgs } from './send-password-reset-link.args';
import { SetUserActiveArgs } from './set-user-active.args';
import { UpdateUserInput } from './update-user.input';
import { UserOpenTicketsArgs } from './user-open-tickets.args';
import { UserOpenTicketsModel } from './user-open-tickets.model';
import { UserModel } from './user.model';
import { UsersArgs } from './users.args';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Roles(Role.ADMIN, Role.MANAGER)
  @Query(() => [UserModel], { description: 'Users, all or of one organization (provider staff).' })
  async users(@Args() { organizationId }: UsersArgs): Promise<UserModel[]> {
    const users = await this.service.list(organizationId);
    const pending = await this.service.pendingInvitations(users);
    return users.map((u) => UserModel.fromEntity(u, pending.has(u.id)));
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
    return this.withInvitation(await this.service.create(input, caller.id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      "Edits a user's display name, roles, language, time zone or email address (L3-04). Roles must fit the organization's kind; an admin cannot remove their own ADMIN role (CONFLICT). Removing a role ends the user's sessions; a corrected email keeps them (CONFLICT reason EMAIL_TAKEN when another user has the address; the user is emailed at the new one).",
  })
  async updateUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: UpdateUserInput,
  ): Promise<UserModel> {
    return this.withInvitation(await this.service.update(caller, input));
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

  @Roles(Role.ADMIN, Role.MANAGER)
  @Query(() => UserOpenTicketsModel, {
    description:
      "QA S62 #1, #2: the user's open tickets as registrant and as assignee, for the deactivation's confirmation and «Reasignar sus tickets» (reassignOpenTickets): administrators and managers.",
  })
  userOpenTickets(@Args() { userId }: UserOpenTicketsArgs): Promise<UserOpenTicketsModel> {
    return this.service.openTickets(userId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      "An inactive user can neither log in nor use a session; deactivating ends their sessions for good (reactivating does not revive them). Their tickets stay as they are: while a client user is inactive, their client's active approvers get the emails of the tickets they registered (L3-11); an inactive agent's open tickets stay assigned to them until reassigned (userOpenTickets, Ticket.assigneeActive).",
  })
  async setUserActive(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { userId, active }: SetUserActiveArgs,
  ): Promise<UserModel> {
    return this.withInvitation(await this.service.setActive(caller, userId, active));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => PasswordLinkSentModel, {
    description:
      'L3-04: emails a user whose invitation is pending (User.invitationPending) a new invitation link, valid 72 h; the older link stops working. One email per call; again within a minute is RATE_LIMITED (retryAfterSeconds). CONFLICT: deactivated (USER_INACTIVE) or the password already chosen (INVITATION_NOT_PENDING).',
  })
  resendInvitation(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { userId }: ResendInvitationArgs,
  ): Promise<PasswordLinkSentModel> {
    return this.service.resendInvitation(caller, userId);
  }

  private async withInvitation(user: AppUserEntity): Promise<UserModel> {
    return UserModel.fromEntity(user, await this.service.invitationPending(user));
  }
}
