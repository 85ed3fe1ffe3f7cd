import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files attached to tickets (screenshots, logs, spreadsheets), L3-05 records and L3-11 client
 * communication. The bytes live in PostgreSQL next to the ticket (one backup holds everything;
 * the product has no object store). `ticket_number` references the read model's row, which is
 * only ever upserted (a rebuild never deletes it). The size and digest are checked against the
 * stored bytes so a row can never claim another file's facts.
 */
export class TicketAttachments1764318500000 implements MigrationInterface {
  name = 'TicketAttachments1764318500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_number text NOT NULL REFERENCES ticket (number),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL CHECK (media_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_ticket_attachment_size CHECK (octet_length(content) = size_bytes)
      )`);
    // The bytes are already compressed where it pays (images, zip, office files): no TOAST
    // compression attempt on every insert, and large values are stored out of line.
    await q.query(`ALTER TABLE ticket_attachment ALTER COLUMN content SET STORAGE EXTERNAL`);
    await q.query(
      `CREATE INDEX ix_ticket_attachment_ticket ON ticket_attachment (ticket_number, uploaded_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_attachment`);
  }
}
