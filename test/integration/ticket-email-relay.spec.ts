import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { NotificationsService } from '../../src/notifications';
import { TicketEmailRelay } from '../../src/tickets/ticket-email-relay';
import { TicketEmailRelaySweep } from '../../src/tickets/ticket-email-relay-sweep';
import { TicketProjectionService } from '../../src/tickets/ticket-projection.service';
import type {
  ProjectionBatch,
  ReadModelSlice,
  TicketDetails,
} from '../../workflows/ticket/ticket-projection';
import type { TimelineEvent } from '../../workflows/ticket/ticket.contract';
import { eventually } from '../support/eventually';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-11: a ticket's emails are queued from its event log after the projection has committed
// (TicketEmailRelay), not inside the local activity a transition's Update waits on. Each event's
// emails are queued exactly once: `ticket.notified_seq` moves with them, under a per-ticket lock;
// what a lost kick (a crash after the commit) or a failure leaves behind, a sweep or a retry
// relays (the worker's TicketEmailRelaySweep). No worker runs in this world: the relays here are
// the only ones.

describe('emails relayed from the event log (L3-11)', () => {
  let world: SeededWorld;
  let agentId: string;
  let number = 0;

  beforeAll(async () => {
    world = await createSeededWorld('email_relay');
    [{ id: agentId }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE 'AGENT' = ANY(roles) ORDER BY email LIMIT 1`,
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  const relay = (notifications?: NotificationsService): TicketEmailRelay =>
    new TicketEmailRelay(
      world.db,
      notifications ?? new NotificationsService(world.config, new CalendarsService(world.db)),
      world.config,
    );

  /** The worker's sweep, relaying through `through` (a relay of its own by default). */
  const sweep = (through = relay()): TicketEmailRelaySweep =>
    new TicketEmailRelaySweep(world.db, through, world.config);

  /** Notifications that refuse `refusals.left` emails (a template bug, a lookup that failed). */
  const refusing = (refusals: { left: number }): NotificationsService => {
    const real = new NotificationsService(world.config, new CalendarsService(world.db));
    return Object.assign(Object.create(real) as NotificationsService, {
      enqueue: (...args: Parameters<NotificationsService['enqueue']>) => {
        if (refusals.left > 0) {
          refusals.left -= 1;
          return Promise.reject(new Error('no se pudo armar el correo'));
        }
        return real.enqueue(...args);
      },
    });
  };

  /** A relay whose kicks are lost, as a worker's that crashed right after the projection. */
  const lostRelay = async (): Promise<TicketEmailRelay> => {
    const lost = relay();
    await lost.beforeApplicationShutdown();
    return lost;
  };

  /** A new in-progress ticket of the demo client, with no event logged yet. */
  const newTicket = async (): Promise<string> => {
    number += 1;
    const ticket = `L3-2024-88${String(number).padStart(4, '0')}`;
    await world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, registered_at, last_event_seq)
       SELECT $1, 2024, $4, $2, u.organization_id, u.id, $3, 'INCIDENT', 'Avances por correo',
              'x', 'IN_PROGRESS', now() - interval '1 day', 0
         FROM app_user u WHERE 'CLIENT_USER' = ANY(u.roles) ORDER BY u.email LIMIT 1`,
      [ticket, `email-relay-${ticket}`, DEFAULT_CALENDAR_ID, 880000 + number],
    );
    return ticket;
  };

  /** The agent's progress updates at `seqs` (L3-07: each one emails the registrant). */
  const progress = (ticket: string, ...seqs: number[]): ProjectionBatch => {
    const events: TimelineEvent[] = seqs.map((seq) => ({
      seq,
      type: 'addProgress',
      at: new Date(Date.UTC(2024, 2, 4, 18, seq)).toISOString(),
      actor: { userId: agentId, role: 'AGENT' },
      data: { note: `Avance ${seq}` },
    }));
    const slice: ReadModelSlice = {
      state: 'IN_PROGRESS',
      classification: 'PROBLEM',
      requirementKind: null,
      assigneeId: agentId,
      releaseDate: null,
      closureOutcome: null,
      slaStatus: 'on_track',
      nextDeadline: null,
      details: { estimates: [], authorizations: [] } as unknown as TicketDetails,
      clocks: [],
    };
    return { ticketNumber: ticket, events, slice };
  };

  /** The ticket's queued emails, in queue order: which event, and the text's first line. */
  const queued = (ticket: string) =>
    world.db.query<{ event_key: string; event_type: string }[]>(
      `SELECT event_key, event_type FROM email_outbox WHERE ticket_number = $1 ORDER BY seq`,
      [ticket],
    );
  const notifiedSeq = async (ticket: string): Promise<number> =>
    (
      await world.db.query<{ notified_seq: number }[]>(
        `SELECT notified_seq FROM ticket WHERE number = $1`,
        [ticket],
      )
    )[0].notified_seq;

  it('queues each logged event’s email once, in order, after the projection; a retried batch queues nothing', async () => {
    const ticket = await newTicket();
    const emails = relay();
    const projection = new TicketProjectionService(world.db, emails);

    await projection.project(progress(ticket, 1));
    await projection.project(progress(ticket, 2, 3));
    await emails.idle();
    const first = await queued(ticket);
    expect(first).toEqual(
      [1, 2, 3].map((seq) => ({
        event_key: `ticket-${ticket}:${seq}`,
        event_type: 'PROGRESS_UPDATE',
      })),
    );
    expect(await notifiedSeq(ticket)).toBe(3);

    // The workflow retries a batch whose first attempt committed (its answer was lost).
    expect(await projection.project(progress(ticket, 2, 3))).toEqual({ appended: 0 });
    await emails.idle();
    expect(await emails.relay(ticket)).toBe(0);
    expect(await queued(ticket)).toEqual(first);
  });

  it('a worker that stops relays what it was kicked for before its connections close', async () => {
    const ticket = await newTicket();
    const stopping = relay();
    await new TicketProjectionService(world.db, stopping).project(progress(ticket, 1, 2));
    // At once: the kick waits for the transition's answer to go first.
    await stopping.beforeApplicationShutdown();
    expect((await queued(ticket)).map((r) => r.event_key)).toEqual([
      `ticket-${ticket}:1`,
      `ticket-${ticket}:2`,
    ]);
    expect(await notifiedSeq(ticket)).toBe(2);
  });

  it('two relays of one ticket at once: one queues the emails, the other finds nothing new', async () => {
    const ticket = await newTicket();
    await new TicketProjectionService(world.db, await lostRelay()).project(
      progress(ticket, 1, 2, 3, 4),
    );
    expect(await queued(ticket)).toEqual([]);

    const counts = await Promise.all([relay().relay(ticket), relay().relay(ticket)]);
    expect(counts.sort()).toEqual([0, 4]);
    expect((await queued(ticket)).map((r) => r.event_key)).toEqual(
      [1, 2, 3, 4].map((seq) => `ticket-${ticket}:${seq}`),
    );
    expect(await notifiedSeq(ticket)).toBe(4);
  });

  it('a sweep relays what a lost kick left behind (a worker that crashed after the commit)', async () => {
    const ticket = await newTicket();
    await new TicketProjectionService(world.db, await lostRelay()).project(progress(ticket, 1, 2));
    expect(await notifiedSeq(ticket)).toBe(0);

    // The worker's start: its sweep runs at once.
    const restarted = sweep();
    restarted.onApplicationBootstrap();
    try {
      const rows = await eventually(
        () => queued(ticket),
        (r) => r.length === 2,
      );
      expect(rows.map((r) => r.event_key)).toEqual([`ticket-${ticket}:1`, `ticket-${ticket}:2`]);
      expect(await notifiedSeq(ticket)).toBe(2);
    } finally {
      await restarted.onApplicationShutdown();
    }
  });

  it('a sweep goes on past its first page of tickets behind (150 after an outage)', async () => {
    const tickets: string[] = [];
    const lost = new TicketProjectionService(world.db, await lostRelay());
    for (let i = 0; i < 150; i++) {
      const ticket = await newTicket();
      await lost.project(progress(ticket, 1));
      tickets.push(ticket);
    }
    const behind = () =>
      world.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ticket WHERE number = ANY($1) AND notified_seq < 1`,
        [tickets],
      );
    expect(await behind()).toEqual([{ n: 150 }]);

    // One sweep: its next page follows the first, without waiting for the next interval.
    expect(await sweep().sweep()).toBe(150);
    expect(await behind()).toEqual([{ n: 0 }]);
    const [{ queued }] = await world.db.query<{ queued: number }[]>(
      `SELECT count(*)::int AS queued FROM email_outbox WHERE ticket_number = ANY($1)`,
      [tickets],
    );
    expect(queued).toBe(150);
  });

  it('a ticket whose email cannot be queued holds no other back: the next sweep retries it', async () => {
    const lost = new TicketProjectionService(world.db, await lostRelay());
    const tickets = [await newTicket(), await newTicket()];
    for (const ticket of tickets) await lost.project(progress(ticket, 1));
    const refusals = { left: 1 };
    const worker = sweep(relay(refusing(refusals)));

    expect(await worker.sweep()).toBe(1);
    expect(refusals.left).toBe(0);
    const seqs = await Promise.all(tickets.map(notifiedSeq));
    expect(seqs.sort()).toEqual([0, 1]);

    expect(await worker.sweep()).toBe(1);
    for (const ticket of tickets) {
      expect((await queued(ticket)).map((r) => r.event_key)).toEqual([`ticket-${ticket}:1`]);
    }
    expect(await worker.sweep()).toBe(0);
  });

  it('a full page of tickets that fail holds back none after it', async () => {
    const lost = new TicketProjectionService(world.db, await lostRelay());
    const tickets: string[] = [];
    for (let i = 0; i < 101; i++) {
      const ticket = await newTicket();
      await lost.project(progress(ticket, 1));
      tickets.push(ticket);
    }
    // The first 100 (a whole page) cannot be queued; the last one, numbered after them, can.
    const refusals = { left: 100 };
    const worker = sweep(relay(refusing(refusals)));

    expect(await worker.sweep()).toBe(1);
    expect(refusals.left).toBe(0);
    expect(await notifiedSeq(tickets[100])).toBe(1);
    expect(await notifiedSeq(tickets[0])).toBe(0);
    // The next pass retries the ones that failed.
    expect(await worker.sweep()).toBe(100);
  });

  it('an email that cannot be queued does not hold the projection back; the relay retries it soon', async () => {
    const ticket = await newTicket();
    const refusals = { left: 1 };
    const emails = relay(refusing(refusals));
    try {
      await new TicketProjectionService(world.db, emails).project(progress(ticket, 1));
      const [row] = await world.db.query<{ last_event_seq: number; state: string }[]>(
        `SELECT last_event_seq, state FROM ticket WHERE number = $1`,
        [ticket],
      );
      expect(row).toEqual({ last_event_seq: 1, state: 'IN_PROGRESS' });

      // No sweep runs here: the relay's own retry, well before the outbox's poll interval.
      const rows = await eventually(
        () => queued(ticket),
        (r) => r.length === 1,
      );
      expect(rows).toEqual([{ event_key: `ticket-${ticket}:1`, event_type: 'PROGRESS_UPDATE' }]);
      expect(refusals.left).toBe(0);
      expect(await notifiedSeq(ticket)).toBe(1);
    } finally {
      await emails.beforeApplicationShutdown();
    }
  });
});
