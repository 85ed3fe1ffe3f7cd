import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11: a file uploaded for a comment (`forComment`) has no email of its own: the comment's names
 * it. Until that comment names it, the file is held (`held_for_comment_until`, its upload plus a
 * few minutes): listed nowhere, told to nobody; the comment releases it. One whose comment never
 * came (the browser closed between the upload and the comment) is removed once its hold ends
 * (`HeldCommentFilesSweep`), as an unsent draft's file. The partial index keeps that sweep to the
 * few held files.
 */
export class AttachmentHeldForComment1764320800000 implements MigrationInterface {
  name = 'AttachmentHeldForComment1764320800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ticket_attachment ADD COLUMN held_for_comment_until timestamptz NULL`,
    );
    await q.query(
      `CREATE INDEX ix_ticket_attachment_held_for_comment ON ticket_attachment (held_for_comment_until)
        WHERE held_for_comment_until IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_attachment_held_for_comment`);
    await q.query(`ALTER TABLE ticket_attachment DROP COLUMN held_for_comment_until`);
  }
}
