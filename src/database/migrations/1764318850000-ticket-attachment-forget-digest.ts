import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11/L3-05: a deleted file keeps no digest of its bytes either. The SHA-256 of a tiny file
 * (a pasted password, a token) can be found by brute force, so deleting it clears `sha256` with
 * the content; the name, size, uploader and who deleted it stay as the record. Live files keep
 * their digest (checked against the bytes at upload).
 */
export class TicketAttachmentForgetDigest1764318850000 implements MigrationInterface {
  name = 'TicketAttachmentForgetDigest1764318850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_attachment ALTER COLUMN sha256 DROP NOT NULL`);
    await q.query(`UPDATE ticket_attachment SET sha256 = NULL WHERE deleted_at IS NOT NULL`);
    await q.query(`
      ALTER TABLE ticket_attachment
        ADD CONSTRAINT ck_ticket_attachment_digest_until_deleted
          CHECK ((deleted_at IS NULL) = (sha256 IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Going back: deleted files have no digest to restore; their records go (as in 1764318800000).
    await q.query(`DELETE FROM ticket_attachment WHERE deleted_at IS NOT NULL`);
    await q.query(`
      ALTER TABLE ticket_attachment
        DROP CONSTRAINT ck_ticket_attachment_digest_until_deleted,
        ALTER COLUMN sha256 SET NOT NULL`);
  }
}
