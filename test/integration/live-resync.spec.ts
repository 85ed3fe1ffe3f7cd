import { Role } from '../../src/identity/role.enum';
import { AuthTokenService } from '../../src/identity/auth-token.service';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { PgListenerService } from '../../src/live/pg-listener.service';
import { eventuallyHeld } from '../support/eventually';
import { liveClients, type LiveClient } from '../support/live-client';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';

// Live updates (issue 5 item 7) over graphql-ws, the API's LISTEN connection and the real worker:
// - L3-04: a connection's session is checked once, when it opens; it is closed with 4401 when the
//   token it was opened with expires, as a request with that token is refused from then on;
// - a change notified while the API's LISTEN connection was down never reaches the subscribers:
//   once it is back, the sockets accepted before are closed with 1012 so that their clients
//   reconnect and read again what they show, instead of showing stale tickets unawares.

const SUBSCRIPTION = `subscription { ticketChanged { number state } }`;

describe('Live connections that must be opened again', () => {
  const live = liveClients(() => world.api);
  afterAll(() => live.disposeAll());
  const world = useWorldWithWorker('live-resync');

  const subscriberCount = () => world.api.app.get(LiveUpdatesService).subscriberCount;

  /** Subscribes as the holder of `token` and waits until the subscription is live. */
  async function subscribed(token: string) {
    const before = subscriberCount();
    const client = live.connect(token);
    const feed = client.subscribe<{ number: string }>(SUBSCRIPTION);
    await eventuallyHeld(subscriberCount, (n) => n === before + 1);
    return { client, feed, numbers: () => feed.values.map((change) => change.number) };
  }

  const tokenOf = (role: Role): string => world.bearer(role).authorization.slice(7);

  /** A fresh token of `role`'s demo user that expires `seconds` from now. */
  async function tokenExpiringIn(role: Role, seconds: number) {
    const tokens = world.api.app.get(AuthTokenService);
    const claims = await tokens.verify(tokenOf(role));
    const ttl = world.config.auth.tokenTtlSeconds;
    return tokens.issue(
      { id: claims.sub, organizationId: claims.org, roles: claims.roles, sessionEpoch: claims.sep },
      new Date(Date.now() - (ttl - seconds) * 1000),
    );
  }

  /** When `client`'s socket was seen closed, and how. */
  async function closeOf(client: LiveClient) {
    const closed = await eventuallyHeld(
      () => client.closed,
      (value) => value !== undefined,
    );
    return { at: Date.now(), ...closed! };
  }

  it('closes a socket with 4401 when the token it was opened with expires, not before (L3-04)', async () => {
    const expiring = await tokenExpiringIn(Role.CLIENT_USER, 4);
    const mine = await subscribed(expiring.token);
    const other = await subscribed(tokenOf(Role.CLIENT_APPROVER));
    const number = await registerTicket(world);
    await eventuallyHeld(
      () => [mine.numbers(), other.numbers()],
      (seen) => seen.every((numbers) => numbers.includes(number)),
    );

    const closed = await closeOf(mine.client);
    expect(closed).toEqual({
      at: expect.any(Number) as number,
      code: 4401,
      reason: 'UNAUTHENTICATED: The session has expired; log in again',
    });
    expect(closed.at).toBeGreaterThanOrEqual(expiring.expiresAt.getTime());

    // Nothing more reaches it; the other session's socket stays open and keeps streaming.
    const seen = mine.numbers();
    const after = await registerTicket(world);
    await eventuallyHeld(other.numbers, (numbers) => numbers.includes(after));
    expect(mine.numbers()).toEqual(seen);
    expect(other.client.closed).toBeUndefined();
  });

  it('closes the open sockets with 1012 once a lost LISTEN connection is back; a new one streams again', async () => {
    const listener = world.api.app.get(PgListenerService);
    const opened = listener.connection;
    expect(opened).not.toBeNull();
    const before = await subscribed(tokenOf(Role.CLIENT_APPROVER));
    const number = await registerTicket(world);
    await eventuallyHeld(before.numbers, (numbers) => numbers.includes(number));

    // PostgreSQL drops the API's LISTEN connection (a restart, a failover, a network cut).
    const terminated = await world.db.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN %'
          AND query <> 'LISTEN email_outbox' AND pg_terminate_backend(pid)`,
    );
    expect(terminated).toHaveLength(1);

    expect(await closeOf(before.client)).toEqual({
      at: expect.any(Number) as number,
      code: 1012,
      reason: 'Live updates were interrupted; reconnect and read again',
    });
    expect(listener.connection).toBe(opened! + 1);

    // The client comes back on a new connection, which hears what follows.
    const again = await subscribed(tokenOf(Role.CLIENT_APPROVER));
    const later = await registerTicket(world);
    await eventuallyHeld(again.numbers, (numbers) => numbers.includes(later));
    expect(again.client.closed).toBeUndefined();
  });
});
