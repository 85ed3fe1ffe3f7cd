import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11 (QA S20): how many files the registrant said they were about to upload with the
 * registration (`registerTicket`'s `attachmentsToFollow`). The agents' «Nuevo ticket» email waits
 * for them only while some have not arrived; a ticket registered without files is told at once.
 */
export class TicketAttachmentsToFollow1764320270000 implements MigrationInterface {
  name = 'TicketAttachmentsToFollow1764320270000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ticket ADD COLUMN attachments_to_follow integer NOT NULL DEFAULT 0
         CONSTRAINT ck_ticket_attachments_to_follow CHECK (attachments_to_follow >= 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP COLUMN attachments_to_follow`);
  }
}
