import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { UserNamesLoader } from '../tickets/user-names.loader';
import { TicketAttachmentModel } from './ticket-attachment.model';

/**
 * Who attached a file and who deleted it, by name and role (one batch per request, as every name
 * on a ticket: a name and a role of the same person are read in the same query). The role is the
 * one stored with the upload or the deletion (L3-11 audit trail).
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
    description: `The role the person attached the file in (CLIENT_USER, CLIENT_APPROVER, AGENT, MANAGER, ADMIN): the role of their session at that time, recorded with the upload, so a later change of their roles does not relabel it (L3-11). Files attached before roles were recorded show the role the person held when that was introduced. Null if the caller may not see the person (as uploadedByName).`,
  })
  uploadedByRole(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() attachment: TicketAttachmentModel,
  ) {
    return this.names.loadRole(ctx, user, attachment.uploadedById, attachment.uploadedByRole);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The role the person deleted the file in: the role of their session at that time, recorded with the deletion (as uploadedByRole). Null while the file is live, or if the caller may not see the person.',
  })
  deletedByRole(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() attachment: TicketAttachmentModel,
  ) {
    return this.names.loadRole(ctx, user, attachment.deletedById, attachment.deletedByRole);
  }
}
