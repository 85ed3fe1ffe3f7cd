import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { AuthorizationModel } from './ticket.model';
import { UserNamesLoader } from './user-names.loader';

/** L3-09: the written authorization is kept "with who and when": the approver by name. */
@Resolver(() => AuthorizationModel)
export class AuthorizationNamesResolver {
  constructor(private readonly names: UserNamesLoader) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'L3-09: the approver who wrote the authorization, by name.',
  })
  approverName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() authorization: AuthorizationModel,
  ) {
    return this.names.load(ctx, user, authorization.approverId);
  }
}
