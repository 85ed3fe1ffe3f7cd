import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `registerTicket` may carry a request ID: a retry of the same registration (the answer was lost,
 * or the API answered UNAVAILABLE after the commit) returns the ticket it made, never a second one.
 */
export class TicketRegistrationRequest1764317800000 implements MigrationInterface {
  name = 'TicketRegistrationRequest1764317800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket ADD COLUMN registration_request_id text`);
    await q.query(
      `CREATE UNIQUE INDEX ux_ticket_registration_request ON ticket (registrant_id, registration_request_id)
       WHERE registration_request_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ux_ticket_registration_request`);
    await q.query(`ALTER TABLE ticket DROP COLUMN registration_request_id`);
  }
}
