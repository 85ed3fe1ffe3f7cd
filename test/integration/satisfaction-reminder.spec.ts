import { Role } from '../../src/identity/role.enum';
import { RatingReminderSweep } from '../../src/satisfaction/rating-reminder-sweep';
import { sentExactly } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-11, customer satisfaction: the registrant of a CLOSED ticket who has not rated it gets one
// reminder 3 business days after the closure on the ticket's calendar (Mon–Fri 09:00–18:00,
// Mexico City), through the outbox and the real SMTP catcher: never twice, never for a rated
// ticket, never before its business instant, never 14 days or more after the closure. Tickets
// are closed through the L3-07 problem path, then their closure instant is set to a known week
// (the read model's `details.closure.at`; the workflow has ended). The sweep is the API's own
// instance, run with an explicit `now`. A registrant whose language is English reads it in
// English. A rating and the reminder never cross: both take the ticket row's lock, and the sweep
// checks the ticket is unrated only once it holds it.

const REMINDER = 'SATISFACTION_REMINDER';
const REGISTRANT = 'usuario@aurora.example';

/** Friday 2 October 2026, 12:00 in Mexico City. */
const CLOSED_FRIDAY = '2026-10-02T18:00:00.000Z';
/** 3 business days later: Monday 5, Tuesday 6, Wednesday 7 at its 18:00 closing, in UTC. */
const DUE = new Date('2026-10-08T00:00:00.000Z');

interface OutboxRow {
  ticket_number: string;
  event_key: string;
  recipient_address: string;
  status: string;
  message_id: string;
}

describe('One rating reminder to the client (L3-11)', () => {
  const world = useWorldWithWorker('satisfaction-reminder');
  /** Closed on a Tuesday in the first test: due on Friday 9 October, in the second. */
  let fresh = '';

  async function transition(
    role: Role,
    mutation: string,
    input: Record<string, unknown>,
    inputType = 'TicketActionInput',
  ): Promise<string> {
    const { body } = await gql<Record<string, { ticket: { state: string } }>>(
      world.api,
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ticket { state } } }`,
      { input },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data![mutation].ticket.state;
  }

  /** A problem ticket of Aurora driven to CLOSED, its closure then moved to `closedAt`. */
  async function closedAt(subject: string, at: string): Promise<string> {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject,
      description: `${subject}: detalle.`,
    });
    await transition(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'PROBLEM' },
      'ClassifyTicketInput',
    );
    await transition(Role.AGENT, 'resolveTicket', { number, note: 'Corregido.' });
    expect(await transition(Role.CLIENT_USER, 'confirmResolution', { number })).toBe('CLOSED');
    await world.db.query(
      `UPDATE ticket SET details = jsonb_set(details, '{closure,at}', to_jsonb($2::text))
        WHERE number = $1`,
      [number, at],
    );
    return number;
  }

  const reminders = (numbers: string[]) =>
    world.db.query<OutboxRow[]>(
      `SELECT ticket_number, event_key, recipient_address, status, message_id FROM email_outbox
        WHERE event_type = $1 AND ticket_number = ANY($2) ORDER BY ticket_number`,
      [REMINDER, numbers],
    );

  it('reminds an unrated ticket once, 3 business days after its closure; a rated, a fresh and an old one get none', async () => {
    const unrated = await closedAt('Recordatorio: sin calificar', CLOSED_FRIDAY);
    const rated = await closedAt('Recordatorio: calificado', CLOSED_FRIDAY);
    // Closed on Tuesday: due on Friday 9 October, not yet.
    fresh = await closedAt('Recordatorio: reciente', '2026-10-06T18:00:00.000Z');
    // Due on 24 September, but on 8 October the closure is 14 days old or more: never.
    const old = await closedAt('Recordatorio: antiguo', '2026-09-21T18:00:00.000Z');
    const { body } = await gql(
      world.api,
      'mutation ($input: RateTicketInput!) { rateTicket(input: $input) { score } }',
      { input: { number: rated, score: 5 } },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    const all = [unrated, rated, fresh, old];
    const sweep = world.api.app.get(RatingReminderSweep);

    // A millisecond before Wednesday's closing: nothing is due (a weekend lies in between).
    expect(await sweep.sweep(new Date(DUE.getTime() - 1))).toBe(0);
    expect(await reminders(all)).toEqual([]);

    expect(await sweep.sweep(DUE)).toBe(1);
    const rows = await reminders(all);
    expect(rows.map((r) => [r.ticket_number, r.recipient_address, r.event_key])).toEqual([
      [unrated, REGISTRANT, `ticket-${unrated}:satisfaction-reminder`],
    ]);
    const [mail] = await sentExactly(() => reminders(all), 1);
    expect(mail.to).toContain(REGISTRANT);
    expect(mail.subject).toBe(
      `[${unrated}] Recordatorio: ¿cómo calificaría la atención? — Recordatorio: sin calificar`,
    );
    expect(mail.text).toContain(`/tickets/${unrated}#calificar`);
    expect(mail.text).toContain('Este es el único recordatorio');

    // A second sweep, and one an hour later: nothing more (the fresh ticket is not due yet).
    expect(await sweep.sweep(DUE)).toBe(0);
    expect(await sweep.sweep(new Date(DUE.getTime() + 3_600_000))).toBe(0);
    await sentExactly(() => reminders(all), 1);
  });

  it('a ticket rated in the meantime is never reminded; the fresh one is, on its own day', async () => {
    const ratedLate = await closedAt('Recordatorio: calificado tarde', '2026-10-06T18:00:00.000Z');
    // Friday 9 October's closing (Wednesday, Thursday, Friday).
    const due = new Date('2026-10-10T00:00:00.000Z');
    const sweep = world.api.app.get(RatingReminderSweep);
    expect(await sweep.sweep(new Date(due.getTime() - 1))).toBe(0);
    const { body } = await gql(
      world.api,
      'mutation ($input: RateTicketInput!) { rateTicket(input: $input) { score } }',
      { input: { number: ratedLate, score: 3 } },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    // Only the first test's fresh ticket is due now: the unrated one was reminded, the old one
    // is past the 14 days.
    expect(await sweep.sweep(due)).toBe(1);
    const rows = await reminders([ratedLate, fresh]);
    expect(rows.map((r) => r.ticket_number)).toEqual([fresh]);
    await sentExactly(() => reminders([ratedLate, fresh]), 1);
    expect(await sweep.sweep(due)).toBe(0);
  });

  it('reminds a registrant whose language is English in English, with the rating link', async () => {
    // Closed on Monday 12 October: due at Thursday 15 October's closing (Tue, Wed, Thu).
    const english = await closedAt('Reminder: unrated', '2026-10-12T18:00:00.000Z');
    const due = new Date('2026-10-16T00:00:00.000Z');
    const sweep = world.api.app.get(RatingReminderSweep);
    await world.db.query(`UPDATE app_user SET locale = 'en' WHERE email = $1`, [REGISTRANT]);
    try {
      expect(await sweep.sweep(due)).toBe(1);
      const [mail] = await sentExactly(() => reminders([english]), 1);
      expect(mail.to).toContain(REGISTRANT);
      expect(mail.subject).toBe(
        `[${english}] Reminder: how would you rate the support? — Reminder: unrated`,
      );
      expect(mail.text).toContain(`Ticket ${english} was closed on`);
      expect(mail.text).toContain('Rate the support');
      expect(mail.text).toContain(`/tickets/${english}#calificar`);
      expect(mail.text).toContain('This is the only reminder we will send you about this ticket.');
      expect(mail.text).not.toContain('Recordatorio');
    } finally {
      await world.db.query(`UPDATE app_user SET locale = 'es-MX' WHERE email = $1`, [REGISTRANT]);
    }
  });

  /** Sessions of this database waiting for a row lock (a `… FOR UPDATE` of a ticket row). */
  const waitingOnTicket = () =>
    world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query LIKE '%FROM ticket%FOR UPDATE%'`,
    );
  const TICKET_LOCK = 'SELECT 1 FROM ticket WHERE number = $1 FOR UPDATE';

  it('a rating committed while the sweep waits for the ticket is seen: no reminder; a rating waits for a reminder being queued', async () => {
    // Closed on Tuesday 13 October: due at Friday 16 October's closing.
    const racing = await closedAt('Recordatorio: calificado a la vez', '2026-10-13T18:00:00.000Z');
    const waiting = await closedAt(
      'Recordatorio: calificación en espera',
      '2026-10-13T18:00:00.000Z',
    );
    const due = new Date('2026-10-17T00:00:00.000Z');
    const sweep = world.api.app.get(RatingReminderSweep);
    const [{ id: registrantId }] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE email = $1',
      [REGISTRANT],
    );

    // A rating of `racing` under way holds its ticket row (as SatisfactionService.rate does
    // first) when the sweep reaches it: the sweep waits for the lock.
    const rating = world.db.createQueryRunner();
    await rating.connect();
    let swept: Promise<number> | undefined;
    try {
      await rating.startTransaction();
      await rating.query(TICKET_LOCK, [racing]);
      // `waiting` is locked too, so the sweep stops at the first of the two (by number).
      await rating.query(TICKET_LOCK, [waiting]);
      swept = sweep.sweep(due);
      await eventually(
        () => waitingOnTicket(),
        ([{ n }]) => n === 1,
      );
      // The rating is written and committed while the sweep waits: the sweep, once it has the
      // row, sees it and queues nothing for `racing`.
      await rating.query(
        `INSERT INTO ticket_satisfaction (ticket_number, score, rated_by, rated_by_role)
         VALUES ($1, 4, $2, 'CLIENT_USER')`,
        [racing, registrantId],
      );
      await rating.commitTransaction();
    } finally {
      if (rating.isTransactionActive) await rating.rollbackTransaction();
      await rating.release();
    }
    // The other ticket, unrated, is reminded in the same sweep.
    expect(await swept).toBe(1);
    expect((await reminders([racing, waiting])).map((r) => r.ticket_number)).toEqual([waiting]);
    await sentExactly(() => reminders([racing, waiting]), 1);

    // The other way round: a sweep's transaction holds `waiting` (its reminder being queued);
    // the client's rating waits for it, then goes through.
    const reminding = world.db.createQueryRunner();
    await reminding.connect();
    let rated: Promise<{ body: { errors?: unknown; data?: unknown } }> | undefined;
    try {
      await reminding.startTransaction();
      await reminding.query(TICKET_LOCK, [waiting]);
      rated = gql(
        world.api,
        'mutation ($input: RateTicketInput!) { rateTicket(input: $input) { score } }',
        { input: { number: waiting, score: 5 } },
        world.bearer(Role.CLIENT_USER),
      );
      await eventually(
        () => waitingOnTicket(),
        ([{ n }]) => n === 1,
      );
      expect(
        await world.db.query('SELECT 1 FROM ticket_satisfaction WHERE ticket_number = $1', [
          waiting,
        ]),
      ).toEqual([]);
      await reminding.commitTransaction();
    } finally {
      if (reminding.isTransactionActive) await reminding.rollbackTransaction();
      await reminding.release();
    }
    const { body } = await rated;
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ rateTicket: { score: 5 } });
    // Nothing more is queued for either.
    expect(await sweep.sweep(due)).toBe(0);
    await sentExactly(() => reminders([racing, waiting]), 1);
  });
});
