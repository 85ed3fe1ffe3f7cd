import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Role } from '../identity/role.enum';
import type { TicketAttachmentEntity } from './ticket-attachment.entity';

/** Where a file is downloaded from (`GET`, with the same bearer token as GraphQL). */
export function attachmentDownloadPath(id: string): string {
  return `/api/attachments/${id}`;
}

@ObjectType('TicketAttachment', {
  description:
    'A file attached to a ticket (L3-11): screenshots, logs, spreadsheets. Uploaded with POST /api/tickets/<number>/attachments (multipart field `file`). A deleted file stays listed, without its bytes, with who deleted it and when.',
})
export class TicketAttachmentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  ticketNumber!: string;

  @Field({ description: 'The name it was uploaded with (no folders, at most 200 characters).' })
  fileName!: string;

  @Field({ description: 'Media type from the allow-list, decided by the server (e.g. image/png).' })
  mediaType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Lowercase hex SHA-256 of the bytes, to check a download; null once deleted (it goes with the bytes).',
  })
  sha256!: string | null;

  @Field({
    description:
      'An internal file: provider staff only, like an internal note. Clients never see it (not listed, not downloadable) and it is not emailed to them.',
  })
  internal!: boolean;

  @Field(() => ID)
  uploadedById!: string;

  @Field()
  uploadedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the file was deleted (its bytes removed for good); null while it is live.',
  })
  deletedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who deleted the file; null while it is live.' })
  deletedById!: string | null;

  /**
   * The roles stored with the upload and the deletion. Not fields here: `AttachmentNamesResolver`
   * serves `uploadedByRole` / `deletedByRole` from them, to whoever may see the person.
   */
  uploadedByRole!: Role | null;
  deletedByRole!: Role | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Path of the download under the API (GET with Authorization: Bearer <token>): /api/attachments/<id>. Null once the file is deleted.',
  })
  downloadUrl!: string | null;

  static fromEntity(row: TicketAttachmentEntity): TicketAttachmentModel {
    return {
      id: row.id,
      ticketNumber: row.ticketNumber,
      fileName: row.fileName,
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      internal: row.internal,
      uploadedById: row.uploadedBy,
      uploadedAt: row.uploadedAt,
      deletedAt: row.deletedAt,
      deletedById: row.deletedBy,
      uploadedByRole: row.uploadedByRole,
      deletedByRole: row.deletedByRole,
      downloadUrl: row.deletedAt ? null : attachmentDownloadPath(row.id),
    };
  }
}
