import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  LiveSessionsService,
  type LiveSocket,
  parseLoggedOut,
  parseSessionEnded,
  SESSION_ENDED_CHANNEL,
  SESSION_LOGGED_OUT_CHANNEL,
} from '../../../src/live/live-sessions.service';
import type { PgListenerService } from '../../../src/live/pg-listener.service';

// L3-04: an ended session also ends the WebSocket connections already open. The sessions service
// with a typed fake of the LISTEN connection (the notification handler it registers is called
// directly) and fake sockets; the real PostgreSQL path is in test/integration/live-session-end.

class FakeListener {
  readonly handlers = new Map<string, (payload: string) => void>();
  readonly hooks: (() => Promise<void>)[] = [];
  /** Which LISTEN connection is up (null: none). */
  connection: number | null = 1;
  /** What `ensureListening` waits for (settled: the connection is up, or failed once). */
  opening: Promise<void> = Promise.resolve();
  /** A (re)connection: `connection` comes up and the hooks run. */
  async reconnect(connection: number): Promise<void> {
    this.connection = connection;
    for (const hook of this.hooks) await hook();
  }
  on(channel: string, handler: (payload: string) => void): void {
    this.handlers.set(channel, handler);
  }
  onConnected(hook: () => Promise<void>): void {
    this.hooks.push(hook);
  }
  ensureListening(): Promise<void> {
    return this.opening;
  }
  notify(payload: Record<string, unknown> | string): void {
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    this.handlers.get(SESSION_ENDED_CHANNEL)?.(text);
  }
  /** «Cerrar sesión» with the token of key `tokenSha256` (QA S60 #2). */
  loggedOut(payload: { userId: string; tokenSha256: string } | string): void {
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    this.handlers.get(SESSION_LOGGED_OUT_CHANNEL)?.(text);
  }
}

class FakeSocket implements LiveSocket {
  closes: { code: number; reason: string }[] = [];
  private onClose: (() => void) | null = null;
  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
    this.onClose?.();
  }
  once(_event: 'close', listener: () => void): void {
    this.onClose = listener;
  }
}

const ALICE = '6f1c4a52-1d0e-4f7e-9d53-2a4f3b1c0a01';
const BOB = '6f1c4a52-1d0e-4f7e-9d53-2a4f3b1c0a02';

describe('live sessions (L3-04)', () => {
  let listener: FakeListener;
  let epochs: Record<string, { session_epoch: number; sessions_ended_because: string | null }>;
  /** The `logged_out_session` rows. */
  let loggedOut: { user_id: string; token_sha256: string }[];
  let sessions: LiveSessionsService;

  // The malformed notifications below are logged as warnings; not this test's output.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    listener = new FakeListener();
    epochs = {};
    loggedOut = [];
    const db = {
      query: (sql: string, [ids]: [string[]]) =>
        Promise.resolve(
          sql.includes('logged_out_session')
            ? loggedOut.filter((r) => ids.includes(r.user_id))
            : ids.filter((id) => epochs[id]).map((id) => ({ id, ...epochs[id] })),
        ),
    };
    sessions = new LiveSessionsService(
      listener as unknown as PgListenerService,
      db as unknown as DataSource,
    );
  });

  it("closes the user's connections of an earlier epoch with 4401 and the reason, no one else's", async () => {
    const old = new FakeSocket();
    const fresh = new FakeSocket();
    const other = new FakeSocket();
    expect(await sessions.track(old, { id: ALICE, sessionEpoch: 0 })).toBe(true);
    expect(await sessions.track(fresh, { id: ALICE, sessionEpoch: 1 })).toBe(true);
    expect(await sessions.track(other, { id: BOB, sessionEpoch: 0 })).toBe(true);

    listener.notify({ userId: ALICE, epoch: 1, cause: 'PASSWORD_CHANGED' });

    expect(old.closes).toEqual([
      {
        code: 4401,
        reason: 'UNAUTHENTICATED: The session ended because the password changed; log in again',
      },
    ]);
    expect(fresh.closes).toEqual([]);
    expect(other.closes).toEqual([]);
    expect(sessions.connectionCount).toBe(2);
  });

  it('answers from memory whether a session is still current (checked before each delivery)', () => {
    expect(sessions.isCurrent({ id: ALICE, sessionEpoch: 0 })).toBe(true);
    listener.notify({ userId: ALICE, epoch: 2, cause: 'DEACTIVATED' });
    expect(sessions.isCurrent({ id: ALICE, sessionEpoch: 1 })).toBe(false);
    expect(sessions.isCurrent({ id: ALICE, sessionEpoch: 2 })).toBe(true);
    expect(sessions.isCurrent({ id: BOB })).toBe(true);
    // A late notification of an older end does not lower what is known.
    listener.notify({ userId: ALICE, epoch: 1, cause: 'PASSWORD_CHANGED' });
    expect(sessions.isCurrent({ id: ALICE, sessionEpoch: 1 })).toBe(false);
  });

  it('closes at once a connection whose session ended between its check and its tracking', async () => {
    listener.notify({ userId: ALICE, epoch: 1, cause: 'ROLES_REMOVED' });
    const late = new FakeSocket();
    expect(await sessions.track(late, { id: ALICE, sessionEpoch: 0 })).toBe(false);
    expect(late.closes[0]).toEqual({
      code: 4401,
      reason:
        'UNAUTHENTICATED: The session ended because roles were removed from the account; log in again',
    });
    expect(sessions.connectionCount).toBe(0);
  });

  it('after the LISTEN connection (re)opens, catches up on ends it did not hear', async () => {
    const socket = new FakeSocket();
    await sessions.track(socket, { id: ALICE, sessionEpoch: 0 });
    epochs[ALICE] = { session_epoch: 1, sessions_ended_because: 'PASSWORD_RESET' };
    for (const hook of listener.hooks) await hook();
    expect(socket.closes.map((c) => c.reason)).toEqual([
      'UNAUTHENTICATED: The session ended because the password was reset; log in again',
    ]);
  });

  it("closes a connection with 4401 when its token expires; a 30-day token's not at once", async () => {
    const soon = new FakeSocket();
    const later = new FakeSocket();
    await sessions.track(soon, { id: ALICE, expiresAt: new Date(Date.now() + 40) });
    // Past setTimeout's 24.8-day limit, where a plain timer would fire at once.
    await sessions.track(later, { id: BOB, expiresAt: new Date(Date.now() + 30 * 86_400_000) });
    expect(soon.closes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(soon.closes).toEqual([
      { code: 4401, reason: 'UNAUTHENTICATED: The session has expired; log in again' },
    ]);
    expect(later.closes).toEqual([]);
    expect(sessions.connectionCount).toBe(1);
    later.close(1000, 'bye');
  });

  it('once LISTEN is back, closes with 1012 the connections accepted before it; not one being accepted', async () => {
    const earlier = new FakeSocket();
    const whileDown = new FakeSocket();
    const accepting = new FakeSocket();
    await sessions.track(earlier, { id: ALICE });
    // The connection is lost: one accepted meanwhile hears nothing either.
    listener.connection = null;
    await sessions.track(whileDown, { id: BOB });
    // One accepted as LISTEN comes back is live from the new connection on.
    let opened!: () => void;
    listener.opening = new Promise((resolve) => (opened = resolve));
    const tracked = sessions.track(accepting, { id: BOB });
    await listener.reconnect(2);
    opened();
    expect(await tracked).toBe(true);

    const resync = {
      code: 1012,
      reason: 'Live updates were interrupted; reconnect and read again',
    };
    expect(earlier.closes).toEqual([resync]);
    expect(whileDown.closes).toEqual([resync]);
    expect(accepting.closes).toEqual([]);
    expect(sessions.connectionCount).toBe(1);
    // Nothing more when the same connection's hooks run again.
    await listener.reconnect(2);
    expect(accepting.closes).toEqual([]);
  });

  it('forgets a connection once it closes, and ignores malformed notifications', async () => {
    const socket = new FakeSocket();
    await sessions.track(socket, { id: ALICE, sessionEpoch: 0 });
    socket.close(1000, 'bye');
    expect(sessions.connectionCount).toBe(0);
    listener.notify('not json');
    listener.notify({ userId: ALICE, epoch: -1 });
    expect(sessions.isCurrent({ id: ALICE, sessionEpoch: 0 })).toBe(true);
    expect(parseSessionEnded(JSON.stringify({ userId: ALICE, epoch: 3, cause: 'NEW' }))).toEqual({
      userId: ALICE,
      epoch: 3,
      cause: null,
    });
  });

  describe('«Cerrar sesión» ends one session (QA S60 #2)', () => {
    const LOGGED_OUT = {
      code: 4401,
      reason: 'UNAUTHENTICATED: The session ended because it was logged out; log in again',
    };

    it("closes the connections opened with the logged-out token, not the user's other sessions'", async () => {
      const tab = new FakeSocket();
      const otherTab = new FakeSocket();
      const otherBrowser = new FakeSocket();
      await sessions.track(tab, { id: ALICE, sessionEpoch: 0, tokenKey: 'a1' });
      await sessions.track(otherTab, { id: ALICE, sessionEpoch: 0, tokenKey: 'a1' });
      await sessions.track(otherBrowser, { id: ALICE, sessionEpoch: 0, tokenKey: 'a2' });

      listener.loggedOut({ userId: ALICE, tokenSha256: 'a1' });

      expect(tab.closes).toEqual([LOGGED_OUT]);
      expect(otherTab.closes).toEqual([LOGGED_OUT]);
      expect(otherBrowser.closes).toEqual([]);
      expect(sessions.connectionCount).toBe(1);
    });

    it('closes at once a connection with a token logged out between its check and its tracking', async () => {
      listener.loggedOut({ userId: ALICE, tokenSha256: 'a1' });
      const late = new FakeSocket();
      expect(await sessions.track(late, { id: ALICE, sessionEpoch: 0, tokenKey: 'a1' })).toBe(
        false,
      );
      expect(late.closes).toEqual([LOGGED_OUT]);
    });

    it('after the LISTEN connection (re)opens, catches up on logouts it did not hear; ignores malformed ones', async () => {
      const socket = new FakeSocket();
      const kept = new FakeSocket();
      await sessions.track(socket, { id: ALICE, sessionEpoch: 0, tokenKey: 'a1' });
      await sessions.track(kept, { id: ALICE, sessionEpoch: 0, tokenKey: 'a2' });
      listener.loggedOut('not json');
      listener.loggedOut(JSON.stringify({ userId: ALICE }));
      expect(parseLoggedOut('null')).toBeNull();
      expect(socket.closes).toEqual([]);

      loggedOut.push({ user_id: ALICE, token_sha256: 'a1' });
      for (const hook of listener.hooks) await hook();

      expect(socket.closes).toEqual([LOGGED_OUT]);
      expect(kept.closes).toEqual([]);
    });
  });
});
