import { Logger } from '@nestjs/common';
import type { AppUserEntity } from '../../../src/identity/app-user.entity';
import {
  SESSION_USER_CHANGED_CHANNEL,
  SESSION_USER_MAX,
  SESSION_USER_TTL_MS,
  SessionUserCache,
} from '../../../src/identity/session-user-cache';
import type { PgListenerService } from '../../../src/live/pg-listener.service';

// L3-04 with issues 5/10: the session check keeps the users it read only while this instance hears
// every change to them. The cache with a typed fake of the LISTEN connection (its handler called
// directly) and a counted loader; the real PostgreSQL path is in test/integration/identity.

class FakeListener {
  readonly handlers = new Map<string, (payload: string) => void>();
  /** Which LISTEN connection is up (null: none). */
  connection: number | null = 1;
  listens = 0;
  on(channel: string, handler: (payload: string) => void): void {
    this.handlers.set(channel, handler);
  }
  ensureListening(): Promise<void> {
    this.listens += 1;
    return Promise.resolve();
  }
  notify(payload: string): void {
    this.handlers.get(SESSION_USER_CHANGED_CHANNEL)?.(payload);
  }
}

class TestCache extends SessionUserCache<AppUserEntity> {
  clock = 0;
  protected override now = () => this.clock;
}

const ALICE = '6f1c4a52-1d0e-4f7e-9d53-2a4f3b1c0a01';
const BOB = '6f1c4a52-1d0e-4f7e-9d53-2a4f3b1c0a02';

describe('SessionUserCache (L3-04: a change to a user applies to their next request)', () => {
  let listener: FakeListener;
  let cache: TestCache;
  /** The rows as the database holds them, and the reads made. */
  let rows: Record<string, { roles: string[] }>;
  let reads: string[];
  const load = (id: string): Promise<AppUserEntity | null> => {
    reads.push(id);
    const row = rows[id];
    return Promise.resolve(
      row ? ({ id, roles: [...row.roles] } as unknown as AppUserEntity) : null,
    );
  };
  const rolesOf = async (id: string) => (await cache.read(id, load))?.roles;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    listener = new FakeListener();
    cache = new TestCache(listener as unknown as PgListenerService);
    rows = { [ALICE]: { roles: ['AGENT'] }, [BOB]: { roles: ['MANAGER'] } };
    reads = [];
  });

  it('answers a user again from memory until a change to them is heard, then reads them', async () => {
    expect(await rolesOf(ALICE)).toEqual(['AGENT']);
    expect(await rolesOf(ALICE)).toEqual(['AGENT']);
    expect(await rolesOf(BOB)).toEqual(['MANAGER']);
    expect(reads).toEqual([ALICE, BOB]);

    rows[ALICE] = { roles: ['AGENT', 'MANAGER'] };
    listener.notify(ALICE);
    expect(await rolesOf(ALICE)).toEqual(['AGENT', 'MANAGER']);
    expect(await rolesOf(BOB)).toEqual(['MANAGER']);
    expect(reads).toEqual([ALICE, BOB, ALICE]);
  });

  it('`*` (an organization changed) and forget/forgetAll drop what they name', async () => {
    await rolesOf(ALICE);
    await rolesOf(BOB);
    listener.notify('*');
    await rolesOf(ALICE);
    await rolesOf(BOB);
    expect(reads).toEqual([ALICE, BOB, ALICE, BOB]);
    cache.forget(BOB);
    await rolesOf(ALICE);
    await rolesOf(BOB);
    expect(reads).toEqual([ALICE, BOB, ALICE, BOB, BOB]);
    cache.forgetAll();
    expect(cache.size).toBe(0);
  });

  it('reads a kept user again when the caller proves it stale (a token of a later session epoch)', async () => {
    const epochOf = async (id: string, token: number) =>
      (await cache.read(id, load, (kept) => kept.roles.length >= token))?.roles;
    expect(await epochOf(ALICE, 1)).toEqual(['AGENT']);
    // The change (on another instance) is not heard here yet; the caller's token is newer.
    rows[ALICE] = { roles: ['AGENT', 'MANAGER'] };
    expect(await epochOf(ALICE, 1)).toEqual(['AGENT']);
    expect(await epochOf(ALICE, 2)).toEqual(['AGENT', 'MANAGER']);
    expect(await epochOf(ALICE, 2)).toEqual(['AGENT', 'MANAGER']);
    expect(reads).toEqual([ALICE, ALICE]);
  });

  it('does not keep a read that a change overtook (it may show the user as before)', async () => {
    let release!: () => void;
    const slow = (id: string) =>
      new Promise<AppUserEntity | null>((resolve) => {
        release = () => resolve(load(id));
      });
    const pending = cache.read(ALICE, slow);
    // The change commits and is heard while the read is under way; the read saw the old row.
    listener.notify(ALICE);
    release();
    expect((await pending)?.roles).toEqual(['AGENT']);
    rows[ALICE] = { roles: ['AGENT', 'MANAGER'] };
    expect(await rolesOf(ALICE)).toEqual(['AGENT', 'MANAGER']);
    expect(cache.size).toBe(1);
  });

  it('keeps nothing while LISTEN is down, and nothing kept under an earlier connection answers', async () => {
    listener.connection = null;
    await rolesOf(ALICE);
    await rolesOf(ALICE);
    expect(reads).toEqual([ALICE, ALICE]);
    expect(cache.size).toBe(0);
    expect(listener.listens).toBe(2);

    listener.connection = 1;
    await rolesOf(ALICE);
    await rolesOf(ALICE);
    expect(reads).toHaveLength(3);
    // Lost and back: changes may have been sent meanwhile and never heard.
    listener.connection = 2;
    rows[ALICE] = { roles: [] };
    expect(await rolesOf(ALICE)).toEqual([]);
    expect(reads).toHaveLength(4);

    // A read that began under connection 2 and ended after it was lost is not kept either.
    let release!: () => void;
    const pending = cache.read(BOB, (id) => new Promise((r) => (release = () => r(load(id)))));
    listener.connection = 3;
    release();
    await pending;
    await rolesOf(BOB);
    expect(reads.filter((id) => id === BOB)).toHaveLength(2);
  });

  it(`answers from memory for ${SESSION_USER_TTL_MS / 1000} s at most, and not an unknown user`, async () => {
    await rolesOf(ALICE);
    cache.clock = SESSION_USER_TTL_MS - 1;
    await rolesOf(ALICE);
    expect(reads).toEqual([ALICE]);
    cache.clock = SESSION_USER_TTL_MS;
    await rolesOf(ALICE);
    expect(reads).toEqual([ALICE, ALICE]);

    const nobody = '6f1c4a52-1d0e-4f7e-9d53-2a4f3b1c0a09';
    expect(await cache.read(nobody, load)).toBeNull();
    rows[nobody] = { roles: ['AGENT'] };
    expect(await rolesOf(nobody)).toEqual(['AGENT']);
  });

  it(`keeps ${SESSION_USER_MAX.toLocaleString('en')} users at most, dropping the longest kept`, async () => {
    const ids = Array.from({ length: SESSION_USER_MAX + 1 }, (_, i) => `user-${i}`);
    for (const id of ids) rows[id] = { roles: [] };
    for (const id of ids) await cache.read(id, load);
    expect(cache.size).toBe(SESSION_USER_MAX);
    reads = [];
    await cache.read(ids[1], load);
    await cache.read(ids[SESSION_USER_MAX], load);
    expect(reads).toEqual([]);
    await cache.read(ids[0], load);
    expect(reads).toEqual([ids[0]]);
  });
});
