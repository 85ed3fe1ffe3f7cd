import { Role } from '../../src/identity/role.enum';
import { LiveSessionsService } from '../../src/live/live-sessions.service';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { eventuallyHeld } from '../support/eventually';
import { gql, startApi, type RunningApi } from '../support/integration-harness';
import { liveClients } from '../support/live-client';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-04 (security): a password change or a deactivation ends the user's sessions — also the
// WebSocket connections already open, on every API instance. Two API instances on one database
// (A and B) and the real worker, whose projection feeds `ticketChanged`: the user's sockets on
// both instances close with 4401 and the reason in words, nothing more reaches them; another
// user's subscription, and the user's own fresh session, stay open and keep getting events.

const SUBSCRIPTION = `subscription { ticketChanged { number state } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CHANGE_PASSWORD = `mutation ($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token } }`;
const LOGOUT = `mutation { logout }`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) { setUserActive(userId: $userId, active: $active) { active } }`;

/** One subscription on its own graphql-ws connection, as a client sees it. */
interface Feed {
  readonly numbers: string[];
  readonly errors: readonly unknown[];
  /** How the server closed the connection, once it did. */
  readonly closed?: { code: number; reason: string };
}

describe('Open subscriptions end with the session (L3-04)', () => {
  let apiB: RunningApi | undefined;
  const live = liveClients(() => world.api);
  const unique = `${process.pid}-${Date.now()}`;
  // Declared before the world's hooks, so it runs before the world (and its database) goes.
  afterAll(async () => {
    await live.disposeAll();
    await apiB?.close();
  });
  const world = useWorldWithWorker('live-session-end');
  beforeAll(async () => {
    // A second API instance on the same database: what one ends, the other closes.
    apiB = await startApi(world.config);
  });
  const b = (): RunningApi => apiB!;

  const instances = () => [world.api, b()];
  const subscriberCount = () =>
    instances().reduce((n, api) => n + api.app.get(LiveUpdatesService).subscriberCount, 0);
  const connectionCount = () =>
    instances().reduce((n, api) => n + api.app.get(LiveSessionsService).connectionCount, 0);

  /** Subscribes to every ticket change `token`'s user may see, over a connection of its own. */
  function subscribe(api: RunningApi, token: string): Feed {
    const client = live.connect(token, api);
    const feed = client.subscribe<{ number: string }>(SUBSCRIPTION);
    return {
      get numbers() {
        return feed.values.map((change) => change.number);
      },
      errors: feed.errors,
      get closed() {
        return client.closed;
      },
    };
  }

  /** Subscribes each of `feeds` and waits until every one is live on its instance. */
  async function subscribed(...feeds: [RunningApi, string][]): Promise<Feed[]> {
    const before = subscriberCount();
    const opened = feeds.map(([api, token]) => subscribe(api, token));
    await eventuallyHeld(
      () => subscriberCount(),
      (n) => n === before + feeds.length,
    );
    return opened;
  }

  /** A client user of Aurora with a password of our own, and a session of theirs. */
  async function clientUser(slug: string): Promise<{ id: string; email: string; token: string }> {
    const email = `${slug}-${unique}@aurora.example`;
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      CREATE_USER,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email,
          displayName: 'Usuario en vivo',
          roles: ['CLIENT_USER'],
          temporaryPassword: 'clave-inicial-123',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    return { id: created.body.data!.createUser.id, email, token: await login(email) };
  }

  async function login(email: string, password = 'clave-inicial-123'): Promise<string> {
    const { body } = await gql<{ login: { token: string } }>(world.api, LOGIN, {
      email,
      password,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.login.token;
  }

  /** Registers a ticket and waits until each of `feeds` received a change of it. */
  async function ticketSeenBy(...feeds: Feed[]): Promise<string> {
    const number = await registerTicket(world);
    await eventuallyHeld(
      () => feeds.map((f) => f.numbers.includes(number)),
      (seen) => seen.every(Boolean),
    );
    return number;
  }

  const otherUserToken = () => world.bearer(Role.CLIENT_APPROVER).authorization.slice(7);

  it("a password change closes the user's open sockets on every instance (4401); others keep streaming", async () => {
    const user = await clientUser('vivo-clave');
    const [onA, onB, other] = await subscribed(
      [world.api, user.token],
      [b(), user.token],
      [b(), otherUserToken()],
    );
    await ticketSeenBy(onA, onB, other);
    const connections = connectionCount();
    const subscriptions = subscriberCount();

    // The change goes through instance A; B hears it from PostgreSQL.
    const { body } = await gql<{ changePassword: { token: string } }>(
      world.api,
      CHANGE_PASSWORD,
      { currentPassword: 'clave-inicial-123', newPassword: 'clave-cambiada-456' },
      { authorization: `Bearer ${user.token}` },
    );
    expect(body.errors).toBeUndefined();

    const ended = {
      code: 4401,
      reason: 'UNAUTHENTICATED: The session ended because the password changed; log in again',
    };
    await eventuallyHeld(
      () => [onA.closed, onB.closed],
      (closes) => closes.every(Boolean),
    );
    expect(onA.closed).toEqual(ended);
    expect(onB.closed).toEqual(ended);
    expect(connectionCount()).toBe(connections - 2);
    // graphql-ws ends the subscriptions of a closed connection.
    await eventuallyHeld(
      () => subscriberCount(),
      (n) => n === subscriptions - 2,
    );
    const seenBeforeEnd = [[...onA.numbers], [...onB.numbers]];

    // The fresh session the change handed back is not ended with the old one.
    const [fresh] = await subscribed([b(), body.data!.changePassword.token]);
    const after = await ticketSeenBy(other, fresh);
    expect([onA.numbers, onB.numbers]).toEqual(seenBeforeEnd);
    expect(onA.numbers).not.toContain(after);
    expect(other.closed).toBeUndefined();
    expect(fresh.closed).toBeUndefined();
    expect(other.errors).toEqual([]);
  });

  it("an admin's deactivation closes the user's open socket (4401); another user's stays open", async () => {
    const user = await clientUser('vivo-baja');
    const [mine, other] = await subscribed([b(), user.token], [b(), otherUserToken()]);
    await ticketSeenBy(mine, other);

    const off = await gql(
      world.api,
      SET_ACTIVE,
      { userId: user.id, active: false },
      world.bearer(Role.ADMIN),
    );
    expect(off.body.errors).toBeUndefined();

    await eventuallyHeld(
      () => mine.closed,
      (closed) => closed !== undefined,
    );
    expect(mine.closed).toEqual({
      code: 4401,
      reason:
        'UNAUTHENTICATED: The session ended because the account was deactivated; log in again',
    });
    const seenBeforeEnd = [...mine.numbers];
    const after = await ticketSeenBy(other);
    expect(mine.numbers).toEqual(seenBeforeEnd);
    expect(mine.numbers).not.toContain(after);
    expect(other.closed).toBeUndefined();
  });
  // QA S60 #2: «Cerrar sesión» ends one session, its socket included, and no other.
  it("logout closes that session's open sockets on every instance (4401); the user's other session keeps streaming", async () => {
    const user = await clientUser('vivo-salida');
    const otherSession = await login(user.email);
    const [onA, onB, mineElsewhere] = await subscribed(
      [world.api, user.token],
      [b(), user.token],
      [b(), otherSession],
    );
    await ticketSeenBy(onA, onB, mineElsewhere);

    // Logged out through instance A; B hears it from PostgreSQL.
    const { body } = await gql(world.api, LOGOUT, {}, { authorization: `Bearer ${user.token}` });
    expect(body.errors).toBeUndefined();

    await eventuallyHeld(
      () => [onA.closed, onB.closed],
      (closes) => closes.every(Boolean),
    );
    const ended = {
      code: 4401,
      reason: 'UNAUTHENTICATED: The session ended because it was logged out; log in again',
    };
    expect(onA.closed).toEqual(ended);
    expect(onB.closed).toEqual(ended);
    const seenBeforeEnd = [[...onA.numbers], [...onB.numbers]];

    // A new connection with the logged-out token is refused at its start.
    const again = subscribe(b(), user.token);
    await eventuallyHeld(
      () => again.closed,
      (closed) => closed !== undefined,
    );
    expect(again.closed).toEqual(ended);

    const after = await ticketSeenBy(mineElsewhere);
    expect([onA.numbers, onB.numbers]).toEqual(seenBeforeEnd);
    expect(onA.numbers).not.toContain(after);
    expect(mineElsewhere.closed).toBeUndefined();
    expect(mineElsewhere.errors).toEqual([]);
  });
});
