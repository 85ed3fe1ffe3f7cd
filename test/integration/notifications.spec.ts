import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { addBusinessMinutes, businessMinutesBetween } from '../../src/business-time/engine';
import { Locale } from '../../src/identity/locale.enum';
import { Role } from '../../src/identity/role.enum';
import { businessDaysLeftEn, businessDaysLeftEs } from '../../src/shared/business-time-text';
import { businessDaysLeft } from '../../src/tickets/business-days-left';
import type { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import {
  ticketEventKey,
  type NotificationEvent,
  type NotificationTicket,
  type SlaAtRiskEvent,
} from '../../src/notifications/notification-event';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { sampleEvents } from '../../src/notifications/testing/sample-events';
import { caughtAtLeast, caughtMails, caughtOnceEach } from '../support/caught-mail';
import { gql } from '../support/integration-harness';
import { startDispatcher } from '../support/outbox-dispatcher';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// L3-11: every client-visible event reaches the right people by email, exactly once, in their
// language — through the real outbox, the real dispatcher and the tier's real SMTP catcher.

interface OutboxRow {
  id: string;
  event_key: string;
  recipient_address: string;
  subject: string;
  status: string;
  attempts: number;
  message_id: string;
  locale: string;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('L3-11 email outbox, end to end on the SMTP catcher', () => {
  let world: SeededWorld;
  let service: NotificationsService;
  let dispatcher: EmailDispatcher;
  let users: Record<string, { id: string; email: string }>;
  let ticketSeq = 0;

  beforeAll(async () => {
    world = await createSeededWorld('notifications');
    // One client user reads English in Tokyo: language and zone are per recipient.
    await world.db.query(
      `UPDATE app_user SET locale = 'en', time_zone = 'Asia/Tokyo' WHERE email = 'aprobador@aurora.example'`,
    );
    const rows = await world.db.query<{ id: string; email: string }[]>(
      'SELECT id, email FROM app_user',
    );
    users = Object.fromEntries(rows.map((r) => [r.email, r]));
    service = new NotificationsService(world.config, new CalendarsService(world.db));
    dispatcher = await startDispatcher(world);
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await world?.close();
  });

  /** A ticket number no other test (or earlier run on this catcher) used. */
  function newTicket(): NotificationTicket {
    ticketSeq += 1;
    const n = `${process.pid % 1000}${Date.now() % 1000}${ticketSeq}`.slice(-6).padStart(6, '0');
    return {
      number: `L3-2099-${n}`,
      subject: `Factura no timbra ${ticketSeq}`,
      registrantId: users['usuario@aurora.example'].id,
      clientOrgId: world.orgIds['comercializadora-aurora'],
    };
  }
  const events = (ticket: NotificationTicket) =>
    sampleEvents(ticket, {
      agentId: users['agente@becken.example'].id,
      approverId: users['aprobador@aurora.example'].id,
    });

  const enqueue = (event: NotificationEvent) =>
    world.db.transaction((manager) => service.enqueue(manager, event));

  /** Rows of one event key, or of a whole ticket when given `ticket-<number>:`. */
  const outbox = (eventKeyOrPrefix: string) =>
    world.db.query<OutboxRow[]>(
      `SELECT id, event_key, recipient_address, subject, status, attempts, message_id, locale
         FROM email_outbox WHERE event_key = $1 OR ($1 LIKE '%:' AND starts_with(event_key, $1))
        ORDER BY created_at, recipient_address`,
      [eventKeyOrPrefix],
    );

  it('a journey of events emails exactly the expected people, in their language, once', async () => {
    const ticket = newTicket();
    const e = events(ticket);
    for (const event of [
      e.TICKET_REGISTERED,
      e.REMOTE_SESSION_PROPOSED,
      e.ESTIMATE_SUBMITTED,
      e.INTERNAL_NOTE,
      e.SLA_BREACHED,
    ]) {
      await enqueue(event);
    }
    const prefix = `ticket-${ticket.number}:`;
    // The sample events' sequence numbers (their keys are `ticket-<number>:<seq>`).
    const seqOf = (event: { eventKey: string }) => event.eventKey.slice(prefix.length);
    expect(seqOf(e.TICKET_REGISTERED)).toBe('1');
    const rows = await waitFor('all rows SENT', async () => {
      const r = await outbox(prefix);
      return r.length === 6 && r.every((x) => x.status === 'SENT') && r;
    });
    expect(
      rows.map((r) => [r.event_key.slice(prefix.length), r.recipient_address, r.locale]),
    ).toEqual([
      [seqOf(e.TICKET_REGISTERED), 'usuario@aurora.example', 'es-MX'], // registered
      [seqOf(e.REMOTE_SESSION_PROPOSED), 'usuario@aurora.example', 'es-MX'], // remote session
      [seqOf(e.ESTIMATE_SUBMITTED), 'aprobador@aurora.example', 'en'], // estimate → approver, in English
      [seqOf(e.ESTIMATE_SUBMITTED), 'usuario@aurora.example', 'es-MX'], // estimate → registrant
      [seqOf(e.SLA_BREACHED), 'agente@becken.example', 'en'], // SLA breached → assigned agent
      [seqOf(e.SLA_BREACHED), 'gerente@becken.example', 'es-MX'], // … and the manager
    ]);

    const mails = await caughtOnceEach(rows);
    expect(mails).toHaveLength(6);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(6);
    const bySubject = (s: string) => mails.filter((m) => m.subject.includes(s));
    expect(bySubject('Ticket registrado')).toEqual([
      expect.objectContaining({
        to: ['usuario@aurora.example'],
        subject: `[${ticket.number}] Ticket registrado: ${ticket.subject}`,
      }),
    ]);
    const [session] = bySubject('Sesión remota propuesta');
    expect(session.to).toEqual(['usuario@aurora.example']);
    expect(session.attachments).toEqual([
      expect.objectContaining({
        filename: `${ticket.number}-remote-session.ics`,
        contentType: 'text/calendar',
      }),
    ]);
    expect(session.text).toContain(`/tickets/${ticket.number}`);
    expect(session.text).toContain('comente en el ticket');
    expect(bySubject('Estimate to authorize: 12.5 h (v1)')).toEqual([
      expect.objectContaining({ to: ['aprobador@aurora.example'] }),
    ]);
    expect(bySubject('Estimación por autorizar')).toEqual([
      expect.objectContaining({ to: ['usuario@aurora.example'] }),
    ]);
    expect(bySubject('SLA incumplido')).toEqual([
      expect.objectContaining({ to: ['gerente@becken.example'] }),
    ]);
    expect(bySubject('SLA breached')).toEqual([
      expect.objectContaining({ to: ['agente@becken.example'] }),
    ]);
    // The internal note reached nobody; no client got the SLA email.
    expect(mails.filter((m) => m.text.includes(e.INTERNAL_NOTE.text))).toEqual([]);
    expect(
      mails
        .filter((m) => m.subject.includes('SLA'))
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(['agente@becken.example', 'gerente@becken.example']);
  });

  it('L3-07: an at-risk clock emails the assigned agent and the managers once each, in staff words', async () => {
    const ticket = newTicket();
    const atRisk = { ...events(ticket).SLA_AT_RISK, clock: 'progress' } as const;
    // The projection retried (or the event replayed): nothing new is queued.
    expect((await enqueue(atRisk)).inserted).toBe(2);
    expect((await enqueue(atRisk)).inserted).toBe(0);
    const rows = await waitFor('at-risk rows SENT', async () => {
      const r = await outbox(atRisk.eventKey);
      return r.length === 2 && r.every((x) => x.status === 'SENT') && r;
    });
    expect(rows.map((r) => r.recipient_address)).toEqual([
      'agente@becken.example',
      'gerente@becken.example',
    ]);
    await caughtOnceEach(rows);
    const mails = (await caughtMails()).filter((m) => m.subject.startsWith(`[${ticket.number}]`));
    const agent = mails.filter((m) => m.to.includes('agente@becken.example'));
    expect(agent).toHaveLength(1);
    expect(agent[0].subject).toBe(
      `[${ticket.number}] SLA at risk: Progress cadence — ${ticket.subject}`,
    );
    expect(agent[0].text).toContain('Client: Comercializadora Aurora');
    expect(agent[0].text).toContain('Assigned to: Alex Agent');
    expect(agent[0].text).not.toContain('comment on the ticket');
    const [manager] = mails.filter((m) => m.to.includes('gerente@becken.example'));
    expect(manager.subject).toBe(
      `[${ticket.number}] SLA en riesgo: Avance periódico — ${ticket.subject}`,
    );
    expect(manager.text).toContain('Asignado a: Alex Agent');
    expect(manager.text).not.toContain('comente en el ticket');
    expect(mails).toHaveLength(2);
  });

  /**
   * Queues an at-risk warning of `clock` due `minutesLeft` business minutes from now and a breach
   * of `breachedClock` told long after its (sample) deadline, as the worker being down would, on
   * the client's calendar (the default, Mon–Fri 09:00–18:00). Their four emails as caught (one per
   * event per recipient), and the business minutes the breach was late by, at the least and most.
   */
  async function sendSlaPair(
    clock: SlaAtRiskEvent['clock'],
    minutesLeft: number,
    breachedClock: SlaAtRiskEvent['clock'],
  ) {
    const { engine } = await new CalendarsService(world.db).forOrganization(
      world.orgIds['comercializadora-aurora'],
    );
    const ticket = newTicket();
    // Business minutes from now, whatever the day and hour the test runs.
    const deadline = addBusinessMinutes(engine, new Date(), minutesLeft).toISOString();
    const atRisk = { ...events(ticket).SLA_AT_RISK, clock, deadline };
    const breached = {
      ...events(ticket).SLA_BREACHED,
      clock: breachedClock,
      eventKey: `${atRisk.eventKey}:breach`,
    };
    const before = businessMinutesBetween(engine, new Date(breached.deadline), new Date());
    const queuedFrom = new Date();
    await enqueue(atRisk);
    await enqueue(breached);
    const after = businessMinutesBetween(engine, new Date(breached.deadline), new Date()) + 1;
    const queuedTo = new Date();
    const rows = await waitFor('SLA rows SENT', async () => {
      const r = [...(await outbox(atRisk.eventKey)), ...(await outbox(breached.eventKey))];
      return r.length === 4 && r.every((x) => x.status === 'SENT') && r;
    });
    const mails = await caughtOnceEach(rows);
    expect(mails).toHaveLength(4);
    const to = (address: string, subject: string) =>
      mails.find((m) => m.to.includes(address) && m.subject.includes(subject))!.text;
    // What a days clock has left, in business dates, at either end of the enqueueing (QA S62 #13).
    const daysLeftWords = [queuedFrom, queuedTo].map((at) =>
      businessDaysLeft(engine, at, new Date(deadline))!,
    );
    return {
      to,
      bounds: { before, after },
      eventKeys: [atRisk.eventKey, breached.eventKey],
      daysLeftWords,
    };
  }

  it('L3-06…L3-09: the at-risk email tells the business time left, the breach how late it was told', async () => {
    const { to, bounds, eventKeys } = await sendSlaPair('triage', 80, 'triage');
    const managerAtRisk = to('gerente@becken.example', 'SLA en riesgo');
    expect(managerAtRisk).toContain('Quedan 1 h 20 min hábiles.');
    expect(managerAtRisk).toMatch(/\nVence: \S+, \d+ de \S+ de \d{4}, [^\n]+\n/);
    // The zone in words, never its IANA code (QA).
    expect(managerAtRisk).toContain('hora de la Ciudad de México');
    expect(managerAtRisk).not.toMatch(/America\/Mexico_City/i);
    expect(to('agente@becken.example', 'SLA at risk')).toContain(
      '1 h 20 min of business time left.',
    );
    const late =
      /Vencido hace (\d+) h(?: (\d+) min)? hábiles\.\n[^]*Venció: martes, 3 de febrero de 2026, 4:30 p\.m\./.exec(
        to('gerente@becken.example', 'SLA incumplido'),
      );
    expect(late).not.toBeNull();
    // A whole hour reads «N h hábiles», without «0 min» (QA S16).
    const minutes = Number(late![1]) * 60 + Number(late![2] ?? 0);
    expect(minutes).toBeGreaterThanOrEqual(bounds.before);
    expect(minutes).toBeLessThanOrEqual(bounds.after);
    expect(to('agente@becken.example', 'SLA breached')).toMatch(
      /Breached \d+ h(?: \d+ min)? of business time ago\.\n[^]*Was due: Tuesday, February 3, 2026/,
    );
    // What the email said is kept with it (a re-render says the same).
    const [{ payload }] = await world.db.query<
      { payload: { event: { businessMinutesLeft: number } } }[]
    >(`SELECT payload FROM email_outbox WHERE event_key = $1 LIMIT 1`, [eventKeys[0]]);
    expect(Math.round(payload.event.businessMinutesLeft)).toBe(80);
    // Triage counts business hours (L3-06): no working day, it stays in hours.
    expect(payload.event).not.toHaveProperty('businessDayMinutes');
  });

  it('L3-08/L3-09 (QA S21): a clock counted in days is told in business days, as the web app says it', async () => {
    // 13 business hours left; a scheduling clock months late.
    const { to, bounds, eventKeys, daysLeftWords } = await sendSlaPair(
      'diagnosis',
      540 + 240,
      'scheduling',
    );
    // QA S62 #13: in business dates on the ticket's calendar («Vence mañana.», «Resta hoy y 1 día
    // hábil.»), whatever the hour the test runs, never its minutes as days of 9 h.
    const es = to('gerente@becken.example', 'SLA en riesgo');
    expect(daysLeftWords.some((left) => es.includes(`${businessDaysLeftEs(left)}.`))).toBe(true);
    expect(es).not.toContain('Quedan 1 día hábil y 4 h.');
    const en = to('agente@becken.example', 'SLA at risk');
    expect(
      daysLeftWords.some((left) => {
        const words = businessDaysLeftEn(left);
        return en.includes(
          left.dueOn ? `${words}.` : `Left: ${words.charAt(0).toLowerCase()}${words.slice(1)}.`,
        );
      }),
    ).toBe(true);
    // Days of 540 min, then the hours and minutes under a day.
    const late =
      /Vencido hace (\d+) días hábiles(?: y (?:(\d+) h)? ?(?:(\d+) min)?)?\.\n[^]*Venció: martes, 3 de febrero de 2026/.exec(
        to('gerente@becken.example', 'SLA incumplido'),
      );
    expect(late).not.toBeNull();
    const minutes = Number(late![1]) * 540 + Number(late![2] ?? 0) * 60 + Number(late![3] ?? 0);
    expect(minutes).toBeGreaterThanOrEqual(bounds.before);
    expect(minutes).toBeLessThanOrEqual(bounds.after);
    expect(to('agente@becken.example', 'SLA breached')).toMatch(
      /Breached \d+ business days(?: and [\d hmin]+)? ago\.\n[^]*Was due: Tuesday, February 3, 2026/,
    );
    // The working day is kept with the row: a re-render says the same.
    const payloads = await world.db.query<{ payload: { event: { businessDayMinutes: number } } }[]>(
      `SELECT payload FROM email_outbox WHERE event_key = ANY($1)`,
      [eventKeys],
    );
    expect(payloads.map((p) => p.payload.event.businessDayMinutes)).toEqual(Array(4).fill(540));
  });

  it('an event whose transaction rolls back queues and sends nothing', async () => {
    const ticket = newTicket();
    const e = events(ticket);
    await expect(
      world.db.transaction(async (manager) => {
        const result = await service.enqueue(manager, e.TICKET_REGISTERED);
        expect(result.inserted).toBe(1);
        throw new Error('the ticket write failed');
      }),
    ).rejects.toThrow('the ticket write failed');
    expect(await outbox(e.TICKET_REGISTERED.eventKey)).toEqual([]);

    // A later committed event is delivered: the dispatcher ran, and still nothing of the first.
    await enqueue(e.PROGRESS_UPDATE);
    const [row] = await waitFor('progress SENT', async () => {
      const r = await outbox(e.PROGRESS_UPDATE.eventKey);
      return r[0]?.status === 'SENT' && r;
    });
    await caughtOnceEach([row]);
    const mails = (await caughtMails()).filter((m) => m.subject.startsWith(`[${ticket.number}]`));
    expect(mails.map((m) => m.subject)).toEqual([
      `[${ticket.number}] Avance del ticket: ${ticket.subject}`,
    ]);
  });

  it('refuses to enqueue outside a transaction', async () => {
    await expect(service.enqueue(world.db.manager, events(newTicket()).RESOLVED)).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('enqueuing the same event twice writes and sends it once', async () => {
    const e = events(newTicket());
    const first = await enqueue(e.AUTHORIZATION_RECORDED);
    const second = await enqueue(e.AUTHORIZATION_RECORDED);
    expect(first).toEqual({
      recipients: ['usuario@aurora.example', 'aprobador@aurora.example'],
      inserted: 2,
    });
    expect(second).toEqual({ ...first, inserted: 0 });
    const rows = await waitFor('both SENT', async () => {
      const r = await outbox(e.AUTHORIZATION_RECORDED.eventKey);
      return r.length === 2 && r.every((x) => x.status === 'SENT') && r;
    });
    const mails = await caughtOnceEach(rows);
    expect(mails).toHaveLength(2);
    const english = mails.find((m) => m.to[0] === 'aprobador@aurora.example')!;
    const { ticket: about } = e.AUTHORIZATION_RECORDED;
    expect(english.subject).toBe(`[${about.number}] Estimate v1 authorized: ${about.subject}`);
    expect(english.text).toContain(`> ${e.AUTHORIZATION_RECORDED.statement}`);
    // Dates in the recipient's zone, with its name: 16:10Z is 01:10 next day in Tokyo.
    expect(english.text).toMatch(
      /When: Friday, February 6, 2026 at 1:10\sAM \(Japan Standard Time\)/,
    );
  });

  it('an email another domain rendered is queued in its transaction, once, and delivered', async () => {
    const recipient = users['usuario@aurora.example'];
    const rendered = {
      event: {
        type: 'PASSWORD_RESET_LINK',
        eventKey: `rendered-${process.pid}-${Date.now()}`,
        occurredAt: new Date().toISOString(),
        detail: { userId: recipient.id },
      },
      ticketNumber: null,
      recipient,
      email: {
        template: 'PASSWORD_RESET_LINK.v1',
        locale: Locale.ES_MX,
        subject: 'Restablece tu contraseña',
        text: 'Texto',
        html: '<p>Texto</p>',
      },
    };
    await expect(service.enqueueRendered(world.db.manager, [rendered])).rejects.toThrow(
      /inside the transaction/,
    );
    const queue = () => world.db.transaction((m) => service.enqueueRendered(m, [rendered]));
    expect(await queue()).toEqual({ recipients: [recipient.email], inserted: 1 });
    expect(await queue()).toEqual({ recipients: [recipient.email], inserted: 0 });
    const rows = await waitFor('SENT', async () => {
      const r = await outbox(rendered.event.eventKey);
      return r.length === 1 && r[0].status === 'SENT' && r;
    });
    const [mail] = await caughtOnceEach(rows);
    expect(mail.subject).toBe('Restablece tu contraseña');
    expect(mail.to).toEqual([recipient.email]);
  });

  it('the emails of one transaction go in the order they were queued (L3-11)', async () => {
    const e = events(newTicket());
    const order = [
      e.CLASSIFIED,
      e.ASSIGNED,
      e.PROGRESS_UPDATE,
      e.RELEASE_DATE_SET,
      e.COMMENT_ADDED,
    ];
    await world.db.transaction(async (manager) => {
      for (const event of order) await service.enqueue(manager, event);
    });
    const registrant = 'usuario@aurora.example';
    const sent = await waitFor('all SENT', async () => {
      const rows = await world.db.query<{ event_key: string; status: string; sent_at: Date }[]>(
        `SELECT event_key, status, sent_at FROM email_outbox
          WHERE event_key = ANY($1::text[]) AND recipient_address = $2`,
        [order.map((x) => x.eventKey), registrant],
      );
      return rows.length === order.length && rows.every((r) => r.status === 'SENT') && rows;
    });
    const bySending = [...sent].sort((a, b) => a.sent_at.getTime() - b.sent_at.getTime());
    expect(bySending.map((r) => r.event_key)).toEqual(order.map((x) => x.eventKey));
  });

  it('an internal note produces no outbox row', async () => {
    const e = events(newTicket());
    expect(await enqueue(e.INTERNAL_NOTE)).toEqual({ recipients: [], inserted: 0 });
    expect(await outbox(e.INTERNAL_NOTE.eventKey)).toEqual([]);
  });

  describe('mail view (GraphQL)', () => {
    const LIST = `query ($status: EmailStatus, $first: Int, $after: String) {
      emailOutbox(status: $status, first: $first, after: $after) {
        nodes { id eventKey recipientAddress subject status attempts lastError messageId attachmentNames createdAt sentAt }
        endCursor hasNextPage
      }
    }`;
    const RETRY = `mutation ($id: ID!) { retryEmail(id: $id) { id status attempts lastError ticketNumber organizationName } }`;
    type Page = {
      emailOutbox: {
        nodes: {
          id: string;
          eventKey: string;
          status: string;
          attempts: number;
          attachmentNames: string[];
        }[];
        endCursor: string | null;
        hasNextPage: boolean;
      };
    };

    it('lists the outbox newest first, in pages, for managers and admins only', async () => {
      const all = await gql<Page>(world.api, LIST, { first: 200 }, world.bearer(Role.MANAGER));
      expect(all.body.errors).toBeUndefined();
      const total = all.body.data!.emailOutbox.nodes.length;
      expect(total).toBeGreaterThanOrEqual(8);
      expect(all.body.data!.emailOutbox.nodes.some((n) => n.attachmentNames.length === 1)).toBe(
        true,
      );

      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { body: { data?: Page } } = await gql<Page>(
          world.api,
          LIST,
          { first: 3, after },
          world.bearer(Role.ADMIN),
        );
        const p: Page['emailOutbox'] = page.body.data!.emailOutbox;
        seen.push(...p.nodes.map((n) => n.id));
        if (!p.hasNextPage) break;
        after = p.endCursor;
      }
      expect(seen).toEqual(all.body.data!.emailOutbox.nodes.map((n) => n.id));

      for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT]) {
        const denied = await gql(world.api, LIST, {}, world.bearer(role));
        expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('retryEmail requeues a FAILED email, which is then delivered', async () => {
      const e = events(newTicket());
      await enqueue(e.CANCELLED);
      const [sent] = await waitFor('SENT', async () => {
        const r = await outbox(e.CANCELLED.eventKey);
        return r[0]?.status === 'SENT' && r;
      });
      const notFailed = await gql(world.api, RETRY, { id: sent.id }, world.bearer(Role.MANAGER));
      expect(notFailed.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
      const missing = await gql(
        world.api,
        RETRY,
        { id: '00000000-0000-4000-8000-000000000000' },
        world.bearer(Role.MANAGER),
      );
      expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      // As the dispatcher leaves a row after its last attempt.
      await world.db.query(
        `UPDATE email_outbox SET status = 'FAILED', attempts = 12, sent_at = NULL, last_error = 'relay down' WHERE id = $1`,
        [sent.id],
      );
      const failed = await gql<Page>(
        world.api,
        LIST,
        { status: 'FAILED' },
        world.bearer(Role.MANAGER),
      );
      expect(failed.body.data!.emailOutbox.nodes.map((n) => n.id)).toEqual([sent.id]);

      const retried = await gql<{ retryEmail: { status: string; attempts: number } }>(
        world.api,
        RETRY,
        { id: sent.id },
        world.bearer(Role.MANAGER),
      );
      expect(retried.body.errors).toBeUndefined();
      // The mail view names the ticket and its client (QA S15: read from the event it keeps).
      expect(retried.body.data!.retryEmail).toMatchObject({
        status: 'QUEUED',
        attempts: 0,
        ticketNumber: e.CANCELLED.ticket.number,
        organizationName: AURORA_ORG,
      });
      const [again] = await waitFor('SENT again', async () => {
        const r = await outbox(e.CANCELLED.eventKey);
        return r[0]?.status === 'SENT' && r;
      });
      expect(again.attempts).toBe(1);
      // The resend carries the same Message-ID: the catcher holds two copies of one message.
      const copies = await caughtAtLeast(2, (m) => m.messageId === sent.message_id);
      expect(copies).toHaveLength(2);
      const denied = await gql(world.api, RETRY, { id: sent.id }, world.bearer(Role.CLIENT_USER));
      expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  // Last in the file: it gives Tulum a calendar and registers a ticket, which no test above expects.
  it('L3-06…L3-09: a client with its own calendar hears the business time left on that calendar, not the default', async () => {
    // Grupo Industrial Tulum works from Tokyo, every day 08:00–20:00, without Mexico's rest days.
    const tulum = world.orgIds['grupo-industrial-tulum'];
    const created = await gql<{ createCalendar: { id: string } }>(
      world.api,
      `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
      {
        input: {
          name: 'Tulum (Tokio)',
          timeZone: 'Asia/Tokyo',
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
            weekday,
            intervals: [{ start: '08:00', end: '20:00' }],
          })),
          mexicoLft74Holidays: false,
          organizationId: tulum,
        },
      },
      world.bearer(Role.MANAGER),
    );
    expect(created.body.errors).toBeUndefined();
    const calendarId = created.body.data!.createCalendar.id;
    // A ticket registered now counts on it (its calendar_id) …
    const registered = await gql<{ registerTicket: { number: string; subject: string } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number subject } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Reporte de embarques',
          description: 'Un reporte de embarques por almacén.',
        },
      },
      world.bearer(Role.CLIENT_USER, TULUM_ORG),
    );
    expect(registered.body.errors).toBeUndefined();
    const { number, subject } = registered.body.data!.registerTicket;
    const [stored] = await world.db.query<{ calendar_id: string }[]>(
      'SELECT calendar_id FROM ticket WHERE number = $1',
      [number],
    );
    expect(stored.calendar_id).toBe(calendarId);
    const calendars = new CalendarsService(world.db);
    const own = (await calendars.current(calendarId)).engine;
    const byDefault = (await calendars.current()).engine;
    // 10 h 10 min of Tokyo business time from now: at most 22 h 10 min of wall time, in which the
    // default calendar (Mon–Fri 09:00–18:00 Mexico City) never holds more than 9 h.
    const now = new Date();
    const deadline = addBusinessMinutes(own, now, 610);
    expect(businessMinutesBetween(byDefault, now, deadline)).toBeLessThan(610);
    const atRisk = (ticket: NotificationTicket, eventKey: string): NotificationEvent => ({
      ...events(ticket).SLA_AT_RISK,
      eventKey,
      deadline: deadline.toISOString(),
    });
    const registrant = users['usuario@tulum.example'].id;
    const onTicket = atRisk(
      { number, subject, registrantId: registrant, clientOrgId: tulum },
      // Far above the sequence numbers the ticket's own workflow gives its events.
      ticketEventKey(number, 9000),
    );
    // … and so does one not in the read model yet (its client's calendar).
    const unprojected = { ...newTicket(), registrantId: registrant, clientOrgId: tulum };
    const onClient = atRisk(unprojected, ticketEventKey(unprojected.number, 9000));
    await enqueue(onTicket);
    await enqueue(onClient);
    const rows = await waitFor('Tulum SLA rows SENT', async () => {
      const r = [...(await outbox(onTicket.eventKey)), ...(await outbox(onClient.eventKey))];
      return r.length === 4 && r.every((x) => x.status === 'SENT') && r;
    });
    const mails = await caughtOnceEach(rows);
    expect(mails).toHaveLength(4);
    for (const ticketNumber of [number, unprojected.number]) {
      const about = mails.filter((m) => m.subject.startsWith(`[${ticketNumber}]`));
      const [manager] = about.filter((m) => m.to.includes('gerente@becken.example'));
      expect(manager.subject).toContain(`[${ticketNumber}] SLA en riesgo`);
      expect(manager.text).toContain('Quedan 10 h 10 min hábiles.');
      const [agent] = about.filter((m) => m.to.includes('agente@becken.example'));
      expect(agent.text).toContain('10 h 10 min of business time left.');
    }
    const payloads = await world.db.query<
      { payload: { event: { businessMinutesLeft: number } } }[]
    >(`SELECT payload FROM email_outbox WHERE event_key = ANY($1)`, [
      [onTicket.eventKey, onClient.eventKey],
    ]);
    expect(payloads.map((p) => Math.round(p.payload.event.businessMinutesLeft))).toEqual(
      Array(4).fill(610),
    );
  });
});
