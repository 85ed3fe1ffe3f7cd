import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from './authenticated-user';
import { CreateUserInput } from './create-user.input';
import { CurrentUser } from './current-user.decorator';
import { Role } from './role.enum';
import { Roles } from './roles.decorator';
import { SetUserActiveArgs } from './set-user-active.args';
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
    description: 'Issues a portal user or a staff account (L3-04: users come from the provider).',
  })
  async createUser(@Args('input') input: CreateUserInput): Promise<UserModel> {
    return UserModel.fromEntity(await this.service.create(input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description: 'An inactive user can neither log in nor use a session.',
  })
  async setUserActive(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { userId, active }: SetUserActiveArgs,
  ): Promise<UserModel> {
    return UserModel.fromEntity(await this.service.setActive(caller, userId, active));
  }
}
