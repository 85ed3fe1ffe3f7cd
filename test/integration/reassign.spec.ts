import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { emailsQueued } from '../support/emails-queued';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-07 over GraphQL on the real stack: a problem is assigned at once; provider staff reassign it
// to another active agent (the read model's assignee follows, the new agent is emailed once, the
// client is not); the ticket, its timeline and the written authorization name people, not IDs,
// in one batch per request; a client cannot reassign, and an unknown or non-agent user is
// VALIDATION_FAILED with nothing changed. A reassignment's hand-over note stays with the team.

const TICKET = `number state assigneeId assigneeName registrantName allowedActions
  timeline { seq type actorRole actorName agentName data }`;
const REASSIGN = `mutation ($input: ReassignTicketInput!) {
  reassignTicket(input: $input) { seq ticket { ${TICKET} } } }`;

interface Ticket {
  number: string;
  state: string;
  assigneeId: string | null;
  assigneeName: string | null;
  registrantName: string | null;
  allowedActions: string[];
  timeline: {
    seq: number;
    type: string;
    actorRole: string | null;
    actorName: string | null;
    agentName: string | null;
    data: string;
  }[];
}

describe('Reassigning tickets and people by name (L3-07, L3-09)', () => {
  const world = useWorldWithWorker('reassign');
  let second: { id: string; email: string };
  let alex: string;

  beforeAll(async () => {
    // A second provider agent (an admin creates it through the API, as in production).
    const [provider] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'PROVIDER' LIMIT 1`,
    );
    const email = `ana-${Date.now()}@becken.example`;
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: provider.id,
          email,
          displayName: 'Ana Analista',
          roles: ['AGENT'],
          temporaryPassword: 'una-clave-larga-1',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    second = { id: body.data!.createUser.id, email };
    [{ id: alex }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'agente@becken.example'`,
    );
  });

  const read = async (role: Role, number: string, org?: string): Promise<Ticket> => {
    const { body } = await gql<{ ticket: Ticket }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${TICKET} } }`,
      { number },
      world.bearer(role, org),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  };

  const reassign = async (role: Role, input: Record<string, unknown>) => {
    const { body } = await gql<{ reassignTicket: { seq: number; ticket: Ticket } }>(
      world.api,
      REASSIGN,
      { input },
      world.bearer(role),
    );
    return { outcome: body.data?.reassignTicket, code: body.errors?.[0]?.extensions?.code };
  };

  /** Alex Agent classifies `number` as a problem, naming `agentId` or leaving «Automático». */
  async function classifyProblem(number: string, agentId?: string): Promise<void> {
    const { body } = await gql(
      world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM', ...(agentId ? { agentId } : {}) } },
      world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
  }

  /** A problem classified to Alex Agent (named assignment). */
  async function assignedProblem(): Promise<string> {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra',
      description: 'Error 301 al timbrar.',
    });
    await classifyProblem(number, alex);
    return number;
  }

  const snapshot = async (number: string) => ({
    ticket: await world.db.query(
      'SELECT assignee_id, state, last_event_seq FROM ticket WHERE number = $1',
      [number],
    ),
    events: await world.db.query(
      'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
      [number],
    ),
    emails: await world.db.query(
      'SELECT count(*)::int AS n FROM email_outbox WHERE ticket_number = $1',
      [number],
    ),
  });

  it('an agent reassigns: the read model follows, the new agent is emailed once, names everywhere', async () => {
    const number = await assignedProblem();
    const before = await read(Role.AGENT, number);
    expect(before).toMatchObject({
      assigneeId: alex,
      assigneeName: 'Alex Agent',
      registrantName: 'Úrsula Usuaria',
    });
    expect(before.allowedActions).toContain('reassign');
    const assigned = before.timeline.find((e) => e.type === 'ASSIGNED')!;
    // QA S20: Alex named the agent when classifying, so the assignment is Alex's, not «Sistema».
    expect(assigned).toMatchObject({
      actorRole: 'AGENT',
      actorName: 'Alex Agent',
      agentName: 'Alex Agent',
    });
    expect(before.timeline.find((e) => e.type === 'classify')).toMatchObject({
      actorRole: 'AGENT',
      actorName: 'Alex Agent',
    });
    expect(before.timeline.find((e) => e.type === 'registered')).toMatchObject({
      actorName: 'Úrsula Usuaria',
    });

    const requestId = `reassign-${number}`;
    const input = { number, agentId: second.id, note: 'Ana conoce el diario', requestId };
    const done = await reassign(Role.AGENT, input);
    expect(done.code).toBeUndefined();
    expect(done.outcome!.ticket).toMatchObject({
      state: 'IN_ANALYSIS',
      assigneeId: second.id,
      assigneeName: 'Ana Analista',
    });
    // A retry with the same request ID changes nothing more.
    expect((await reassign(Role.AGENT, input)).outcome!.seq).toBe(done.outcome!.seq);
    const [row] = await world.db.query<{ assignee_id: string }[]>(
      'SELECT assignee_id FROM ticket WHERE number = $1',
      [number],
    );
    expect(row.assignee_id).toBe(second.id);

    // The client sees who has its ticket and who did what, by name.
    const seen = await read(Role.CLIENT_USER, number);
    expect(seen.assigneeName).toBe('Ana Analista');
    expect(seen.timeline.filter((e) => e.type === 'reassign')).toEqual([
      expect.objectContaining({
        actorRole: 'AGENT',
        actorName: 'Alex Agent',
        agentName: 'Ana Analista',
      }),
    ]);

    // L3-11 provider side: the new agent is told once; the client gets nothing about it.
    const emails = await eventually(
      () =>
        world.db.query<{ recipient_address: string }[]>(
          `SELECT recipient_address FROM email_outbox
            WHERE ticket_number = $1 AND event_type = 'PROVIDER_ASSIGNED'`,
          [number],
        ),
      (rows) => rows.length > 0,
    );
    expect(emails.map((e) => e.recipient_address)).toEqual([second.email]);
    const reassignSeq = done.outcome!.seq;
    const about = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM email_outbox WHERE ticket_number = $1 AND event_key LIKE $2`,
      [number, `%:${reassignSeq}%`],
    );
    expect(about[0].n).toBe(1);
  });

  it('L3-07: an agent a manager assigned in triage and the classifier kept is the manager’s assignment on the timeline', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No cierra el mes',
      description: 'El cierre contable marca error.',
    });
    expect((await reassign(Role.MANAGER, { number, agentId: second.id })).code).toBeUndefined();
    // Alex classifies with the form on «Automático»: the API sends no agent, Ana stays.
    await classifyProblem(number);
    const { assigneeName, timeline } = await read(Role.CLIENT_USER, number);
    expect(assigneeName).toBe('Ana Analista');
    const assignments = timeline.filter((e) => e.type === 'ASSIGNED');
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      actorRole: 'MANAGER',
      actorName: 'Gerardo Gerente',
      agentName: 'Ana Analista',
    });
    // Ana heard of it once, from the manager's assignment; keeping her sends nothing more.
    await emailsQueued(world.db, number);
    const [{ n }] = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM email_outbox
        WHERE ticket_number = $1 AND event_type = 'PROVIDER_ASSIGNED'`,
      [number],
    );
    expect(n).toBe(1);
  });

  it("L3-07: a hand-over note is the team's: the client sees the reassignment without it, nor finds it, nor is emailed it", async () => {
    const number = await assignedProblem();
    const note = `El cliente es difícil ${number}`;
    const done = await reassign(Role.MANAGER, { number, agentId: second.id, note });
    expect(done.code).toBeUndefined();
    const handOver = (t: Ticket) => t.timeline.filter((e) => e.type === 'reassign');

    // Staff read the note on the ticket; the client reads who has the ticket now, and no note.
    const [staff] = handOver(await read(Role.AGENT, number));
    expect(JSON.parse(staff.data)).toMatchObject({ agentId: second.id, note });
    const client = handOver(await read(Role.CLIENT_USER, number));
    expect(client).toEqual([expect.objectContaining({ agentName: 'Ana Analista' })]);
    expect(JSON.parse(client[0].data)).toEqual({ agentId: second.id, previousAgentId: alex });
    expect(client[0].data).not.toContain('difícil');

    // Staff's search finds the ticket by the note; the client's finds nothing.
    const found = async (role: Role) => {
      const { body } = await gql<{ tickets: { items: { number: string }[] } }>(
        world.api,
        `query ($filter: TicketFilter) { tickets(filter: $filter) { items { number } } }`,
        { filter: { text: note } },
        world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.tickets.items.map((i) => i.number);
    };
    expect(await found(Role.MANAGER)).toEqual([number]);
    expect(await found(Role.CLIENT_USER)).toEqual([]);

    // Only the new agent's email carries it (L3-11: the client is not emailed a reassignment).
    const emails = await eventually(
      () =>
        world.db.query<{ recipient_address: string }[]>(
          `SELECT recipient_address FROM email_outbox WHERE ticket_number = $1 AND text LIKE $2`,
          [number, `%${note}%`],
        ),
      (rows) => rows.length > 0,
    );
    expect(emails.map((e) => e.recipient_address)).toEqual([second.email]);
  });

  it('a client is FORBIDDEN; an unknown user, a client user or the same agent are refused with nothing changed', async () => {
    const number = await assignedProblem();
    await emailsQueued(world.db);
    const before = await snapshot(number);
    expect((await reassign(Role.CLIENT_USER, { number, agentId: second.id })).code).toBe(
      'FORBIDDEN',
    );
    const [client] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'usuario@aurora.example'`,
    );
    for (const agentId of ['00000000-0000-4000-8000-000000000000', client.id]) {
      expect((await reassign(Role.MANAGER, { number, agentId })).code).toBe('VALIDATION_FAILED');
    }
    expect((await reassign(Role.MANAGER, { number, agentId: 'no-es-uuid' })).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await reassign(Role.MANAGER, { number, agentId: alex })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(await snapshot(number)).toEqual(before);
  });

  it('lists the active agents to assign to (staff only) and names the written authorization author (L3-09)', async () => {
    const { body } = await gql<{ assignableAgents: { id: string; displayName: string }[] }>(
      world.api,
      `{ assignableAgents { id displayName } }`,
      {},
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.assignableAgents).toEqual(
      expect.arrayContaining([
        { id: alex, displayName: 'Alex Agent' },
        { id: second.id, displayName: 'Ana Analista' },
      ]),
    );
    const refused = await gql(
      world.api,
      `{ assignableAgents { id } }`,
      {},
      world.bearer(Role.CLIENT_USER),
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A requirement through estimate and written authorization: the statement's author by name.
    const number = await registerProjectedTicket(world, {});
    const act = async (role: Role, mutation: string, type: string, input: object) => {
      const res = await gql(
        world.api,
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
        { input: { number, ...input } },
        world.bearer(role),
      );
      expect(res.body.errors).toBeUndefined();
    };
    await act(Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', {
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    // L3-08: a requirement has the agent who diagnoses it, and can be handed over like a problem.
    const classified = await read(Role.AGENT, number);
    expect(classified.assigneeId).not.toBeNull();
    expect(classified.allowedActions).toContain('reassign');
    await act(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', { hours: 1, scope: 'Reporte' });
    await act(Role.CLIENT_APPROVER, 'authorizeEstimate', 'AuthorizeEstimateInput', {
      estimateVersion: 1,
      statement: 'Autorizo 1 hora.',
    });
    for (const role of [Role.AGENT, Role.CLIENT_USER]) {
      const res = await gql<{ ticket: { authorizations: object[] } }>(
        world.api,
        `query ($number: String!) { ticket(number: $number) {
          authorizations { statement approverName } } }`,
        { number },
        world.bearer(role),
      );
      expect(res.body.data!.ticket.authorizations).toEqual([
        { statement: 'Autorizo 1 hora.', approverName: 'Arturo Aprobador' },
      ]);
    }
  });
});
