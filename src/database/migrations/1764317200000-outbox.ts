import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email outbox (L3-11: every client-visible event is emailed, none lost, none sent twice).
 *
 * Rows are written in the same transaction as the event that causes them; a dispatcher claims due
 * rows with `FOR UPDATE SKIP LOCKED`. While a row is SENDING, `next_attempt_at` is its lease: a
 * dispatcher that died mid-send leaves a row another one reclaims once the lease ends. A trigger
 * wakes the dispatchers (`LISTEN email_outbox`) whenever a row becomes QUEUED; NOTIFY is delivered
 * at commit, so a rolled-back event wakes nobody.
 */
export class Outbox1764317200000 implements MigrationInterface {
  name = 'Outbox1764317200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 300),
        event_type text NOT NULL,
        ticket_number text,
        recipient_user_id uuid REFERENCES app_user (id),
        recipient_address text NOT NULL CHECK (recipient_address LIKE '_%@_%'),
        locale text NOT NULL CHECK (locale IN ('es-MX', 'en')),
        template text NOT NULL,
        payload jsonb NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        html text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        message_id text NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED'
          CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claim_token uuid,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT uq_email_outbox_event_recipient UNIQUE (event_key, recipient_address),
        CONSTRAINT ck_email_outbox_sent_at CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_email_outbox_message_id ON email_outbox (message_id)`);
    // The dispatcher's claim query: due rows only, oldest first.
    await q.query(
      `CREATE INDEX ix_email_outbox_due ON email_outbox (next_attempt_at)
         WHERE status IN ('QUEUED', 'SENDING')`,
    );
    await q.query(
      `CREATE INDEX ix_email_outbox_listing ON email_outbox (created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX ix_email_outbox_ticket ON email_outbox (ticket_number)`);

    await q.query(`
      CREATE FUNCTION email_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Same payload in one transaction = one notification at commit.
        PERFORM pg_notify('email_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_email_outbox_notify
        AFTER INSERT OR UPDATE OF status ON email_outbox
        FOR EACH ROW WHEN (NEW.status = 'QUEUED')
        EXECUTE FUNCTION email_outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_outbox`);
    await q.query(`DROP FUNCTION email_outbox_notify()`);
  }
}
