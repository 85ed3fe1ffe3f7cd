import { addBusinessDays, defaultMexicoCityCalendar } from '../../src/business-time/engine';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import {
  confirmedRemoteSessionAheadSql,
  remoteSessionAheadSql,
} from '../../workflows/ticket/remote-session-ahead';
import { Role } from '../../src/identity/role.enum';
import { sentExactly } from '../support/caught-mail';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { eventually } from '../support/eventually';
import { TULUM_ORG } from '../support/demo-contract';
import { insertReadModelTicket } from '../support/read-model-ticket';
import { REMOTE_SESSION_AHEAD_CASES } from '../support/remote-session-ahead-cases';

// QA S62 #2, L3-07: a deactivated agent's open tickets were stranded. Administrators are told how
// many open tickets the user holds before deactivating (userOpenTickets); staff's «Agente» choices
// keep an inactive agent who still holds open tickets (agentFilterChoices, active false) and the
// ticket says its assignee or registrant is inactive, to staff only (a client learns nothing new).
//
// QA S62 #1, L3-11: a client user deactivated while registrant of an open ticket got every email
// of it no more, and nobody at the client was told. While the registrant is inactive the client's
// active approvers get the ticket's client-facing emails instead: the email that really reached
// the SMTP catcher, once per address (the approver is a participant too), none to the registrant.
//
// QA S63 #6, L3-11: such an email says why it reaches the approver, greeting them by name; and
// while a ticket's assignee is inactive, the agents told of the client's activity read that it
// needs reassigning, and the managers are told once per ticket (not on every comment).

const PASSWORD = 'registrante-largo-1';
const COMMENT = `mutation ($number: String!, $body: String!) { addComment(number: $number, body: $body) { seq } }`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) { setUserActive(userId: $userId, active: $active) { id active } }`;
const APPROVER = 'aprobador@aurora.example';
const STAND_IN =
  'Le llega porque Sara Saliente, quien registró el ticket, tiene la cuenta inactiva.';

describe('deactivated users and their open tickets (QA S62 #1, #2; L3-07, L3-11)', () => {
  const world = useWorldWithWorker('deactivated-users');
  const unique = `${process.pid}-${Date.now()}`;

  it("the client's approvers get the ticket's emails once each while the registrant is inactive", async () => {
    // A client user of Aurora who registers a ticket, then leaves.
    const email = `saliente-${unique}@aurora.example`;
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email,
          displayName: 'Sara Saliente',
          roles: [Role.CLIENT_USER],
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const leaverId = created.body.data!.createUser.id;
    const login = await gql<{ login: { token: string } }>(
      world.api,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email, password: PASSWORD },
    );
    expect(login.body.errors).toBeUndefined();
    const registered = await gql<{ registerTicket: { number: string } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Reporte de ventas',
          description: 'Un reporte de ventas por zona.',
        },
      },
      { authorization: `Bearer ${login.body.data!.login.token}` },
    );
    expect(registered.body.errors).toBeUndefined();
    const number = registered.body.data!.registerTicket.number;
    const rows = (seen: readonly string[]) => () =>
      world.db.query<{ event_key: string; status: string; message_id: string }[]>(
        `SELECT event_key, status, message_id FROM email_outbox
          WHERE event_type = 'COMMENT_ADDED' AND ticket_number = $1
            AND NOT (event_key = ANY($2::text[]))
          ORDER BY recipient_address`,
        [number, seen],
      );
    const comment = async (text: string) => {
      const { body } = await gql(
        world.api,
        COMMENT,
        { number, body: text },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
    };

    // Active: the registrant only (the approver is neither a participant nor an estimate's reader).
    await comment('Revisamos el reporte.');
    const before = await sentExactly(rows([]), 1);
    expect(before.map((m) => m.to)).toEqual([[email]]);
    const seen = [...new Set((await rows([])()).map((r) => r.event_key))];

    const off = await gql<{ setUserActive: { active: boolean } }>(
      world.api,
      SET_ACTIVE,
      { userId: leaverId, active: false },
      world.bearer(Role.ADMIN),
    );
    expect(off.body.errors).toBeUndefined();
    expect(off.body.data!.setUserActive.active).toBe(false);

    // Inactive: the approver, once; nothing to the registrant (every copy of the comment counted).
    await comment('El reporte ya está listo.');
    const after = await sentExactly(rows(seen), 1);
    expect(after.map((m) => m.to)).toEqual([[APPROVER]]);
    expect(after[0].text).toContain(`comentó en el ticket ${number}.`);
    expect(after[0].text).toContain('El reporte ya está listo.');
    // QA S63 #6: greeted by their own name, and told why it reaches them.
    expect(after[0].text.startsWith('Hola, Arturo Aprobador:\n')).toBe(true);
    expect(after[0].text).toContain(STAND_IN);
    expect(after[0].html).toContain(STAND_IN);

    // The approver also follows the ticket now: a stand-in who is a participant gets one copy.
    const [{ id: approverId }] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE email = $1',
      [APPROVER],
    );
    const added = await gql(
      world.api,
      `mutation ($input: TicketParticipantInput!) { addTicketParticipant(input: $input) { id } }`,
      { input: { number, userId: approverId } },
      world.bearer(Role.AGENT),
    );
    expect(added.body.errors).toBeUndefined();

    seen.push(...new Set((await rows(seen)()).map((r) => r.event_key)));
    await comment('Enviamos el reporte por correo.');
    const followed = await sentExactly(rows(seen), 1);
    expect(followed.map((m) => m.to)).toEqual([[APPROVER]]);
    expect(followed[0].text).toContain('Enviamos el reporte por correo.');
    // A follower of the ticket gets it as one: nothing about standing in.
    expect(followed[0].text).not.toContain('cuenta inactiva');
  });

  it("tells administrators a user's open tickets; inactive agents stay in «Agente» and are marked, for staff only", async () => {
    const agentEmail = `agente-saliente-${unique}@becken.example`;
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds.becken,
          email: agentEmail,
          displayName: 'Ángel Saliente',
          roles: [Role.AGENT],
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const agentId = created.body.data!.createUser.id;
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra',
      description: 'Error 301 al timbrar.',
    });
    const classified = await gql(
      world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM', agentId } },
      world.bearer(Role.AGENT),
    );
    expect(classified.body.errors).toBeUndefined();
    await eventually(
      () =>
        world.db.query<{ assignee_id: string }[]>(
          'SELECT assignee_id FROM ticket WHERE number = $1',
          [number],
        ),
      ([t]) => t?.assignee_id === agentId,
    );

    const openTickets = (role: Role, userId: string) =>
      gql<{ userOpenTickets: { registered: number; assigned: number; activeApprovers: number } }>(
        world.api,
        `query ($userId: ID!) { userOpenTickets(userId: $userId) { registered assigned activeApprovers } }`,
        { userId },
        world.bearer(role),
      );
    const forAgent = await openTickets(Role.ADMIN, agentId);
    expect(forAgent.body.errors).toBeUndefined();
    expect(forAgent.body.data!.userOpenTickets).toEqual({
      registered: 0,
      assigned: 1,
      activeApprovers: 0,
    });
    // The demo client user registered this ticket (and others); Aurora has one active approver.
    const [{ id: registrantId }] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE email = $1',
      ['usuario@aurora.example'],
    );
    const [{ n: registeredOpen }] = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ticket WHERE registrant_id = $1
          AND state NOT IN ('CLOSED', 'OUT_OF_SCOPE', 'NOT_FEASIBLE', 'CANCELLED')`,
      [registrantId],
    );
    expect(registeredOpen).toBeGreaterThan(0);
    expect((await openTickets(Role.ADMIN, registrantId)).body.data!.userOpenTickets).toEqual({
      registered: registeredOpen,
      assigned: 0,
      activeApprovers: 1,
    });
    // Administrators, and managers for «Reasignar sus tickets» (reassignOpenTickets).
    expect((await openTickets(Role.MANAGER, agentId)).body.data!.userOpenTickets).toEqual({
      registered: 0,
      assigned: 1,
      activeApprovers: 0,
    });
    for (const role of [Role.AGENT, Role.CLIENT_APPROVER]) {
      const refused = await openTickets(role, agentId);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.body.data).toBeNull();
    }

    const off = await gql(
      world.api,
      SET_ACTIVE,
      { userId: agentId, active: false },
      world.bearer(Role.ADMIN),
    );
    expect(off.body.errors).toBeUndefined();

    const choices = await gql<{
      agentFilterChoices: { id: string; displayName: string; active: boolean }[];
      assignableAgents: { id: string }[];
    }>(
      world.api,
      `{ agentFilterChoices { id displayName active } assignableAgents { id } }`,
      {},
      world.bearer(Role.MANAGER),
    );
    expect(choices.body.errors).toBeUndefined();
    expect(choices.body.data!.agentFilterChoices).toContainEqual({
      id: agentId,
      displayName: 'Ángel Saliente',
      active: false,
    });
    expect(choices.body.data!.assignableAgents.map((a) => a.id)).not.toContain(agentId);
    // Filtered by that agent, the list holds the ticket to hand over.
    const listed = await gql<{ tickets: { items: { number: string }[] } }>(
      world.api,
      `query ($filter: TicketFilter) { tickets(filter: $filter) { items { number } } }`,
      { filter: { assigneeId: agentId, openOnly: true } },
      world.bearer(Role.MANAGER),
    );
    expect(listed.body.data!.tickets.items.map((t) => t.number)).toEqual([number]);

    const MARKS = `query ($number: String!) { ticket(number: $number) { assigneeName assigneeActive registrantActive } }`;
    const staffView = await gql<{ ticket: Record<string, unknown> }>(
      world.api,
      MARKS,
      { number },
      world.bearer(Role.MANAGER),
    );
    expect(staffView.body.data!.ticket).toEqual({
      assigneeName: 'Ángel Saliente',
      assigneeActive: false,
      registrantActive: true,
    });
    // A client reads the assignee's name as before, never whether staff were deactivated.
    const clientView = await gql<{ ticket: Record<string, unknown> }>(
      world.api,
      MARKS,
      { number },
      world.bearer(Role.CLIENT_USER),
    );
    expect(clientView.body.data!.ticket).toEqual({
      assigneeName: 'Ángel Saliente',
      assigneeActive: null,
      registrantActive: null,
    });
    // QA S63 #6: the client comments twice while Ángel is inactive. The agents (Alex: Ángel is the
    // only other one) read each time that the ticket needs reassigning; the manager is told once.
    const activity = () =>
      world.db.query<
        { event_key: string; recipient_address: string; status: string; message_id: string }[]
      >(
        `SELECT event_key, recipient_address, status, message_id FROM email_outbox
          WHERE event_type = 'PROVIDER_CLIENT_ACTIVITY' AND ticket_number = $1
          ORDER BY created_at, recipient_address`,
        [number],
      );
    const clientComment = async (text: string) => {
      const { body } = await gql(
        world.api,
        COMMENT,
        { number, body: text },
        world.bearer(Role.CLIENT_USER),
      );
      expect(body.errors).toBeUndefined();
    };
    await clientComment('¿Ya quedó el timbrado?');
    const first = await sentExactly(activity, 2);
    expect(first.map((m) => m.to)).toEqual([['agente@becken.example'], ['gerente@becken.example']]);
    const [toAgent, toManager] = first;
    expect(toAgent.subject).toBe(`[${number}] Client comment: No timbra`);
    expect(toAgent.text).toContain('¿Ya quedó el timbrado?');
    expect(toAgent.text).toContain('Assigned to Ángel Saliente (inactive account): reassign it.');
    expect(toAgent.text).not.toContain('Managers get this notice');
    expect(toManager.text.startsWith('Hola, Gerardo Gerente:\n')).toBe(true);
    expect(toManager.text).toContain('¿Ya quedó el timbrado?');
    expect(toManager.text).toContain('Asignado a Ángel Saliente (cuenta inactiva): reasígnelo.');
    expect(toManager.text).toContain('Los gerentes reciben este aviso una vez por ticket');

    await clientComment('Sigue sin timbrar.');
    const both = await sentExactly(activity, 3);
    // The second comment reached the agent only: the manager's notice went once.
    expect(both.map((m) => m.to)).toEqual([
      ['agente@becken.example'],
      ['gerente@becken.example'],
      ['agente@becken.example'],
    ]);
    expect(both[2].text).toContain('Sigue sin timbrar.');
    expect(both[2].text).toContain('Assigned to Ángel Saliente (inactive account): reassign it.');

    // Clients have no «Agente» filter.
    const clientChoices = await gql(
      world.api,
      `{ agentFilterChoices { id } }`,
      {},
      world.bearer(Role.CLIENT_USER, TULUM_ORG),
    );
    expect(clientChoices.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('QA S63 #2: counts the remote sessions still ahead on the tickets an agent holds, those the client confirmed apart, and the other active agents (L3-06, L3-07)', async () => {
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds.becken,
          email: `agente-sesion-${unique}@becken.example`,
          displayName: 'Sesión Saliente',
          roles: [Role.AGENT],
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const agentId = created.body.data!.createUser.id;
    // Three hours before the closing of the second business day ahead: inside business time.
    const year = new Date().getUTCFullYear();
    const at = new Date(
      addBusinessDays(defaultMexicoCityCalendar(year, year + 1), new Date(), 2).getTime() -
        3 * 3_600_000,
    ).toISOString();
    const act = async (role: Role, mutation: string, type: string, input: object) => {
      const { body } = await gql(
        world.api,
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
        { input },
        world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
    };
    /** A ticket with a session proposed (and, if `confirm`, accepted), classified to the agent. */
    const withSession = async (subject: string, confirm: boolean) => {
      const number = await registerProjectedTicket(world, {
        category: 'INCIDENT',
        subject,
        description: 'Error 301 al timbrar.',
      });
      await act(Role.AGENT, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
        number,
        at,
        durationMinutes: 60,
      });
      if (confirm) {
        await act(Role.CLIENT_USER, 'acceptRemoteSession', 'AcceptRemoteSessionInput', {
          number,
          proposal: 1,
        });
      }
      await act(Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', {
        number,
        classification: 'PROBLEM',
        agentId,
      });
      return number;
    };
    const proposedOnly = await withSession('Revisemos el timbrado juntos', false);
    const confirmed = await withSession('Revisemos la nómina juntos', true);
    await eventually(
      () =>
        world.db.query<{ number: string; accepted: boolean }[]>(
          `SELECT number, (details -> 'remoteSession' ->> 'accepted') IS NOT NULL AS accepted
             FROM ticket WHERE assignee_id = $1 ORDER BY number`,
          [agentId],
        ),
      (rows) =>
        rows.length === 2 &&
        rows.every((r) => r.accepted === (r.number === confirmed)) &&
        rows.some((r) => r.number === proposedOnly),
    );
    const [{ agents }] = await world.db.query<{ agents: number }[]>(
      `SELECT count(*)::int AS agents FROM app_user
        WHERE organization_kind = 'PROVIDER' AND active AND 'AGENT' = ANY(roles)`,
    );
    const { body } = await gql<{
      userOpenTickets: {
        assigned: number;
        sessionsAhead: number;
        confirmedSessionsAhead: number;
        otherActiveAgents: number;
      };
    }>(
      world.api,
      `query ($userId: ID!) {
        userOpenTickets(userId: $userId) {
          assigned sessionsAhead confirmedSessionsAhead otherActiveAgents
        }
      }`,
      { userId: agentId },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    // Both sessions are ahead; only the accepted one is confirmed.
    expect(body.data!.userOpenTickets).toEqual({
      assigned: 2,
      sessionsAhead: 2,
      confirmedSessionsAhead: 1,
      otherActiveAgents: agents - 1,
    });
  });

  it('QA S63 #2 (review h64b): the sessions ahead are counted by the rule the workflow and the notifications share, its boundary cases included (L3-06)', async () => {
    // The SQL at a fixed instant, case by case: the answers the unit tier holds the TypeScript to
    // (test/unit/tickets/remote-session-ahead.spec.ts), the last millisecond and the end included.
    const fixedMs = Date.parse('2026-12-08T17:00:00.000Z');
    const rows = await world.db.query<{ ahead: boolean; confirmedAhead: boolean }[]>(
      `SELECT ${remoteSessionAheadSql('c.details', '$2::timestamptz')} AS ahead,
              ${confirmedRemoteSessionAheadSql('c.details', '$2::timestamptz')} AS "confirmedAhead"
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS c(details, ord)
        ORDER BY c.ord`,
      [
        JSON.stringify(
          REMOTE_SESSION_AHEAD_CASES.map((c) => {
            const session = c.session(fixedMs);
            return session ? { remoteSession: session } : {};
          }),
        ),
        new Date(fixedMs).toISOString(),
      ],
    );
    expect(
      REMOTE_SESSION_AHEAD_CASES.map((c, i) => [c.name, rows[i]?.ahead, rows[i]?.confirmedAhead]),
    ).toEqual(REMOTE_SESSION_AHEAD_CASES.map((c) => [c.name, c.ahead, c.confirmedAhead]));

    // And `userOpenTickets` itself, at the database's now: an agent holding one open ticket per
    // case (those decided by the last millisecond need a fixed instant: above), and a closed one
    // whose session is ahead (a closed ticket holds none).
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds.becken,
          email: `agente-casos-${unique}@becken.example`,
          displayName: 'Casos Sesión',
          roles: [Role.AGENT],
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const agentId = created.body.data!.createUser.id;
    const cases = REMOTE_SESSION_AHEAD_CASES.filter((c) => !c.exactBoundary);
    const nowMs = Date.now();
    const tickets = [
      ...cases.map((c) => ({ session: c.session(nowMs), state: 'IN_ANALYSIS' })),
      { session: cases.find((c) => c.confirmedAhead)!.session(nowMs), state: 'CLOSED' },
    ];
    const numbers = tickets.map((_, i) => `L3-2024-${String(96_400 + i).padStart(6, '0')}`);
    try {
      for (const [i, t] of tickets.entries()) {
        await insertReadModelTicket(world.db, numbers[i], DEFAULT_CALENDAR_ID, 'Sesión', t.state);
        await world.db.query(
          `UPDATE ticket SET assignee_id = $2,
                  details = CASE WHEN $3::jsonb = 'null'::jsonb THEN details
                                 ELSE jsonb_build_object('remoteSession', $3::jsonb) END
            WHERE number = $1`,
          [numbers[i], agentId, JSON.stringify(t.session)],
        );
      }
      const { body } = await gql<{
        userOpenTickets: {
          assigned: number;
          sessionsAhead: number;
          confirmedSessionsAhead: number;
        };
      }>(
        world.api,
        `query ($userId: ID!) {
          userOpenTickets(userId: $userId) { assigned sessionsAhead confirmedSessionsAhead }
        }`,
        { userId: agentId },
        world.bearer(Role.ADMIN),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.userOpenTickets).toEqual({
        assigned: cases.length,
        sessionsAhead: cases.filter((c) => c.ahead).length,
        confirmedSessionsAhead: cases.filter((c) => c.confirmedAhead).length,
      });
      // Non-trivial: some cases count, some do not; some ahead are confirmed, some only proposed.
      expect(cases.filter((c) => c.ahead).length).toBeGreaterThan(1);
      expect(cases.filter((c) => !c.ahead).length).toBeGreaterThan(1);
      expect(cases.filter((c) => c.confirmedAhead).length).toBeGreaterThan(1);
      expect(cases.filter((c) => c.ahead && !c.confirmedAhead).length).toBeGreaterThan(0);
    } finally {
      await world.db.query(`DELETE FROM ticket WHERE number = ANY($1::text[])`, [numbers]);
    }
  });
});
