import { randomUUID } from 'node:crypto';
import { Role } from '../../src/identity/role.enum';
import { caughtAtLeast, caughtMails, subjectHas } from '../support/caught-mail';
import { emailsQueued } from '../support/emails-queued';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// Issue 5 comments over GraphQL on the real stack: client comments, provider replies and internal
// notes on the timeline; internal notes hidden from client users and never emailed; a provider's
// client-visible reply emails the registrant once (L3-11); a client comment while the ticket
// waits on the client resumes the paused clock; bad input is refused with nothing changed.

const OWN_ORG = AURORA_ORG;
const OTHER_ORG = TULUM_ORG;
const TICKET = `number state timeline { seq type actorRole data }
  clocks { kind status pauses { from to } }`;
const ADD_COMMENT = `mutation ($number: String!, $body: String!, $internal: Boolean, $requestId: String) {
  addComment(number: $number, body: $body, internal: $internal, requestId: $requestId) {
    seq requestId ticket { ${TICKET} } } }`;

interface Ticket {
  number: string;
  state: string;
  timeline: { seq: number; type: string; actorRole: string | null; data: string }[];
  clocks: { kind: string; status: string; pauses: { from: string; to: string | null }[] }[];
}

interface ProgressTicket {
  calendarId: string;
  timeline: { seq: number; type: string; at: string; data: string }[];
  clocks: {
    kind: string;
    run: number;
    status: string;
    startedAt: string;
    deadline: string;
    budgetMinutes: number;
  }[];
}

describe('Ticket comments and internal notes (issue 5, L3-11)', () => {
  const world = useWorldWithWorker('comments');
  // The incident «No timbra la factura», registered by OWN_ORG's user and projected.
  const { act, registered, problemInAnalysis, problemWaitingOnClient } = ticketJourneys(world);
  const register = (organization = OWN_ORG) => registered({ organization });

  async function comment(
    role: Role,
    vars: { number: string; body: string; internal?: boolean; requestId?: string },
    org?: string,
  ) {
    const { status, body } = await gql<{ addComment: { seq: number; ticket: Ticket } }>(
      world.api,
      ADD_COMMENT,
      vars,
      world.bearer(role, org),
    );
    expect(status).toBe(200);
    const error = body.errors?.[0];
    return { outcome: body.data?.addComment, code: error?.extensions?.code, error };
  }

  async function read(role: Role, number: string): Promise<Ticket> {
    const { body } = await gql<{ ticket: Ticket }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${TICKET} } }`,
      { number },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  }

  const comments = (t: Ticket) =>
    t.timeline
      .filter((e) => e.type === 'comment')
      .map((e) => ({ role: e.actorRole, ...(JSON.parse(e.data) as object) }));

  const outbox = (number: string) =>
    world.db.query<{ event_type: string; recipient_address: string; status: string }[]>(
      'SELECT event_type, recipient_address, status FROM email_outbox WHERE ticket_number = $1 ORDER BY created_at, recipient_address',
      [number],
    );

  it('shows internal notes to provider staff only and emails only the provider reply', async () => {
    const number = await register();
    const asked = await comment(Role.CLIENT_USER, { number, body: '  ¿Hay novedades?  ' });
    expect(asked.code).toBeUndefined();
    expect(await comment(Role.AGENT, { number, body: 'Lo revisamos hoy.' })).toMatchObject({
      code: undefined,
    });
    const note = await comment(Role.MANAGER, {
      number,
      body: 'Cliente sensible: priorizar.',
      internal: true,
    });
    expect(note.code).toBeUndefined();
    // The mutation's own answer to staff carries the note.
    expect(comments(note.outcome!.ticket)).toHaveLength(3);

    const expected = [
      { role: 'CLIENT_USER', body: '¿Hay novedades?', internal: false },
      { role: 'AGENT', body: 'Lo revisamos hoy.', internal: false },
      { role: 'MANAGER', body: 'Cliente sensible: priorizar.', internal: true },
    ];
    expect(comments(await read(Role.AGENT, number))).toEqual(expected);
    // Client users never see the internal note, not in the query nor in a mutation's answer.
    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
      expect(comments(await read(role, number))).toEqual(expected.slice(0, 2));
    }
    const reply = await comment(Role.CLIENT_APPROVER, { number, body: 'Gracias.' });
    expect(comments(reply.outcome!.ticket).map((c) => c.role)).toEqual([
      'CLIENT_USER',
      'AGENT',
      'CLIENT_APPROVER',
    ]);
    expect(JSON.stringify(reply.outcome!.ticket)).not.toContain('Cliente sensible');

    // L3-11: the registration, the agent's reply and the approver's comment (QA S43) are emailed
    // to the registrant; the note to nobody; the registrant's own comment is not echoed back.
    const sent = await eventually(
      () => outbox(number),
      (rows) => rows.length >= 7 && rows.every((r) => r.status === 'SENT'),
    );
    // The provider hears of the new ticket (agents and managers) and of each client comment (the
    // agents: nobody is assigned); the internal note and the agent's reply tell no provider user.
    expect(sent.map((r) => `${r.event_type} → ${r.recipient_address}`)).toEqual([
      'PROVIDER_NEW_TICKET → agente@becken.example',
      'PROVIDER_NEW_TICKET → gerente@becken.example',
      'TICKET_REGISTERED → usuario@aurora.example',
      'PROVIDER_CLIENT_ACTIVITY → agente@becken.example',
      'COMMENT_ADDED → usuario@aurora.example',
      'PROVIDER_CLIENT_ACTIVITY → agente@becken.example',
      'COMMENT_ADDED → usuario@aurora.example',
    ]);
    const mails = (await caughtMails()).filter(subjectHas(number));
    expect(mails.filter((m) => m.text.includes('Lo revisamos hoy.'))).toHaveLength(1);
    // The approver's comment, told to the registrant by its author's name (QA S43).
    const fromApprover = mails.filter(
      (m) => m.to.includes('usuario@aurora.example') && m.text.includes('Gracias.'),
    );
    expect(fromApprover).toHaveLength(1);
    expect(fromApprover[0].text).toMatch(/comentó en su ticket/);
    expect(
      mails.filter(
        (m) => m.text.includes('¿Hay novedades?') && m.to.includes('usuario@aurora.example'),
      ),
    ).toEqual([]);
    expect(mails.filter((m) => m.text.includes('Cliente sensible'))).toEqual([]);
  });

  it('a client comment while the ticket waits on the client resumes its paused clock', async () => {
    const number = await problemWaitingOnClient('¿Nos comparte los logs?', {
      organization: OWN_ORG,
    });
    // A staff comment does not answer for the client.
    const staff = await comment(Role.AGENT, { number, body: 'Seguimos esperando.' });
    expect(staff.outcome!.ticket.state).toBe('WAITING_ON_CLIENT');

    const answered = await comment(Role.CLIENT_USER, { number, body: 'Adjunto los logs.' });
    expect(answered.code).toBeUndefined();
    const ticket = answered.outcome!.ticket;
    expect(ticket.state).toBe('IN_ANALYSIS');
    const progress = ticket.clocks.find((c) => c.kind === 'progress')!;
    expect(progress.status).toBe('RUNNING');
    expect(progress.pauses).toHaveLength(1);
    expect(progress.pauses[0].to).not.toBeNull();
  });

  it('a public staff reply on a problem whose progress clock runs counts as a progress update (L3-07)', async () => {
    const number = await problemInAnalysis({ organization: OWN_ORG });
    const body = 'Reproducimos el error en pruebas; mañana publicamos la corrección.';
    const vars = { number, body, requestId: randomUUID() };
    const replied = await comment(Role.AGENT, vars);
    const answeredMs = Date.now();
    expect(replied.code).toBeUndefined();
    // A retried request (same requestId) stores the reply once and counts it once.
    expect((await comment(Role.AGENT, vars)).outcome!.seq).toBe(replied.outcome!.seq);

    const { body: read } = await gql<{ ticket: ProgressTicket }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { calendarId
        timeline { seq type at data } clocks { kind run status startedAt deadline budgetMinutes } } }`,
      { number },
      world.bearer(Role.AGENT),
    );
    const ticket = read.data!.ticket;
    // One timeline entry: the reply, marked; no separate progress update.
    const replies = ticket.timeline.filter((e) => e.type === 'comment');
    expect(replies.map((e) => JSON.parse(e.data) as object)).toEqual([
      { body, internal: false, countsAsProgress: true },
    ]);
    expect(ticket.timeline.filter((e) => e.type === 'addProgress')).toEqual([]);
    // The progress clock restarted at the reply: its new deadline is the cadence from then, on
    // the ticket's calendar (as the API's own deadline calculator computes it).
    const progress = ticket.clocks.filter((c) => c.kind === 'progress');
    expect(progress.map((c) => [c.run, c.status])).toEqual([
      [1, 'MET'],
      [2, 'RUNNING'],
    ]);
    const current = progress[1];
    // Restarted while the reply was handled: at or after its instant, no later than its answer
    // (an outcome, not how late under load).
    expect(Date.parse(current.startedAt)).toBeGreaterThanOrEqual(Date.parse(replies[0].at));
    expect(Date.parse(current.startedAt)).toBeLessThanOrEqual(answeredMs);
    const { body: deadline } = await gql<{ businessDeadline: { deadline: string } }>(
      world.api,
      `query ($from: DateTime!, $amount: Int!, $calendarId: ID) {
        businessDeadline(from: $from, amount: $amount, unit: BUSINESS_HOURS, calendarId: $calendarId) {
          deadline } }`,
      {
        from: current.startedAt,
        amount: current.budgetMinutes / 60,
        calendarId: ticket.calendarId,
      },
    );
    expect(current.deadline).toBe(deadline.data!.businessDeadline.deadline);

    // The registrant gets one email for it: the reply's (no «Avance del ticket» besides).
    const registrant = 'usuario@aurora.example';
    const sent = await eventually(
      () => outbox(number),
      (rows) =>
        rows.some((r) => r.event_type === 'COMMENT_ADDED') &&
        rows.every((r) => r.status === 'SENT'),
    );
    const toRegistrant = sent.filter((r) => r.recipient_address === registrant);
    expect(toRegistrant.filter((r) => r.event_type === 'COMMENT_ADDED')).toHaveLength(1);
    expect(toRegistrant.filter((r) => r.event_type === 'PROGRESS_UPDATE')).toEqual([]);
    const mails = await caughtAtLeast(
      1,
      (m) => subjectHas(number)(m) && m.text.includes(body),
      registrant,
    );
    expect(mails).toHaveLength(1);
    // It counted as an update: it says by when the next one comes (the restarted clock's day).
    const day = new Intl.DateTimeFormat('es-MX', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'America/Mexico_City',
    }).format(new Date(current.deadline));
    expect(mails[0].text).toMatch(new RegExp(`Próximo avance a más tardar: [^\\n]*${day}`));
    expect((await caughtMails(registrant)).filter(subjectHas(number, 'Avance'))).toEqual([]);
  });

  it('tells staff whether a public reply now counts as a progress update, by the workflow rule (L3-07)', async () => {
    /** `Ticket.publicReplyCountsAsProgress` as `role` reads it, with the ticket's state. */
    const counts = async (role: Role, number: string) => {
      const { body } = await gql<{
        ticket: { state: string; publicReplyCountsAsProgress: boolean };
      }>(
        world.api,
        `query ($number: String!) { ticket(number: $number) { state publicReplyCountsAsProgress } }`,
        { number },
        world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.ticket;
    };
    const staffAndClients = async (number: string) =>
      Promise.all(
        [Role.AGENT, Role.MANAGER, Role.CLIENT_USER, Role.CLIENT_APPROVER].map(async (role) => [
          role,
          (await counts(role, number)).publicReplyCountsAsProgress,
        ]),
      );

    // A problem in analysis whose progress clock runs: true for staff; false for client users,
    // who never write staff replies.
    const problem = await problemInAnalysis({ organization: OWN_ORG });
    expect(await counts(Role.AGENT, problem)).toEqual({
      state: 'IN_ANALYSIS',
      publicReplyCountsAsProgress: true,
    });
    expect(await staffAndClients(problem)).toEqual([
      [Role.AGENT, true],
      [Role.MANAGER, true],
      [Role.CLIENT_USER, false],
      [Role.CLIENT_APPROVER, false],
    ]);
    // The reply's own answer (the workflow's view) says the same: the restarted clock runs.
    const replied = await gql<{ addComment: { ticket: { publicReplyCountsAsProgress: boolean } } }>(
      world.api,
      `mutation ($number: String!) { addComment(number: $number, body: "Seguimos en ello.") {
        ticket { publicReplyCountsAsProgress } } }`,
      { number: problem },
      world.bearer(Role.AGENT),
    );
    expect(replied.body.data?.addComment.ticket.publicReplyCountsAsProgress).toBe(true);

    // Paused waiting on the client: false; the client's answer resumes the clock: true again.
    await act(Role.AGENT, 'waitOnClient', { number: problem, note: '¿Nos comparte los logs?' });
    expect(await counts(Role.AGENT, problem)).toEqual({
      state: 'WAITING_ON_CLIENT',
      publicReplyCountsAsProgress: false,
    });
    await comment(Role.CLIENT_USER, { number: problem, body: 'Adjunto los logs.' });
    expect(await counts(Role.AGENT, problem)).toEqual({
      state: 'IN_ANALYSIS',
      publicReplyCountsAsProgress: true,
    });

    // Resolved and confirmed by the client (closed): false.
    await act(Role.AGENT, 'resolveTicket', { number: problem, note: 'Corregido en producción.' });
    await act(Role.CLIENT_USER, 'confirmResolution', { number: problem });
    expect(await counts(Role.AGENT, problem)).toEqual({
      state: 'CLOSED',
      publicReplyCountsAsProgress: false,
    });

    // A requirement has no progress clock: false.
    const requirement = await register();
    await act(
      Role.AGENT,
      'classifyTicket',
      { number: requirement, classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
      'ClassifyTicketInput',
    );
    expect(await staffAndClients(requirement)).toEqual([
      [Role.AGENT, false],
      [Role.MANAGER, false],
      [Role.CLIENT_USER, false],
      [Role.CLIENT_APPROVER, false],
    ]);
  });

  it('refuses bad comments with typed codes and changes nothing', async () => {
    const number = await register();
    const other = await register(OTHER_ORG);
    const closed = await register();
    await act(Role.CLIENT_USER, 'cancelTicket', { number: closed, note: 'Duplicado' });
    // What the valid calls above queue is queued before the snapshot (TicketEmailRelay).
    await emailsQueued(world.db);
    const snapshot = async () => ({
      events: await world.db.query<{ n: number }[]>(
        'SELECT ticket_number, count(*)::int AS n FROM ticket_event WHERE ticket_number IN ($1, $2, $3) GROUP BY 1 ORDER BY 1',
        [number, other, closed],
      ),
      emails: await world.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM email_outbox'),
    });
    const before = await snapshot();
    const cases: [Role, Parameters<typeof comment>[1], string][] = [
      [Role.CLIENT_USER, { number, body: 'nota interna', internal: true }, 'FORBIDDEN'],
      [Role.CLIENT_APPROVER, { number, body: 'nota interna', internal: true }, 'FORBIDDEN'],
      [Role.AGENT, { number, body: '' }, 'VALIDATION_FAILED'],
      [Role.AGENT, { number, body: ' \n\t ' }, 'VALIDATION_FAILED'],
      [Role.AGENT, { number, body: 'x'.repeat(10_001) }, 'VALIDATION_FAILED'],
      [Role.AGENT, { number: 'L3-2026-00001', body: 'hola' }, 'VALIDATION_FAILED'],
      [Role.AGENT, { number: 'L3-1999-999999', body: 'hola' }, 'NOT_FOUND'],
      [Role.AGENT, { number, body: 'hola', requestId: 'short' }, 'VALIDATION_FAILED'],
      [Role.CLIENT_USER, { number: other, body: 'hola' }, 'NOT_FOUND'],
      [Role.AGENT, { number: closed, body: 'hola' }, 'INVALID_TRANSITION'],
      [Role.CLIENT_USER, { number: closed, body: 'hola' }, 'INVALID_TRANSITION'],
    ];
    const got = [];
    for (const [role, vars, code] of cases) {
      got.push([role, vars.body.slice(0, 20), (await comment(role, vars)).code, code]);
    }
    expect(got.filter(([, , actual, code]) => actual !== code)).toEqual([]);
    // An ended ticket's refusal says why, as its files' and participants' do (L3-11).
    for (const role of [Role.AGENT, Role.CLIENT_USER]) {
      const { error } = await comment(role, { number: closed, body: 'hola' });
      expect(error?.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        reason: 'TICKET_CLOSED',
        state: 'CANCELLED',
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});
