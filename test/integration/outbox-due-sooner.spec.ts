import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { EmailDispatcher, OUTBOX_CHANNEL } from '../../src/notifications/email-dispatcher';
import { caughtAtLeast } from '../support/caught-mail';
import { type DatabaseBefore, databaseBefore } from '../support/database-before';
import { eventuallyHeld } from '../support/eventually';
import { integrationConfig } from '../support/integration-harness';
import { startDispatcher } from '../support/outbox-dispatcher';

// L3-11: a queued email moved to go sooner (the agents' «Nuevo ticket» email once every announced
// file has arrived) wakes the dispatchers at once, whoever moved it: OutboxDueSoonerNotify
// 1764320300000 notifies their channel then. Without it the email waited for the safety poll.

const MIGRATION = '1764320300000-outbox-due-sooner-notify';

describe('a queued email due sooner wakes the outbox dispatchers (L3-11)', () => {
  let database: DatabaseBefore;
  let db: DataSource;
  let listener: Client;
  /** Every payload notified on the dispatchers' channel since the spec began listening. */
  const notified: string[] = [];
  let emails = 0;

  beforeAll(async () => {
    database = await databaseBefore('due_sooner', MIGRATION);
    await database.before.destroy();
    await runMigrations(database.url);
    db = await new DataSource(typeOrmOptions(database.url)).initialize();
    listener = new Client({ connectionString: database.url });
    listener.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) notified.push(n.payload ?? '');
    });
    await listener.connect();
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  });
  afterAll(async () => {
    await listener?.end();
    await db?.destroy();
    await database?.drop();
  });

  /**
   * What `write`'s commit notified the dispatchers, in order. A marker notified after it closes
   * the list: PostgreSQL delivers notifications in commit order, so no wait is needed for silence.
   */
  async function notifiedBy(write: () => Promise<unknown>): Promise<string[]> {
    const from = notified.length;
    await write();
    const marker = `marker ${from}`;
    await db.query(`SELECT pg_notify($1, $2)`, [OUTBOX_CHANNEL, marker]);
    await eventuallyHeld(
      () => notified,
      (all) => all.includes(marker),
    );
    return notified.slice(from, notified.indexOf(marker));
  }

  /** A new email in `status`, due in a day: its id, Message-ID and what its insert notified. */
  async function email(status = 'QUEUED') {
    emails += 1;
    const key = `due-sooner-${process.pid}-${Date.now()}-${emails}`;
    let row: { id: string; messageId: string } | undefined;
    const inserted = await notifiedBy(async () => {
      [row] = await db.query<{ id: string; messageId: string }[]>(
        `INSERT INTO email_outbox (event_key, event_type, recipient_address, locale, template,
           payload, subject, text, html, message_id, status, next_attempt_at, sent_at)
         VALUES ($1, 'TICKET_REGISTERED', 'agentes@proveedor.example', 'es-MX', 'ticket-registered',
           '{}', 'Nuevo ticket', 'texto', '<p>texto</p>', '<' || $1 || '@due-sooner>', $2,
           now() + interval '1 day', CASE WHEN $2 = 'SENT' THEN now() END)
         RETURNING id, message_id AS "messageId"`,
        [key, status],
      );
    });
    return { ...row!, inserted };
  }

  const setDue = (id: string, at: string) =>
    db.query(`UPDATE email_outbox SET next_attempt_at = ${at} WHERE id = $1`, [id]);

  it('a queued email moved earlier notifies once, as a newly queued one does', async () => {
    const { id, inserted } = await email();
    // The payload tg_email_outbox_notify sends, which the dispatcher only takes as «look again».
    expect(inserted).toEqual(['']);
    expect(await notifiedBy(() => setDue(id, `next_attempt_at - interval '1 hour'`))).toEqual(
      inserted,
    );
  });

  it('nothing is notified for an email moved later, or written without moving', async () => {
    const { id } = await email();
    expect(await notifiedBy(() => setDue(id, `next_attempt_at + interval '1 hour'`))).toEqual([]);
    expect(await notifiedBy(() => setDue(id, 'next_attempt_at'))).toEqual([]);
    expect(
      await notifiedBy(() =>
        db.query(`UPDATE email_outbox SET last_error = 'x' WHERE id = $1`, [id]),
      ),
    ).toEqual([]);
  });

  it.each(['SENDING', 'SENT', 'FAILED'])(
    'nothing is notified for a %s email moved earlier',
    async (status) => {
      const { id } = await email(status);
      expect(await notifiedBy(() => setDue(id, `next_attempt_at - interval '1 hour'`))).toEqual([]);
    },
  );

  it('a dispatcher sends an email moved to now at once, not at its next poll', async () => {
    const { id, messageId } = await email();
    const rounds = jest.spyOn(
      EmailDispatcher.prototype as unknown as { drain(): Promise<void> },
      'drain',
    );
    // An hour between polls: far beyond this wait, so only the notification can send it in time.
    const config = integrationConfig({
      DATABASE_URL: database.url,
      MAIL_POLL_INTERVAL_MS: '3600000',
    });
    const dispatcher = await startDispatcher({ db, config });
    try {
      // Its first round, begun by start(), found nothing due and timed the next one for the poll.
      expect(rounds).toHaveBeenCalledTimes(1);
      await rounds.mock.results[0].value;
      await setDue(id, 'now()');
      expect(await caughtAtLeast(1, (m) => m.messageId === messageId)).toHaveLength(1);
    } finally {
      rounds.mockRestore();
      await dispatcher.stop();
    }
  });
});
