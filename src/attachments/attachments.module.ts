import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { IdentityModule } from '../identity/identity.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UserNamesLoader } from '../tickets/user-names.loader';
import { AttachmentHttpErrorFilter } from './attachment-http-error.filter';
import { AttachmentNamesResolver } from './attachment-names.resolver';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { HeldCommentFilesSweep } from './held-comment-files.sweep';
import { TicketAttachmentsResolver } from './ticket-attachments.resolver';

/**
 * Files on tickets (L3-11): the HTTP upload and download, `Ticket.attachments` and
 * `deleteAttachment` over GraphQL. API only (the worker never touches files).
 */
@Module({
  imports: [
    IdentityModule,
    TicketsModule,
    // Memory storage (multer's default without `dest`): the bytes go to PostgreSQL. One file of
    // at most ATTACHMENT_MAX_BYTES; names in UTF-8 (browsers send them so; busboy assumes latin1).
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 10, parts: 12 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentHttpErrorFilter,
    TicketAttachmentsResolver,
    AttachmentNamesResolver,
    UserNamesLoader,
    // L3-11: a file held for a comment that never came is removed.
    HeldCommentFilesSweep,
  ],
})
export class AttachmentsModule {}
