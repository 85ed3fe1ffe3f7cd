import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { UserNamesLoader } from '../tickets/user-names.loader';
import { TicketAttachmentModel } from './ticket-attachment.model';

/**
 * Who attached a file and who deleted it, by name and role (one batch per request, as every name
 * on a ticket: a name and a role of the same person are read in the same query).
 */
@Resolver(() => TicketAttachmentModel)
export class AttachmentNamesResolver {
  constructor(private readonly names: UserNamesLoader) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The person who attached the file, by name (null if the caller may not see it).',
  })
  uploadedByName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() attachment: TicketAttachmentModel,
  ) {
    return this.names.load(ctx, user, attachment.uploadedById);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The person who deleted the file, by name (null while it is live, or if the caller may not see it).',
  })
  deletedByName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() attachment: TicketAttachmentModel,
  ) {
    return this.names.load(ctx, user, attachment.deletedById);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: `The role the person who attached the file is shown in (CLIENT_USER, CLIENT_APPROVER, AGENT, MANAGER, ADMIN): nothing records the role a file was uploaded in, so it is the first of the person's current roles in that order (client roles first, then staff, least power first). Null if the caller may not see the person (as uploadedByName).`,
  })
  uploadedByRole(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() attachment: TicketAttachmentModel,
  ) {
    return this.names.loadRole(ctx, user, attachment.uploadedById);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The role the person who deleted the file is shown in, by the rule of uploadedByRole. Null while the file is live, or if the caller may not see the person.',
  })
  deletedByRole(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() attachment: TicketAttachmentModel,
  ) {
    return this.names.loadRole(ctx, user, attachment.deletedById);
  }
}
