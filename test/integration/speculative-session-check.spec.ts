import { Role } from '../../src/identity/role.enum';
import { gql, type RunningApi, startApi } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const UPDATE_USER = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id }
}`;
const CHANGE_PASSWORD = `mutation ($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token }
}`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ME = '{ me { id } }';
const USERS = '{ users { id } }';
const PASSWORD = 'clave-inicial-123';

/**
 * Issues #5/#10: an API instance runs a query as the user its token had last time while the
 * session check runs alongside. These prove the guess never answers once the user changed on
 * another instance (L3-04: sessions end at once; a role counts at once).
 */
describe('queries run on a guessed user answer only what the fresh session check allows', () => {
  let world: SeededWorld;
  let other: RunningApi;
  const unique = `${process.pid}-${Date.now()}`;
  const admin = () => world.bearer(Role.ADMIN);

  beforeAll(async () => {
    world = await createSeededWorld('speculative');
    other = await startApi(world.config);
  });
  afterAll(async () => {
    await other?.close();
    await world?.close();
  });

  /** A provider user with a known password, and the `Authorization` header of a session of theirs. */
  async function userWithSession(slug: string, roles: Role[]) {
    const email = `${slug}-${unique}@becken.example`;
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      CREATE_USER,
      {
        input: {
          organizationId: world.orgIds.becken,
          email,
          displayName: 'Sesión adivinada',
          roles,
          temporaryPassword: PASSWORD,
        },
      },
      admin(),
    );
    expect(created.body.errors).toBeUndefined();
    const login = await gql<{ login: { token: string } }>(world.api, LOGIN, {
      email,
      password: PASSWORD,
    });
    const session = { authorization: `Bearer ${login.body.data!.login.token}` };
    // Two accepted queries: this instance now holds the session's user as its guess.
    for (let i = 0; i < 2; i += 1) {
      expect((await gql(world.api, ME, {}, session)).body.errors).toBeUndefined();
    }
    return { id: created.body.data!.createUser.id, session };
  }

  it('a deactivation on another instance refuses the very next query', async () => {
    const user = await userWithSession('adivinada-baja', [Role.AGENT]);
    const off = await gql(other, SET_ACTIVE, { userId: user.id, active: false }, admin());
    expect(off.body.errors).toBeUndefined();

    const { body } = await gql(world.api, ME, {}, user.session);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a password change on another instance ends the session for the very next query', async () => {
    const user = await userWithSession('adivinada-clave', [Role.AGENT]);
    const changed = await gql(
      other,
      CHANGE_PASSWORD,
      { currentPassword: PASSWORD, newPassword: 'clave-cambiada-456' },
      user.session,
    );
    expect(changed.body.errors).toBeUndefined();

    const { body } = await gql(world.api, ME, {}, user.session);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
      endedBecause: 'PASSWORD_CHANGED',
    });
  });

  it('a role added on another instance counts on the very next query', async () => {
    const user = await userWithSession('adivinada-rol', [Role.AGENT]);
    const refused = await gql(world.api, USERS, {}, user.session);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const promoted = await gql(
      other,
      UPDATE_USER,
      { input: { userId: user.id, roles: [Role.AGENT, Role.MANAGER] } },
      admin(),
    );
    expect(promoted.body.errors).toBeUndefined();

    const { body } = await gql<{ users: { id: string }[] }>(world.api, USERS, {}, user.session);
    expect(body.errors).toBeUndefined();
    expect(body.data!.users.map((u) => u.id)).toContain(user.id);
  });
});
