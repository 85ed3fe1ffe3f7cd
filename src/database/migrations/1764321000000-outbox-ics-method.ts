import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-06, L3-11 (review of QA S62): what an outbox email's calendar file does, in columns of its
 * own, so who holds a calendar entry (`remoteSessionHolders`) is read from them rather than from
 * the attachments' jsonb (their base64 contents). `ics_method`: `REQUEST` (adds or moves the
 * entries) or `CANCEL` (takes them out), null for an email without `.ics`; `ics_entries`: which
 * entries of the ticket it carries (`remote-session`, `release`: the `<number>-<entry>.ics`
 * file names). Set when a row is queued or rewritten; existing rows are filled once here from their
 * attachments (an email's files never mixed a request with a cancellation). The holders' read
 * goes by `ix_email_outbox_ticket`.
 */
export class OutboxIcsMethod1764321000000 implements MigrationInterface {
  name = 'OutboxIcsMethod1764321000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE email_outbox
         ADD COLUMN ics_method text NULL CHECK (ics_method IN ('REQUEST', 'CANCEL')),
         ADD COLUMN ics_entries text[] NULL,
         ADD CONSTRAINT ck_email_outbox_ics_entries
           CHECK ((ics_method IS NULL) = (ics_entries IS NULL))`,
    );
    await q.query(
      `UPDATE email_outbox o
          SET ics_method = f.method, ics_entries = f.entries
         FROM (SELECT o2.id,
                      CASE WHEN bool_or(a.file ->> 'contentType' LIKE '%method=CANCEL%')
                           THEN 'CANCEL' ELSE 'REQUEST' END AS method,
                      array_agg(left(substr(a.file ->> 'filename', length(o2.ticket_number) + 2), -4)
                                ORDER BY a.i) AS entries
                 FROM email_outbox o2,
                      jsonb_array_elements(o2.attachments) WITH ORDINALITY a(file, i)
                WHERE o2.ticket_number IS NOT NULL
                  AND a.file ->> 'contentType' LIKE 'text/calendar%'
                  AND starts_with(a.file ->> 'filename', o2.ticket_number || '-')
                  AND a.file ->> 'filename' LIKE '%.ics'
                GROUP BY o2.id) f
        WHERE o.id = f.id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE email_outbox DROP CONSTRAINT ck_email_outbox_ics_entries,
         DROP COLUMN ics_entries, DROP COLUMN ics_method`,
    );
  }
}
