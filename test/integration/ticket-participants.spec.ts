import { Role } from '../../src/identity/role.enum';
import { type OutboxRow, sentExactly } from '../support/caught-mail';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';
import { eventually } from '../support/eventually';

// L3-11 (S19): a ticket's participants, client users of its organization who get every email its
// registrant gets. Through the real API: who may add and remove (provider staff, the registrant,
// a client user for themselves), what is refused with a typed code and changes nothing, and the
// emails really caught by the SMTP catcher: once per event per address, none once removed or
// deactivated, one copy for a registrant who is also a participant.

const PASSWORD = 'participante-largo-1';
/** The subject registerProjectedTicket gives its tickets. */
const SUBJECT = 'Reporte de ventas';
const PARTICIPANTS = `query ($number: String!) { ticket(number: $number) { participants { id name email active } } }`;
const ADD = `mutation ($input: TicketParticipantInput!) { addTicketParticipant(input: $input) { id email } }`;
const REMOVE = `mutation ($input: TicketParticipantInput!) { removeTicketParticipant(input: $input) { id email } }`;
const COMMENT = `mutation ($number: String!, $body: String!) { addComment(number: $number, body: $body) { seq } }`;

type Headers = Record<string, string>;
interface Person {
  readonly id: string;
  readonly email: string;
  readonly headers: Headers;
}

describe('ticket participants (L3-11)', () => {
  const world = useWorldWithWorker('ticket-participants');
  const unique = `${process.pid}-${Date.now()}`;
  let registrant: Person;
  let approver: Person;
  let colleague: Person;
  let leaver: Person;
  let tulumUser: Person;

  async function idOf(email: string): Promise<string> {
    const [{ id }] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE email = $1',
      [email],
    );
    return id;
  }

  async function nameOf(id: string): Promise<string> {
    const [{ display_name }] = await world.db.query<{ display_name: string }[]>(
      'SELECT display_name FROM app_user WHERE id = $1',
      [id],
    );
    return display_name;
  }

  /** A client user of Aurora an admin issues through the API, logged in. */
  async function colleagueNamed(name: string): Promise<Person> {
    const email = `${name.toLowerCase()}-${unique}@aurora.example`;
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email,
          displayName: `${name} Colega`,
          roles: [Role.CLIENT_USER],
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const login = await gql<{ login: { token: string } }>(
      world.api,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email, password: PASSWORD },
    );
    expect(login.body.errors).toBeUndefined();
    return {
      id: created.body.data!.createUser.id,
      email,
      headers: { authorization: `Bearer ${login.body.data!.login.token}` },
    };
  }

  beforeAll(async () => {
    const demo = async (role: Role, email: string, org?: string): Promise<Person> => ({
      id: await idOf(email),
      email,
      headers: world.bearer(role, org),
    });
    registrant = await demo(Role.CLIENT_USER, 'usuario@aurora.example');
    approver = await demo(Role.CLIENT_APPROVER, 'aprobador@aurora.example');
    tulumUser = await demo(Role.CLIENT_USER, 'usuario@tulum.example', TULUM_ORG);
    colleague = await colleagueNamed('Carla');
    leaver = await colleagueNamed('Lalo');
  });

  const change = async (mutation: string, headers: Headers, number: string, userId: string) => {
    const { body } = await gql<Record<string, { id: string; email: string }[]>>(
      world.api,
      mutation,
      { input: { number, userId } },
      headers,
    );
    return {
      code: body.errors?.[0]?.extensions?.code,
      emails: Object.values(body.data ?? {})[0]?.map((p) => p.email) ?? null,
    };
  };
  const add = (headers: Headers, number: string, userId: string) =>
    change(ADD, headers, number, userId);
  const remove = (headers: Headers, number: string, userId: string) =>
    change(REMOVE, headers, number, userId);
  const stored = async (number: string) =>
    (
      await world.db.query<{ email: string }[]>(
        `SELECT u.email FROM ticket_participant p JOIN app_user u ON u.id = p.user_id
          WHERE p.ticket_number = $1 ORDER BY u.email`,
        [number],
      )
    ).map((r) => r.email);

  it('staff, the registrant and a client for themselves add and remove; idempotent', async () => {
    const number = await registerProjectedTicket(world, {});

    // The registrant adds a colleague; twice changes nothing.
    expect(await add(registrant.headers, number, colleague.id)).toEqual({
      code: undefined,
      emails: [colleague.email],
    });
    expect(await add(registrant.headers, number, colleague.id)).toEqual({
      code: undefined,
      emails: [colleague.email],
    });
    expect(await stored(number)).toEqual([colleague.email]);

    // Another client user of the organization follows and unfollows for themselves only.
    expect((await add(approver.headers, number, leaver.id)).code).toBe('FORBIDDEN');
    expect((await remove(approver.headers, number, colleague.id)).code).toBe('FORBIDDEN');
    expect(await add(approver.headers, number, approver.id)).toEqual({
      code: undefined,
      emails: [approver.email, colleague.email].sort(),
    });
    expect((await remove(approver.headers, number, approver.id)).emails).toEqual([colleague.email]);
    expect(await add(colleague.headers, number, colleague.id)).toEqual({
      code: undefined,
      emails: [colleague.email],
    });

    // Every provider role adds and removes anyone of the organization.
    for (const role of [Role.AGENT, Role.MANAGER, Role.ADMIN]) {
      expect((await add(world.bearer(role), number, leaver.id)).emails).toEqual(
        [colleague.email, leaver.email].sort(),
      );
      expect((await remove(world.bearer(role), number, leaver.id)).emails).toEqual([
        colleague.email,
      ]);
    }
    // Removing one who is not there changes nothing.
    expect((await remove(world.bearer(Role.AGENT), number, leaver.id)).emails).toEqual([
      colleague.email,
    ]);

    // Staff and the organization read them; another organization does not read the ticket at all.
    for (const headers of [world.bearer(Role.AGENT), registrant.headers, approver.headers]) {
      const { body } = await gql<{ ticket: { participants: object[] } }>(
        world.api,
        PARTICIPANTS,
        { number },
        headers,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.ticket.participants).toEqual([
        { id: colleague.id, name: 'Carla Colega', email: colleague.email, active: true },
      ]);
    }
    const { body } = await gql(world.api, PARTICIPANTS, { number }, tulumUser.headers);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The picker offers the organization's active client users only.
    const candidates = await gql<{ ticket: { participantCandidates: { email: string }[] } }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { participantCandidates { email } } }`,
      { number },
      registrant.headers,
    );
    const emails = candidates.body.data!.ticket.participantCandidates.map((c) => c.email);
    expect(emails).toEqual(
      expect.arrayContaining([registrant.email, approver.email, colleague.email, leaver.email]),
    );
    expect(emails.filter((e) => !e.endsWith('@aurora.example'))).toEqual([]);
  });

  it('refuses strangers and other organizations with a typed code, changing nothing', async () => {
    const number = await registerProjectedTicket(world, {});
    const unknown = '00000000-0000-4000-8000-000000000099';
    // Another organization's ticket: NOT_FOUND, whoever is named.
    expect((await add(tulumUser.headers, number, tulumUser.id)).code).toBe('NOT_FOUND');
    expect((await remove(tulumUser.headers, number, colleague.id)).code).toBe('NOT_FOUND');
    // Another organization's user and an unknown id read alike (no existence leak).
    const stranger = await add(world.bearer(Role.AGENT), number, tulumUser.id);
    const nobody = await add(world.bearer(Role.AGENT), number, unknown);
    expect([stranger.code, nobody.code]).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED']);
    expect((await remove(world.bearer(Role.AGENT), number, unknown)).code).toBe(
      'VALIDATION_FAILED',
    );
    // Provider staff are no participants.
    const agentId = await idOf('agente@becken.example');
    expect((await add(world.bearer(Role.MANAGER), number, agentId)).code).toBe('VALIDATION_FAILED');
    expect(await stored(number)).toEqual([]);
  });

  it('an ended ticket keeps its participants: no add, removal or follow (TICKET_CLOSED)', async () => {
    const number = await registerProjectedTicket(world, {});
    expect((await add(registrant.headers, number, colleague.id)).code).toBeUndefined();
    const { body } = await gql(
      world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { seq } }`,
      { input: { number, note: 'Ya no aplica' } },
      registrant.headers,
    );
    expect(body.errors).toBeUndefined();
    await eventually(
      () =>
        world.db.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [number]),
      ([t]) => t.state === 'CANCELLED',
    );
    const changes = () =>
      world.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ticket_participant_change WHERE ticket_number = $1`,
        [number],
      );
    const before = await changes();

    const refusals = [
      await add(registrant.headers, number, leaver.id),
      await add(world.bearer(Role.AGENT), number, leaver.id),
      await remove(world.bearer(Role.MANAGER), number, colleague.id),
      await remove(colleague.headers, number, colleague.id),
      await add(approver.headers, number, approver.id),
    ];
    expect(refusals).toEqual(refusals.map(() => ({ code: 'INVALID_TRANSITION', emails: null })));
    const { body: refused } = await gql(
      world.api,
      ADD,
      { input: { number, userId: leaver.id } },
      registrant.headers,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'TICKET_CLOSED',
      state: 'CANCELLED',
    });
    // Nothing changed: the same participant, no change recorded, nobody told.
    expect(await stored(number)).toEqual([colleague.email]);
    expect(await changes()).toEqual(before);
    const told = await world.db.query<{ recipient_address: string }[]>(
      `SELECT recipient_address FROM email_outbox
        WHERE event_type = 'PARTICIPANT_ADDED' AND ticket_number = $1`,
      [number],
    );
    expect(told.map((r) => r.recipient_address)).toEqual([colleague.email]);
  });

  it("participants get the registrant's emails once each; removed or deactivated, none", async () => {
    const number = await registerProjectedTicket(world, {});
    const comment = async (text: string) => {
      const { body } = await gql(
        world.api,
        COMMENT,
        { number, body: text },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
    };
    const rows = (key?: string) => () =>
      world.db.query<
        { event_key: string; recipient_address: string; status: string; message_id: string }[]
      >(
        `SELECT event_key, recipient_address, status, message_id FROM email_outbox
          WHERE event_type = 'COMMENT_ADDED' AND ticket_number = $1
            AND ($2::text IS NULL OR event_key <> $2)
          ORDER BY recipient_address`,
        [number, key ?? null],
      );

    // The registrant adds themselves too: still one copy for them.
    for (const p of [colleague, leaver, registrant]) {
      expect((await add(registrant.headers, number, p.id)).code).toBeUndefined();
    }
    await comment('Revisamos el servidor de correo.');
    const first = await sentExactly(rows(), 3);
    expect(first.map((m) => m.to).sort()).toEqual(
      [[colleague.email], [leaver.email], [registrant.email]].sort(),
    );
    expect(new Set(first.map((m) => m.subject)).size).toBe(1);
    // Only the registrant reads the ticket as theirs (L3-11): a participant reads «el ticket».
    const textTo = (email: string) => first.find((m) => m.to.includes(email))!.text;
    expect(textTo(registrant.email)).toContain(`comentó en su ticket ${number}.`);
    expect(textTo(colleague.email)).toContain(`comentó en el ticket ${number}.`);
    const [firstKey] = (await rows()()).map((r) => r.event_key);

    // Removed, and deactivated: the next comment reaches only the registrant.
    expect((await remove(colleague.headers, number, colleague.id)).code).toBeUndefined();
    const { body } = await gql(
      world.api,
      `mutation ($userId: ID!, $active: Boolean!) { setUserActive(userId: $userId, active: $active) { id } }`,
      { userId: leaver.id, active: false },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    await comment('El servidor ya responde.');
    const second = await sentExactly(rows(firstKey), 1);
    expect(second.map((m) => m.to)).toEqual([[registrant.email]]);
    // A deactivated user cannot be added again; the reason lets the web app word it (QA S53: a
    // picker's stale list showed the server's English sentence).
    const { body: again } = await gql(
      world.api,
      ADD,
      { input: { number, userId: leaver.id } },
      world.bearer(Role.AGENT),
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'PARTICIPANT_NOT_ACTIVE',
    });
  });

  it('the person someone else adds is told once per add, in their language; removals are kept', async () => {
    const number = await registerProjectedTicket(world, {});
    const ema = await colleagueNamed('Ema');
    await world.db.query(
      `UPDATE app_user SET locale = 'en', time_zone = 'America/New_York' WHERE id = $1`,
      [ema.id],
    );
    const agentId = await idOf('agente@becken.example');

    // The registrant adds Carla (twice: one add), and Ema; the approver follows by themselves.
    expect((await add(registrant.headers, number, colleague.id)).code).toBeUndefined();
    expect((await add(registrant.headers, number, colleague.id)).code).toBeUndefined();
    expect((await add(registrant.headers, number, ema.id)).code).toBeUndefined();
    expect((await add(approver.headers, number, approver.id)).code).toBeUndefined();
    // The agent removes Carla and adds her again: a new add, a new email.
    expect((await remove(world.bearer(Role.AGENT), number, colleague.id)).code).toBeUndefined();
    expect((await remove(world.bearer(Role.AGENT), number, colleague.id)).code).toBeUndefined();
    expect((await add(world.bearer(Role.AGENT), number, colleague.id)).code).toBeUndefined();

    const rows = () =>
      world.db.query<OutboxRow[]>(
        `SELECT event_key, recipient_address, status, message_id FROM email_outbox
          WHERE event_type = 'PARTICIPANT_ADDED' AND ticket_number = $1 ORDER BY created_at, id`,
        [number],
      );
    const mails = await sentExactly(rows, 3);
    expect(mails.map((m) => m.to)).toEqual([[colleague.email], [ema.email], [colleague.email]]);
    const [toCarla, toEma, toCarlaAgain] = mails;
    expect(toCarla.subject).toBe(`[${number}] Se le agregó como participante: ${SUBJECT}`);
    expect(toCarla.text).toContain(
      `Úrsula Usuaria le agregó como participante del ticket ${number}.`,
    );
    expect(toCarla.text).toContain('«Dejar de seguir»');
    expect(toCarla.text).toContain(`/tickets/${number}`);
    expect(toEma.subject).toBe(`[${number}] You were added as a participant: ${SUBJECT}`);
    expect(toEma.text).toContain(`added you as a participant of ticket ${number}.`);
    expect(toEma.text).toContain('“Unfollow”');
    expect(toCarlaAgain.text).toContain(
      `Alex Agent le agregó como participante del ticket ${number}.`,
    );

    // The list is the current participants; the history keeps who added and removed whom.
    const { body } = await gql<{ ticket: { participants: { email: string }[] } }>(
      world.api,
      PARTICIPANTS,
      { number },
      world.bearer(Role.AGENT),
    );
    expect(body.data!.ticket.participants.map((p) => p.email).sort()).toEqual(
      [approver.email, colleague.email, ema.email].sort(),
    );
    const history = await world.db.query<{ user_id: string; change: string; changed_by: string }[]>(
      `SELECT user_id, change, changed_by FROM ticket_participant_change
        WHERE ticket_number = $1 ORDER BY id`,
      [number],
    );
    expect(history).toEqual([
      { user_id: colleague.id, change: 'ADDED', changed_by: registrant.id },
      { user_id: ema.id, change: 'ADDED', changed_by: registrant.id },
      { user_id: approver.id, change: 'ADDED', changed_by: approver.id },
      { user_id: colleague.id, change: 'REMOVED', changed_by: agentId },
      { user_id: colleague.id, change: 'ADDED', changed_by: agentId },
    ]);

    // Provider staff read it through the API, with names; a client user reads null.
    const HISTORY = `query ($number: String!) { ticket(number: $number) {
      participantHistory { change participant { email } byName at } } }`;
    const staff = await gql<{
      ticket: {
        participantHistory: {
          change: string;
          participant: { email: string };
          byName: string;
          at: string;
        }[];
      };
    }>(world.api, HISTORY, { number }, world.bearer(Role.MANAGER));
    expect(staff.body.errors).toBeUndefined();
    const read = staff.body.data!.ticket.participantHistory;
    expect(read.map((h) => [h.change, h.participant.email, h.byName])).toEqual([
      ['ADDED', colleague.email, 'Úrsula Usuaria'],
      ['ADDED', ema.email, 'Úrsula Usuaria'],
      ['ADDED', approver.email, await nameOf(approver.id)],
      ['REMOVED', colleague.email, 'Alex Agent'],
      ['ADDED', colleague.email, 'Alex Agent'],
    ]);
    expect(read.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
    const client = await gql<{ ticket: { participantHistory: null } }>(
      world.api,
      HISTORY,
      { number },
      registrant.headers,
    );
    expect(client.body.errors).toBeUndefined();
    expect(client.body.data!.ticket.participantHistory).toBeNull();
  });
});
