import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import type { AppConfig } from '../../src/config/app-config';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { freePort } from '../../src/infra/provisioning/temporal-binaries';
import type { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import {
  ticketEventKey,
  type NotificationEvent,
  type NotificationTicket,
} from '../../src/notifications/notification-event';
import { mailDomain } from '../../src/notifications/message-id';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { integrationConfig } from '../support/integration-harness';
import { startDispatcher } from '../support/outbox-dispatcher';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { type SmtpHandlers, SpecSmtpServer } from '../support/spec-smtp';

// L3-11 "no email is lost or sent twice": the dispatcher against an SMTP server this spec owns,
// stops and restarts — outages only delay, concurrent dispatchers never double-send, a stop
// finishes the email in flight, a relay's permanent refusal fails the email at once.

interface Received {
  messageId: string;
  to: string[];
  subject: string;
  inReplyTo: string | undefined;
  references: string | string[] | undefined;
}

/** A real SMTP server on a fixed port that can go down and come back. */
class TestSmtp extends SpecSmtpServer {
  readonly received: Received[] = [];
  /** Addresses the server refuses with 550 (a permanent error). */
  readonly refuse = new Set<string>();
  /** Artificial slowness per message, to have a send in flight. */
  delayMs = 0;

  protected handlers(): SmtpHandlers {
    return {
      onRcptTo: (address, _session, callback) => {
        if (!this.refuse.has(address.address)) return callback();
        const err = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        callback(err);
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
            this.received.push({
              messageId: mail.messageId ?? '',
              to: [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')),
              subject: mail.subject ?? '',
              inReplyTo: mail.inReplyTo,
              references: mail.references,
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    };
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Row {
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string;
  next_attempt_at: Date;
  created_at: Date;
}

describe('L3-11 email dispatcher: outages, concurrency, shutdown', () => {
  let world: SeededWorld;
  let smtp: TestSmtp;
  let env: Record<string, string>;
  let config: AppConfig;
  let service: NotificationsService;
  let registrantId: string;
  const dispatchers: EmailDispatcher[] = [];
  const extraSources: DataSource[] = [];
  let ticketSeq = 0;

  beforeAll(async () => {
    world = await createSeededWorld('notifydispatch');
    smtp = new TestSmtp(await freePort());
    env = {
      DATABASE_URL: world.config.database.url,
      SMTP_URL: smtp.url,
      // Fast retries; the safety poll is long, so the retry timer is what delivers.
      MAIL_RETRY_BASE_MS: '200',
      MAIL_RETRY_CAP_MS: '800',
      MAIL_POLL_INTERVAL_MS: '600000',
      MAIL_MAX_ATTEMPTS: '50',
    };
    config = integrationConfig(env);
    service = new NotificationsService(config, new CalendarsService(world.db));
    [{ id: registrantId }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'usuario@aurora.example'`,
    );
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
    await smtp.stop();
    smtp.received.length = 0;
    smtp.refuse.clear();
    smtp.delayMs = 0;
  });
  afterAll(async () => {
    await Promise.all(extraSources.map((d) => d.destroy()));
    await world?.close();
  });

  function ticket(): NotificationTicket {
    ticketSeq += 1;
    return {
      number: `L3-2098-${String(ticketSeq).padStart(6, '0')}`,
      subject: `Prueba ${ticketSeq}`,
      registrantId,
      clientOrgId: world.orgIds['comercializadora-aurora'],
    };
  }

  function progressEvents(t: NotificationTicket, count: number): NotificationEvent[] {
    return Array.from({ length: count }, (_, i) => ({
      type: 'PROGRESS_UPDATE' as const,
      eventKey: ticketEventKey(t.number, i + 1),
      occurredAt: new Date().toISOString(),
      ticket: t,
      text: `Avance ${i + 1}`,
    }));
  }

  async function enqueueAll(events: NotificationEvent[]): Promise<void> {
    await world.db.transaction(async (manager) => {
      for (const e of events) await service.enqueue(manager, e);
    });
  }

  const rowsOf = (t: NotificationTicket) =>
    world.db.query<Row[]>(
      `SELECT status, attempts, last_error, message_id, next_attempt_at, created_at
         FROM email_outbox WHERE ticket_number = $1 ORDER BY event_key`,
      [t.number],
    );

  /** A started dispatcher on `db` with this spec's SMTP and retry settings; stopped afterEach. */
  async function dispatcherOn(
    db: DataSource = world.db,
    settings: AppConfig = config,
  ): Promise<EmailDispatcher> {
    const d = await startDispatcher({ db, config: settings });
    dispatchers.push(d);
    return d;
  }

  it('SMTP down: emails stay QUEUED with attempts and backoff, then arrive when it returns', async () => {
    const t = ticket();
    await enqueueAll(progressEvents(t, 2));
    await dispatcherOn(); // the SMTP server is not running

    const failing = await waitFor('a few failed attempts', async () => {
      const rows = await rowsOf(t);
      return rows.every((r) => r.attempts >= 3) && rows;
    });
    for (const r of failing) {
      expect(r.status).toMatch(/^(QUEUED|SENDING)$/);
      expect(r.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
    const queued = await waitFor('a row waiting for its retry', async () => {
      const rows = await rowsOf(t);
      return rows.find((r) => r.status === 'QUEUED' && r.next_attempt_at > r.created_at);
    });
    expect(queued.attempts).toBeGreaterThanOrEqual(3);
    expect(smtp.received).toHaveLength(0);

    await smtp.start();
    const sent = await waitFor('both SENT', async () => {
      const rows = await rowsOf(t);
      return rows.every((r) => r.status === 'SENT') && rows;
    });
    await waitFor('both received', () => Promise.resolve(smtp.received.length === 2));
    expect(new Set(smtp.received.map((m) => m.messageId))).toEqual(
      new Set(sent.map((r) => r.message_id)),
    );
    for (const r of sent) expect(r.last_error).toBeNull();
  });

  it('two dispatchers on one outbox deliver each email exactly once', async () => {
    await smtp.start();
    const t = ticket();
    const count = 60;
    await enqueueAll(progressEvents(t, count));
    // Two processes' worth: separate connection pools, started together on a full outbox.
    const other = await new DataSource(typeOrmOptions(world.config.database.url)).initialize();
    extraSources.push(other);
    await Promise.all([dispatcherOn(), dispatcherOn(other)]);

    const rows = await waitFor('all SENT', async () => {
      const r = await rowsOf(t);
      return r.length === count && r.every((x) => x.status === 'SENT') && r;
    });
    await waitFor('all received', () => Promise.resolve(smtp.received.length >= count));
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids).toHaveLength(count); // no duplicates
    expect(new Set(ids).size).toBe(rows.length);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.message_id)));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it('L3-11: a batch that outlasts its lease is sent once, though a second dispatcher reclaims the rest', async () => {
    await smtp.start();
    // The shortest lease config allows; each exchange takes a quarter of it, the batch three.
    const leased = integrationConfig({ ...env, MAIL_LEASE_MS: '1000' });
    smtp.delayMs = 250;
    const t = ticket();
    const count = 12;
    await enqueueAll(progressEvents(t, count));
    const other = await new DataSource(typeOrmOptions(world.config.database.url)).initialize();
    extraSources.push(other);
    const first = await dispatcherOn(world.db, leased);
    // The first one claimed all of them in one batch; its lease on those not sent yet has ended.
    await waitFor('claimed emails whose lease ended', async () => {
      const [{ n }] = await world.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM email_outbox
          WHERE ticket_number = $1 AND status = 'SENDING' AND next_attempt_at <= now()`,
        [t.number],
      );
      return n >= 3;
    });
    const second = await dispatcherOn(other, leased);

    const rows = await waitFor('all SENT', async () => {
      const r = await rowsOf(t);
      return r.length === count && r.every((x) => x.status === 'SENT') && r;
    });
    // Both finish what they are sending: whatever either sent has arrived.
    await Promise.all([first.stop(), second.stop()]);
    const ids = smtp.received.map((m) => m.messageId);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(twice).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.message_id)));
  });

  it('wakes on NOTIFY: an email enqueued later goes out without waiting for the poll', async () => {
    await smtp.start();
    await dispatcherOn();
    const t = ticket();
    await enqueueAll(progressEvents(t, 1));
    // The safety poll is 10 minutes here: only the notification can explain a delivery.
    const [row] = await waitFor(
      'SENT',
      async () => {
        const r = await rowsOf(t);
        return r[0]?.status === 'SENT' && r;
      },
      10_000,
    );
    await waitFor('received', () =>
      Promise.resolve(smtp.received.some((m) => m.messageId === row.message_id)),
    );
  });

  it('a graceful stop finishes the email in flight and gives back the rest', async () => {
    await smtp.start();
    smtp.delayMs = 400;
    const t = ticket();
    await enqueueAll(progressEvents(t, 6));
    const d = await dispatcherOn();
    await waitFor('one email in flight', async () => {
      const rows = await rowsOf(t);
      return rows.some((r) => r.status === 'SENDING') && rows;
    });
    await d.stop();

    const rows = await rowsOf(t);
    expect(rows.filter((r) => r.status === 'SENDING')).toEqual([]);
    const sent = rows.filter((r) => r.status === 'SENT');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThan(6);
    // Every email the server accepted is marked SENT; the others are QUEUED, attempts untouched.
    expect(new Set(smtp.received.map((m) => m.messageId))).toEqual(
      new Set(sent.map((r) => r.message_id)),
    );
    for (const r of rows.filter((x) => x.status === 'QUEUED')) expect(r.attempts).toBe(0);

    // A new dispatcher picks up what was given back.
    smtp.delayMs = 0;
    await dispatcherOn();
    await waitFor('rest SENT', async () => (await rowsOf(t)).every((r) => r.status === 'SENT'));
    await waitFor('six received', () => Promise.resolve(smtp.received.length === 6));
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(6);
  });

  it("QA S60: every email of one ticket answers its ticket's thread; an account email none", async () => {
    await smtp.start();
    const [a, b] = [ticket(), ticket()];
    await enqueueAll([...progressEvents(a, 2), ...progressEvents(b, 1)]);
    // An email about no ticket (an invitation, a password reset): the row as those are queued.
    await world.db.query(
      `INSERT INTO email_outbox (event_key, event_type, ticket_number, recipient_user_id,
         recipient_address, locale, template, payload, subject, text, html, attachments,
         message_id, status, attempts, next_attempt_at)
       SELECT 'account-thread-' || $2, event_type, NULL, recipient_user_id, recipient_address,
              locale, template, payload, 'Sin ticket', text, html, attachments,
              '<account-thread-' || $2 || '@becken.example>', 'QUEUED', 0, now()
         FROM email_outbox WHERE ticket_number = $1 LIMIT 1`,
      [b.number, process.pid],
    );
    await dispatcherOn();
    await waitFor('four received', () => Promise.resolve(smtp.received.length === 4));
    const of = (t: NotificationTicket) => smtp.received.filter((m) => m.subject.includes(t.number));
    const threadOf = (number: string) => `<ticket-${number}@${mailDomain(config.mail.from)}>`;
    expect(of(a)).toHaveLength(2);
    for (const mail of of(a)) {
      expect(mail.inReplyTo).toBe(threadOf(a.number));
      expect(mail.references).toBe(threadOf(a.number));
    }
    expect(of(b).map((m) => [m.inReplyTo, m.references])).toEqual([
      [threadOf(b.number), threadOf(b.number)],
    ]);
    // The thread is no email's own Message-ID.
    expect(smtp.received.map((m) => m.messageId)).not.toContain(threadOf(a.number));
    const account = smtp.received.find((m) => m.subject === 'Sin ticket');
    expect(account).toBeDefined();
    expect(account!.inReplyTo).toBeUndefined();
    expect(account!.references).toBeUndefined();
  });

  it('a permanent refusal (5xx) fails the email at once, without retries', async () => {
    await smtp.start();
    smtp.refuse.add('usuario@aurora.example');
    const t = ticket();
    await enqueueAll(progressEvents(t, 1));
    await dispatcherOn();
    const [row] = await waitFor('FAILED', async () => {
      const r = await rowsOf(t);
      return r[0]?.status === 'FAILED' && r;
    });
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/550/);
    expect(smtp.received).toHaveLength(0);
  });
});
