import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-09/L3-11: a ticket's history is an audit trail, so each entry names the role its person
// acted in then, not the role they hold when someone reads it. An agent who later becomes a
// manager, and a client user who later becomes an approver, keep their old entries as they were;
// what they do after the change carries the new role. The role travels with the workflow's event
// (the Update's actor) into ticket_event.actor_role; nothing looks it up at read time. A client
// still never sees an internal note (issue 5).

const TIMELINE = `timeline { type actorRole actorName data }`;
const COMMENT = `mutation ($number: String!, $body: String!, $internal: Boolean) {
  addComment(number: $number, body: $body, internal: $internal) { seq } }`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const PASSWORD = 'clave-inicial-123';

interface Event {
  type: string;
  actorRole: string | null;
  actorName: string | null;
  data: string;
}

interface Person {
  readonly id: string;
  readonly email: string;
  token: string;
}

describe('The history keeps the role a person acted in (L3-09, L3-11)', () => {
  const world = useWorldWithWorker('acting-role');
  const unique = `${process.pid}-${Date.now()}`;
  let ana: Person;
  let pedro: Person;

  const bearer = (p: Person) => ({ authorization: `Bearer ${p.token}` });

  async function login(email: string): Promise<string> {
    const { body } = await gql<{ login: { token: string } }>(world.api, LOGIN, {
      email,
      password: PASSWORD,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.login.token;
  }

  /** A user an admin issues through the API, logged in. */
  async function person(org: string, displayName: string, roles: Role[]): Promise<Person> {
    const email = `${displayName.split(' ')[0].toLowerCase()}-${unique}@${org}.example`;
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds[org],
          email,
          displayName,
          roles,
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    return { id: body.data!.createUser.id, email, token: await login(email) };
  }

  /** An admin replaces the user's roles; the removed role ends their session, so they log in again. */
  async function changeRoles(p: Person, roles: Role[]): Promise<void> {
    const { body } = await gql<{ updateUser: { roles: string[] } }>(
      world.api,
      `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { roles } }`,
      { input: { userId: p.id, roles } },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateUser.roles).toEqual(roles);
    p.token = await login(p.email);
  }

  async function comment(p: Person, number: string, text: string, internal = false) {
    const { body } = await gql(world.api, COMMENT, { number, body: text, internal }, bearer(p));
    expect(body.errors).toBeUndefined();
  }

  /** Who wrote each comment `viewer` sees, in which role, in timeline order. */
  async function comments(viewer: Record<string, string>, number: string) {
    const { body } = await gql<{ ticket: { timeline: Event[] } }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${TIMELINE} } }`,
      { number },
      viewer,
    );
    expect(body.errors).toBeUndefined();
    return body
      .data!.ticket.timeline.filter((e) => e.type === 'comment')
      .map((e) => ({
        name: e.actorName,
        role: e.actorRole,
        body: (JSON.parse(e.data) as { body: string }).body,
      }));
  }

  beforeAll(async () => {
    ana = await person('becken', 'Ana López', [Role.AGENT]);
    pedro = await person('comercializadora-aurora', 'Pedro Ramírez', [Role.CLIENT_USER]);
  });

  it('keeps old entries in the role they were made in; new ones carry the new role', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra la factura',
      description: 'Error al timbrar.',
    });
    await comment(pedro, number, 'Adjunto el error.');
    await comment(ana, number, 'Lo revisamos hoy.');
    await comment(ana, number, 'Cliente sensible.', true);

    const before = [
      { name: 'Pedro Ramírez', role: 'CLIENT_USER', body: 'Adjunto el error.' },
      { name: 'Ana López', role: 'AGENT', body: 'Lo revisamos hoy.' },
      { name: 'Ana López', role: 'AGENT', body: 'Cliente sensible.' },
    ];
    expect(await comments(world.bearer(Role.MANAGER), number)).toEqual(before);

    // The agent becomes a manager; the client user becomes an approver (L3-09 authority).
    await changeRoles(ana, [Role.MANAGER]);
    await changeRoles(pedro, [Role.CLIENT_APPROVER]);
    expect(await comments(world.bearer(Role.MANAGER), number)).toEqual(before);

    await comment(ana, number, 'Ya quedó corregido.');
    await comment(pedro, number, 'Confirmo que funciona.');
    const after = [
      ...before,
      { name: 'Ana López', role: 'MANAGER', body: 'Ya quedó corregido.' },
      { name: 'Pedro Ramírez', role: 'CLIENT_APPROVER', body: 'Confirmo que funciona.' },
    ];
    expect(await comments(world.bearer(Role.MANAGER), number)).toEqual(after);
    // The same people, now in their new roles, read their own old entries as they were made.
    expect(await comments(bearer(ana), number)).toEqual(after);
    // The client sees the same roles, and still not the internal note.
    const publicOnly = after.filter((c) => c.body !== 'Cliente sensible.');
    expect(await comments(bearer(pedro), number)).toEqual(publicOnly);
    expect(await comments(world.bearer(Role.CLIENT_USER), number)).toEqual(publicOnly);

    // The role is the one stored with each event when it was projected.
    const stored = await world.db.query<{ actor_id: string; actor_role: string }[]>(
      `SELECT actor_id, actor_role FROM ticket_event
        WHERE ticket_number = $1 AND type = 'comment' ORDER BY seq`,
      [number],
    );
    expect(stored).toEqual([
      { actor_id: pedro.id, actor_role: 'CLIENT_USER' },
      { actor_id: ana.id, actor_role: 'AGENT' },
      { actor_id: ana.id, actor_role: 'AGENT' },
      { actor_id: ana.id, actor_role: 'MANAGER' },
      { actor_id: pedro.id, actor_role: 'CLIENT_APPROVER' },
    ]);
  });
});
