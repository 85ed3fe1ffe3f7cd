import { Role } from '../../src/identity/role.enum';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { TicketsService } from '../../src/tickets/tickets.service';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { caughtOnceEach } from '../support/caught-mail';
import { emailsQueued } from '../support/emails-queued';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-07 over GraphQL on the real stack: «Reasignar sus tickets» hands the open tickets an agent
// holds to another active agent (reassignOpenTickets), at most `first` per call, 4 at a time; the
// answer says how many are left and where the next call starts (`nextAfter`, a pass tries each
// ticket once, so one that failed cannot keep a caller looping). Each ticket is reassigned as
// reassignTicket would (its `reassign` event, the new agent's email); a ticket that cannot be
// (its workflow ended meanwhile) is reported with its typed error and the others still move; a
// retry, or a second call at the same time, moves nothing twice and emails nobody twice. A wrong
// call (unknown user, same user, a target that is not an active agent, a batch size outside
// 1–100, an agent or a client calling) is a typed error with nothing changed.

const REASSIGN_ALL = `mutation ($fromUserId: ID!, $toUserId: ID!, $note: String, $first: Int,
  $after: String) {
  reassignOpenTickets(fromUserId: $fromUserId, toUserId: $toUserId, note: $note, first: $first,
    after: $after) {
    moved movedCount alreadyAssigned failed { number code reason message } remaining nextAfter } }`;

interface Outcome {
  moved: string[];
  movedCount: number;
  alreadyAssigned: string[];
  failed: { number: string; code: string; reason: string | null; message: string }[];
  remaining: number;
  nextAfter: string | null;
}

describe('Reassigning all the open tickets of an agent (L3-07)', () => {
  const world = useWorldWithWorker('reassign-open');
  const unique = `${process.pid}-${Date.now()}`;

  async function createAgent(local: string, displayName: string) {
    const [provider] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'PROVIDER' LIMIT 1`,
    );
    const email = `${local}-${unique}@becken.example`;
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: provider.id,
          email,
          displayName,
          roles: ['AGENT'],
          temporaryPassword: 'una-clave-larga-1',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    return { id: body.data!.createUser.id, email };
  }

  /** A problem classified to `agentId`. */
  async function problemOf(agentId: string, subject: string): Promise<string> {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject,
      description: `${subject} desde ayer.`,
    });
    const { body } = await gql(
      world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM', agentId } },
      world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    return number;
  }

  const reassignAll = async (role: Role, vars: Record<string, unknown>) => {
    const { body } = await gql<{ reassignOpenTickets: Outcome }>(
      world.api,
      REASSIGN_ALL,
      vars,
      world.bearer(role),
    );
    return {
      outcome: body.data?.reassignOpenTickets,
      code: body.errors?.[0]?.extensions?.code,
      reason: body.errors?.[0]?.extensions?.reason,
    };
  };

  const assigneesOf = (numbers: string[]) =>
    world.db.query<{ number: string; assignee_id: string }[]>(
      'SELECT number, assignee_id FROM ticket WHERE number = ANY($1) ORDER BY number',
      [numbers],
    );

  /** The PROVIDER_ASSIGNED outbox rows of `numbers` to `to`, once every one queued is SENT. */
  const assignedEmails = (numbers: string[], to: string, count: number) =>
    eventually(
      () =>
        world.db.query<
          { ticket_number: string; recipient_address: string; status: string; message_id: string }[]
        >(
          `SELECT ticket_number, recipient_address, status, message_id FROM email_outbox
            WHERE event_type = 'PROVIDER_ASSIGNED' AND ticket_number = ANY($1)
              AND recipient_address = $2
            ORDER BY ticket_number, id`,
          [numbers, to],
        ),
      (rows) => rows.length >= count && rows.every((r) => r.status === 'SENT'),
    );

  it('moves every open ticket the agent holds, emails the new agent once each, reports the one that could not move, and a retry moves nothing twice', async () => {
    const from = await createAgent('saliente', 'Sergio Saliente');
    const to = await createAgent('entrante', 'Elena Entrante');
    const numbers = [
      await problemOf(from.id, 'No timbra'),
      await problemOf(from.id, 'No imprime'),
      await problemOf(from.id, 'No concilia'),
    ];
    // A fourth ticket whose workflow ended since it was listed (terminated here): it cannot move.
    const ended = await problemOf(from.id, 'No cierra');
    await emailsQueued(world.db);
    await world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(ended))
      .terminate('reassign-open-tickets spec: a ticket that ended meanwhile');

    const first = await reassignAll(Role.MANAGER, {
      fromUserId: from.id,
      toUserId: to.id,
      note: 'Sergio deja la empresa',
    });
    expect(first.code).toBeUndefined();
    expect(first.outcome).toEqual({
      moved: numbers,
      movedCount: 3,
      alreadyAssigned: [],
      failed: [
        {
          number: ended,
          code: 'INVALID_TRANSITION',
          reason: 'TICKET_CLOSED',
          message: expect.stringContaining(ended),
        },
      ],
      // The ended ticket is still Sergio's; nothing past it: the pass is over.
      remaining: 1,
      nextAfter: null,
    });
    expect(await assigneesOf([...numbers, ended])).toEqual([
      ...numbers.map((number) => ({ number, assignee_id: to.id })),
      { number: ended, assignee_id: from.id },
    ]);
    // Each ticket's timeline has one reassignment from Sergio to Elena, with the hand-over note.
    const events = await world.db.query<{ ticket_number: string; data: Record<string, unknown> }[]>(
      `SELECT ticket_number, data FROM ticket_event WHERE type = 'reassign' AND ticket_number = ANY($1)
        ORDER BY ticket_number`,
      [[...numbers, ended]],
    );
    expect(events).toEqual(
      numbers.map((number) => ({
        ticket_number: number,
        data: { agentId: to.id, previousAgentId: from.id, note: 'Sergio deja la empresa' },
      })),
    );

    // A retry (the manager clicks again): nothing more moves, the ended ticket is reported again.
    const retry = await reassignAll(Role.ADMIN, { fromUserId: from.id, toUserId: to.id });
    expect(retry.code).toBeUndefined();
    expect(retry.outcome).toMatchObject({
      moved: [],
      movedCount: 0,
      alreadyAssigned: [],
      failed: [{ number: ended, code: 'INVALID_TRANSITION', reason: 'TICKET_CLOSED' }],
      remaining: 1,
      nextAfter: null,
    });

    // L3-11: Elena got one «Ticket asignado» email per moved ticket, each caught once over SMTP.
    await emailsQueued(world.db);
    const rows = await assignedEmails(numbers, to.email, 3);
    expect(rows.map((r) => [r.ticket_number, r.recipient_address])).toEqual(
      numbers.map((number) => [number, to.email]),
    );
    const mails = await caughtOnceEach(rows);
    for (const [i, mail] of mails.entries()) {
      expect(mail.subject).toContain(numbers[i]);
      expect(mail.text).toContain('Sergio deja la empresa');
    }
  });

  /** How many `reassign` events each of `numbers` has, in their order. */
  const reassignEventsOf = async (numbers: string[]) => {
    const rows = await world.db.query<{ ticket_number: string; n: number }[]>(
      `SELECT ticket_number, count(*)::int AS n FROM ticket_event
        WHERE type = 'reassign' AND ticket_number = ANY($1) GROUP BY ticket_number`,
      [numbers],
    );
    return numbers.map((number) => rows.find((r) => r.ticket_number === number)?.n ?? 0);
  };

  it('moves at most `first` tickets a call, says how many are left, and the next call from `nextAfter` moves the rest; a ticket that failed ends the pass instead of looping', async () => {
    const from = await createAgent('lotes', 'Lorena Lotes');
    const to = await createAgent('toma', 'Tadeo Toma');
    const [a, b, c, ended] = [
      await problemOf(from.id, 'No exporta'),
      await problemOf(from.id, 'No importa'),
      await problemOf(from.id, 'No respalda'),
      await problemOf(from.id, 'No arranca'),
    ];
    await world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(ended))
      .terminate('reassign-open-tickets spec: a ticket that ended meanwhile');
    const vars = { fromUserId: from.id, toUserId: to.id, first: 2 };

    // The first batch: the two oldest; two more are still hers, past the second one.
    const first = await reassignAll(Role.MANAGER, vars);
    expect(first.code).toBeUndefined();
    expect(first.outcome).toEqual({
      moved: [a, b],
      movedCount: 2,
      alreadyAssigned: [],
      failed: [],
      remaining: 2,
      nextAfter: b,
    });
    expect(await assigneesOf([a, b, c, ended])).toEqual([
      { number: a, assignee_id: to.id },
      { number: b, assignee_id: to.id },
      { number: c, assignee_id: from.id },
      { number: ended, assignee_id: from.id },
    ]);

    // The next batch starts after it: the last one moves, the ended one fails, the pass is over.
    const second = await reassignAll(Role.MANAGER, { ...vars, after: first.outcome!.nextAfter });
    expect(second.code).toBeUndefined();
    expect(second.outcome).toMatchObject({
      moved: [c],
      movedCount: 1,
      alreadyAssigned: [],
      failed: [{ number: ended, code: 'INVALID_TRANSITION', reason: 'TICKET_CLOSED' }],
      remaining: 1,
      nextAfter: null,
    });

    // A new pass (no `after`, «intentar de nuevo») tries the ended one again and ends at once.
    const again = await reassignAll(Role.MANAGER, vars);
    expect(again.outcome).toMatchObject({
      moved: [],
      failed: [{ number: ended, reason: 'TICKET_CLOSED' }],
      remaining: 1,
      nextAfter: null,
    });
    expect(await assigneesOf([a, b, c, ended])).toEqual([
      ...[a, b, c].map((number) => ({ number, assignee_id: to.id })),
      { number: ended, assignee_id: from.id },
    ]);
    // Each ticket that moved was reassigned once.
    expect(await reassignEventsOf([a, b, c, ended])).toEqual([1, 1, 1, 0]);

    // Without `first`, a call tries up to 100: nothing is left past the pass, so none.
    const rest = await reassignAll(Role.ADMIN, { fromUserId: from.id, toUserId: to.id });
    expect(rest.outcome).toMatchObject({ moved: [], remaining: 1, nextAfter: null });
  });

  it('reassigns 4 tickets at a time and lists them in ticket-number order, whichever finishes first', async () => {
    const from = await createAgent('paralelo', 'Pablo Paralelo');
    const to = await createAgent('recibe', 'Rebeca Recibe');
    const numbers: string[] = [];
    for (const subject of ['No suma', 'No resta', 'No multiplica', 'No divide', 'No redondea']) {
      numbers.push(await problemOf(from.id, subject));
    }
    // The oldest ticket's reassignment, once done, waits for every other one under way by then:
    // run side by side, it finishes after them; one after the other, nothing waits.
    const service = world.api.app.get(TicketsService);
    const transition = service.transition.bind(service);
    const underWay = new Map<string, Promise<unknown>>();
    const finished: string[] = [];
    let inFlight = 0;
    let most = 0;
    const spy = jest
      .spyOn(service, 'transition')
      .mockImplementation(async (user, number, name, definition, payload) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        const own = transition(user, number, name, definition, payload);
        underWay.set(number, own);
        try {
          const outcome = await own;
          if (number === numbers[0]) {
            await Promise.allSettled([...underWay].filter(([n]) => n !== number).map(([, p]) => p));
          }
          return outcome;
        } finally {
          inFlight -= 1;
          finished.push(number);
        }
      });
    let outcome: Outcome | undefined;
    try {
      outcome = (await reassignAll(Role.MANAGER, { fromUserId: from.id, toUserId: to.id })).outcome;
    } finally {
      spy.mockRestore();
    }
    expect(most).toBe(4);
    expect(finished).toHaveLength(5);
    expect(finished[0]).not.toBe(numbers[0]);
    expect(finished.indexOf(numbers[0])).toBeGreaterThanOrEqual(3);
    expect(outcome).toEqual({
      moved: numbers,
      movedCount: 5,
      alreadyAssigned: [],
      failed: [],
      remaining: 0,
      nextAfter: null,
    });
    expect(await assigneesOf(numbers)).toEqual(
      numbers.map((number) => ({ number, assignee_id: to.id })),
    );
  });

  it('two calls at once move each ticket once and email the new agent once per ticket', async () => {
    const from = await createAgent('doble', 'Diana Doble');
    const to = await createAgent('receptor', 'Raúl Receptor');
    const numbers = [
      await problemOf(from.id, 'No factura'),
      await problemOf(from.id, 'No envía'),
      await problemOf(from.id, 'No descarga'),
    ];
    const vars = { fromUserId: from.id, toUserId: to.id };
    const [a, b] = await Promise.all([
      reassignAll(Role.MANAGER, vars),
      reassignAll(Role.ADMIN, vars),
    ]);
    expect([a.code, b.code]).toEqual([undefined, undefined]);
    const moved = [...a.outcome!.moved, ...b.outcome!.moved].sort();
    // Each ticket moved by exactly one of the calls; the other found it on Raúl already, or not at all.
    expect(moved).toEqual(numbers);
    expect([...a.outcome!.failed, ...b.outcome!.failed]).toEqual([]);
    for (const [mine, other] of [
      [a.outcome!, b.outcome!],
      [b.outcome!, a.outcome!],
    ]) {
      for (const number of mine.alreadyAssigned) expect(other.moved).toContain(number);
    }
    expect(await assigneesOf(numbers)).toEqual(
      numbers.map((number) => ({ number, assignee_id: to.id })),
    );
    const [{ n }] = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ticket_event WHERE type = 'reassign' AND ticket_number = ANY($1)`,
      [numbers],
    );
    expect(n).toBe(3);
    await emailsQueued(world.db);
    const rows = await assignedEmails(numbers, to.email, 3);
    expect(rows.map((r) => r.recipient_address)).toEqual(numbers.map(() => to.email));
    await caughtOnceEach(rows);
  });

  it('refuses an unknown user, the same user, a target who is not an active agent, a bad batch, and agents or clients, changing nothing', async () => {
    const from = await createAgent('quieto', 'Quirino Quieto');
    const number = await problemOf(from.id, 'No sincroniza');
    await emailsQueued(world.db, number);
    const snapshot = async () => ({
      tickets: await assigneesOf([number]),
      events: await world.db.query(
        'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
        [number],
      ),
      emails: await world.db.query('SELECT count(*)::int AS n FROM email_outbox'),
    });
    const before = await snapshot();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const [client] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'usuario@aurora.example'`,
    );
    const [alex] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'agente@becken.example'`,
    );
    const cases: [Role, Record<string, unknown>, string, string | undefined][] = [
      [Role.MANAGER, { fromUserId: unknown, toUserId: alex.id }, 'NOT_FOUND', 'NOT_FOUND'],
      [Role.MANAGER, { fromUserId: from.id, toUserId: unknown }, 'NOT_FOUND', 'NOT_FOUND'],
      [Role.ADMIN, { fromUserId: from.id, toUserId: from.id }, 'VALIDATION_FAILED', 'SAME_USER'],
      [
        Role.ADMIN,
        { fromUserId: from.id, toUserId: client.id },
        'VALIDATION_FAILED',
        'AGENT_NOT_ACTIVE',
      ],
      [
        Role.MANAGER,
        { fromUserId: from.id, toUserId: 'no-es-uuid' },
        'VALIDATION_FAILED',
        undefined,
      ],
      [Role.AGENT, { fromUserId: from.id, toUserId: alex.id }, 'FORBIDDEN', 'ROLE_NOT_ALLOWED'],
      [
        Role.CLIENT_APPROVER,
        { fromUserId: from.id, toUserId: alex.id },
        'FORBIDDEN',
        'ROLE_NOT_ALLOWED',
      ],
    ];
    // A batch of 1 to 100 tickets, after a ticket number: anything else moves nothing.
    const badBatches: Record<string, unknown>[] = [
      { first: 0 },
      { first: -1 },
      { first: 101 },
      { first: 2.5 },
      { after: 'L3-26-1' },
      { first: 1, after: 'ninguno' },
    ];
    for (const batch of badBatches) {
      cases.push([
        Role.MANAGER,
        { fromUserId: from.id, toUserId: alex.id, ...batch },
        'VALIDATION_FAILED',
        undefined,
      ]);
    }
    for (const [role, vars, code, reason] of cases) {
      const got = await reassignAll(role, vars);
      expect({ role, vars, code: got.code, outcome: got.outcome }).toEqual({
        role,
        vars,
        code,
        outcome: undefined,
      });
      if (reason) expect(got.reason).toBe(reason);
    }

    // An agent deactivated meanwhile is no target either.
    const gone = await createAgent('ido', 'Ignacio Ido');
    const off = await gql(
      world.api,
      `mutation ($userId: ID!) { setUserActive(userId: $userId, active: false) { id } }`,
      { userId: gone.id },
      world.bearer(Role.ADMIN),
    );
    expect(off.body.errors).toBeUndefined();
    const inactive = await reassignAll(Role.MANAGER, { fromUserId: from.id, toUserId: gone.id });
    expect([inactive.code, inactive.reason]).toEqual(['VALIDATION_FAILED', 'AGENT_NOT_ACTIVE']);
    expect(await snapshot()).toEqual(before);
  });
});
