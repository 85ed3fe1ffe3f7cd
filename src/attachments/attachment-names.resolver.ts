import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { UserNamesLoader } from '../tickets/user-names.loader';
import { TicketAttachmentModel } from './ticket-attachment.model';

/** Who attached a file and who deleted it, by name (one batch per request, as every name on a ticket). */
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
}
