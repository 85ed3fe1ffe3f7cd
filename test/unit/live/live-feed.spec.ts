import type { AuthenticatedUser } from '../../../src/identity/authenticated-user';
import { OrganizationKind } from '../../../src/identity/organization-kind.enum';
import { Role } from '../../../src/identity/role.enum';
import type { AsyncQueue } from '../../../src/live/async-queue';
import { LiveFeed } from '../../../src/live/live-feed';
import type { LiveSessionsService, LiveSessionUser } from '../../../src/live/live-sessions.service';
import type { PgListenerService } from '../../../src/live/pg-listener.service';

// L3-13, L3-04: the subscriber registry every live feed shares (src/live/live-feed.ts), on its
// own. Only its two collaborators are fakes: the LISTEN connection (whose ensureListening the test
// resolves by hand) and the sessions' isCurrent (a set of ended user IDs). The feeds over the real
// PostgreSQL LISTEN are in test/integration/live-updates, live-hours and live-session-end.

class FakeListener {
  connected = false;
  ensureCalls = 0;
  private pending: (() => void)[] = [];
  ensureListening(): Promise<void> {
    this.ensureCalls += 1;
    return new Promise((resolve) => this.pending.push(resolve));
  }
  /** The connection comes up: every waiting ensureListening resolves. */
  up(): void {
    this.connected = true;
    for (const resolve of this.pending.splice(0)) resolve();
  }
}

class FakeSessions {
  readonly ended = new Set<string>();
  readonly asked: LiveSessionUser[] = [];
  isCurrent(user: LiveSessionUser): boolean {
    this.asked.push(user);
    return !this.ended.has(user.id);
  }
}

function user(id: string, organizationId: string, sessionEpoch = 0): AuthenticatedUser {
  return {
    id,
    email: `${id}@aurora.example`,
    organizationId,
    organizationKind: OrganizationKind.CLIENT,
    roles: [Role.CLIENT_USER],
    locale: 'es-MX',
    timeZone: 'America/Mexico_City',
    sessionEpoch,
  };
}

interface Wanted {
  readonly organizationId: string;
}

const AURORA = 'o-aurora';
const BOREAL = 'o-boreal';
const ANA = user('u-ana', AURORA, 3);
const BETO = user('u-beto', BOREAL);
const CARLA = user('u-carla', AURORA);

/** Everything a queue holds now, without waiting for more. */
async function drained<T>(queue: AsyncQueue<T>): Promise<T[]> {
  const values: T[] = [];
  for (;;) {
    const next = await Promise.race([queue.next(), Promise.resolve('empty' as const)]);
    if (next === 'empty' || next.done) return values;
    values.push(next.value);
  }
}

describe('LiveFeed (L3-13, L3-04)', () => {
  let listener: FakeListener;
  let sessions: FakeSessions;
  let feed: LiveFeed<Wanted, string>;

  beforeEach(() => {
    listener = new FakeListener();
    sessions = new FakeSessions();
    feed = new LiveFeed<Wanted, string>(
      listener as unknown as PgListenerService,
      sessions as unknown as LiveSessionsService,
    );
  });

  /** Subscribes with the LISTEN connection coming up, as it does once asked. */
  async function subscribe(who: AuthenticatedUser, wanted: Wanted): Promise<AsyncQueue<string>> {
    const queue = feed.subscribe(who, wanted);
    listener.up();
    return queue;
  }

  it('subscribes once the LISTEN connection is up, and an unsubscribe removes the subscriber', async () => {
    let resolved = false;
    const subscribing = feed.subscribe(ANA, { organizationId: AURORA }).then((queue) => {
      resolved = true;
      return queue;
    });
    // Registered at once (a change heard while the connection comes up is not lost), but the
    // subscription is handed over only with the connection up.
    expect(feed.size).toBe(1);
    expect(listener.ensureCalls).toBe(1);
    await Promise.resolve();
    expect(resolved).toBe(false);
    expect(feed.connected).toBe(false);

    listener.up();
    const queue = await subscribing;
    expect(resolved).toBe(true);
    expect(feed.connected).toBe(true);

    await queue.return();
    expect(feed.size).toBe(0);
    const asked: Wanted[] = [];
    feed.deliver((s) => {
      asked.push(s);
      return 'heard';
    });
    expect(asked).toEqual([]);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('delivers to each subscriber what it wants, and nothing where the feed says not theirs', async () => {
    const ana = await subscribe(ANA, { organizationId: AURORA });
    const beto = await subscribe(BETO, { organizationId: BOREAL });
    const carla = await subscribe(CARLA, { organizationId: AURORA });

    const seen: (Wanted & { user: LiveSessionUser })[] = [];
    feed.deliver((s) => {
      seen.push(s as Wanted & { user: LiveSessionUser });
      return s.organizationId === AURORA ? `cambio de ${s.organizationId}` : undefined;
    });
    feed.deliver((s) => (s.organizationId === BOREAL ? 'otro' : undefined));

    expect(await drained(ana)).toEqual(['cambio de o-aurora']);
    expect(await drained(carla)).toEqual(['cambio de o-aurora']);
    expect(await drained(beto)).toEqual(['otro']);
    // The feed's filter sees what each asked for, with whose subscription it is (ID and epoch only).
    expect(seen.map((s) => [s.organizationId, s.user])).toEqual([
      [AURORA, { id: 'u-ana', sessionEpoch: 3 }],
      [BOREAL, { id: 'u-beto', sessionEpoch: 0 }],
      [AURORA, { id: 'u-carla', sessionEpoch: 0 }],
    ]);
  });

  it('skips a subscriber whose session ended (L3-04), and only when there was something for it', async () => {
    const ana = await subscribe(ANA, { organizationId: AURORA });
    const carla = await subscribe(CARLA, { organizationId: AURORA });
    const beto = await subscribe(BETO, { organizationId: BOREAL });
    sessions.ended.add(ANA.id);

    feed.deliver((s) => (s.organizationId === AURORA ? 'cambio' : undefined));

    expect(await drained(ana)).toEqual([]);
    expect(await drained(carla)).toEqual(['cambio']);
    expect(await drained(beto)).toEqual([]);
    // Asked with the user's session epoch, for the two the change was for.
    expect(sessions.asked).toEqual([
      { id: 'u-ana', sessionEpoch: 3 },
      { id: 'u-carla', sessionEpoch: 0 },
    ]);
    // Still subscribed: the sessions service closes the socket, which unsubscribes it.
    expect(feed.size).toBe(3);
  });

  it('close ends every subscription, a waiting reader included, and empties the feed', async () => {
    const ana = await subscribe(ANA, { organizationId: AURORA });
    const beto = await subscribe(BETO, { organizationId: BOREAL });
    feed.deliver((s) => (s.organizationId === AURORA ? 'sin leer' : undefined));
    const waiting = beto.next();

    await feed.close();

    expect(feed.size).toBe(0);
    expect(ana.isClosed).toBe(true);
    expect(beto.isClosed).toBe(true);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await ana.next()).toEqual({ value: undefined, done: true });
    feed.deliver(() => 'tarde');
    expect(await drained(ana)).toEqual([]);
  });
});
