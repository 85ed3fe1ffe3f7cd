import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11/L3-05: deleting a ticket's file leaves a record of it. The bytes go (`content` becomes
 * NULL: a log that held a password must really be gone), the row stays with who deleted it and
 * when, so the ticket still shows that the file existed («x.log — eliminado por Ana, 28 nov»).
 *
 * The row is either live with its bytes or deleted without them, and `deleted_by` is set exactly
 * when `deleted_at` is. The size check of the first migration (`octet_length(content) =
 * size_bytes`) is NULL, so it passes, once the bytes are gone; `size_bytes` and `sha256` stay as
 * the record of what the file was.
 */
export class TicketAttachmentSoftDelete1764318800000 implements MigrationInterface {
  name = 'TicketAttachmentSoftDelete1764318800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket_attachment
        ADD COLUMN deleted_at timestamptz NULL,
        ADD COLUMN deleted_by uuid NULL REFERENCES app_user (id),
        ALTER COLUMN content DROP NOT NULL,
        ADD CONSTRAINT ck_ticket_attachment_content_until_deleted
          CHECK ((deleted_at IS NULL) = (content IS NOT NULL)),
        ADD CONSTRAINT ck_ticket_attachment_deleted_by
          CHECK ((deleted_by IS NULL) = (deleted_at IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The deleted files' bytes are gone: going back removes their records too.
    await q.query(`DELETE FROM ticket_attachment WHERE deleted_at IS NOT NULL`);
    await q.query(`
      ALTER TABLE ticket_attachment
        DROP CONSTRAINT ck_ticket_attachment_deleted_by,
        DROP CONSTRAINT ck_ticket_attachment_content_until_deleted,
        ALTER COLUMN content SET NOT NULL,
        DROP COLUMN deleted_by,
        DROP COLUMN deleted_at`);
  }
}
