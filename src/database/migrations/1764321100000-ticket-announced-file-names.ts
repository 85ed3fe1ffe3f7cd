import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11 with QA S62 #5: the names of the files the registrant announced with the registration
 * (`registerTicket`'s `announcedFileNames`, cleaned as an upload's name is). A file that never
 * arrived (the tab closed mid-upload, a failed upload) is then known on the server: the ticket's
 * `missingAnnouncedFiles` names it to the registrant and to provider staff until a file of that
 * name arrives. Tickets registered before this keep an empty list (nothing to tell).
 */
export class TicketAnnouncedFileNames1764321100000 implements MigrationInterface {
  name = 'TicketAnnouncedFileNames1764321100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ticket ADD COLUMN announced_file_names text[] NOT NULL DEFAULT '{}'
         CONSTRAINT ck_ticket_announced_file_names
           CHECK (array_position(announced_file_names, NULL) IS NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP COLUMN announced_file_names`);
  }
}
