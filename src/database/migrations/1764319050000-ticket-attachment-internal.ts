import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11: internal files. Provider staff may attach a file only staff see (a log, a database dump,
 * a screenshot with another client's data), as an internal note: `internal = true` keeps it out of
 * the client's list, download and email. Every file so far was visible to the client: `false`.
 */
export class TicketAttachmentInternal1764319050000 implements MigrationInterface {
  name = 'TicketAttachmentInternal1764319050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ticket_attachment ADD COLUMN internal boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_attachment DROP COLUMN internal`);
  }
}
