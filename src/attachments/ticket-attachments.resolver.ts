import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppConfig } from '../config/app-config';
import { type AuthenticatedUser, CurrentUser, isProviderStaff } from '../identity';
import type { TicketWithParts } from '../tickets/ticket.mapper';
import { TicketModel } from '../tickets/ticket.model';
import { ALLOWED_EXTENSIONS } from './attachment-policy';
import { AttachmentPolicyModel } from './attachment-policy.model';
import { AttachmentsService } from './attachments.service';
import { DeleteAttachmentArgs } from './delete-attachment.args';
import { TicketAttachmentModel } from './ticket-attachment.model';

/** A ticket's files over GraphQL; the bytes travel over HTTP (`AttachmentsController`). */
@Resolver(() => TicketModel)
export class TicketAttachmentsResolver {
  constructor(
    private readonly files: AttachmentsService,
    private readonly config: AppConfig,
  ) {}

  @Query(() => AttachmentPolicyModel, {
    description: 'L3-11: the size, count and type limits of ticket attachments.',
  })
  attachmentPolicy(): AttachmentPolicyModel {
    return { ...this.config.attachments, allowedExtensions: [...ALLOWED_EXTENSIONS] };
  }

  @ResolveField(() => [TicketAttachmentModel], {
    description:
      'L3-11: files attached to the ticket, oldest first, deleted ones too (deletedAt set, no downloadUrl); internal files only for provider staff. Upload with POST /api/tickets/<number>/attachments, download from downloadUrl.',
  })
  async attachments(
    @CurrentUser() user: AuthenticatedUser,
    @Parent() ticket: TicketWithParts,
  ): Promise<TicketAttachmentModel[]> {
    // Wherever a ticket is shown its access was checked; this holds even if one day it is not.
    if (!isProviderStaff(user) && ticket.organizationId !== user.organizationId) return [];
    const rows = await this.files.list(user, ticket.number);
    return rows.map((row) => TicketAttachmentModel.fromEntity(row));
  }

  @ResolveField(() => [String], {
    description:
      'L3-11 (QA S62 #5): the names the registrant announced with the registration (registerTicket announcedFileNames) that no file of theirs on the ticket carries: the upload never arrived (a tab closed mid-upload, a failed upload). Empty once a file of each name is attached (a deleted one counts as arrived), and for tickets registered without names.',
  })
  async missingAnnouncedFiles(
    @CurrentUser() user: AuthenticatedUser,
    @Parent() ticket: TicketWithParts,
  ): Promise<string[]> {
    if (!isProviderStaff(user) && ticket.organizationId !== user.organizationId) return [];
    return this.files.missingAnnounced(ticket.number);
  }

  @Mutation(() => TicketAttachmentModel, {
    description:
      'Deletes an attachment (no email): its bytes are removed for good, the file stays listed with who deleted it and when. Its uploader may while the ticket is open, provider staff any time. Answers the deleted file (deletedAt set, downloadUrl null); a file deleted already is answered unchanged.',
  })
  async deleteAttachment(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: DeleteAttachmentArgs,
  ): Promise<TicketAttachmentModel> {
    return TicketAttachmentModel.fromEntity(await this.files.delete(user, args.id));
  }
}
