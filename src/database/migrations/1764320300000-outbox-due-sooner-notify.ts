import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-11: the dispatchers are woken when a queued email falls due sooner, not only when a row
 * becomes QUEUED (tg_email_outbox_notify). A waiting email rewritten to go at once (the agents'
 * «Nuevo ticket» email once every announced file has arrived) went out at the next poll unless its
 * writer sent the notification itself; now the outbox says it for any writer.
 */
export class OutboxDueSoonerNotify1764320300000 implements MigrationInterface {
  name = 'OutboxDueSoonerNotify1764320300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TRIGGER tg_email_outbox_due_sooner_notify
        AFTER UPDATE OF next_attempt_at ON email_outbox
        FOR EACH ROW WHEN (NEW.status = 'QUEUED' AND NEW.next_attempt_at < OLD.next_attempt_at)
        EXECUTE FUNCTION email_outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_email_outbox_due_sooner_notify ON email_outbox`);
  }
}
