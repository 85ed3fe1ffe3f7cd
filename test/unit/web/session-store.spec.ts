import {
  announceLoggedOut,
  FORGET_DELAY_MS,
  LOGGED_OUT_KEY,
  loggedOutUser,
  forgetStoredSession,
  readSession,
  type Session,
  type SessionStore,
  writeSession,
} from '../../../web/src/session/session-store';

// L3-04: the tabs of one browser share one login. A session the server refuses (a password change
// elsewhere ends every earlier one) stops at once in the refused tab, but the shared copy is
// removed only later and only if it still holds the refused token: another tab may be storing a
// fresh session at that moment, and an immediate removal raced it (e2e users.spec, two tabs).

function memory(): SessionStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const session = (token: string): Session => ({
  token,
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: { id: 'u1', email: 'ana@aurora.example', displayName: 'Ana' } as Session['user'],
});

describe('session storage across tabs', () => {
  it('a refused token is dropped in its tab at once, and removed from the shared copy later', () => {
    const shared = memory();
    const tab = memory();
    const scheduled: { run: () => void; ms: number }[] = [];
    writeSession(shared, session('old'));
    forgetStoredSession('old', shared, tab, (run, ms) => scheduled.push({ run, ms }));

    // This tab no longer loads it (a reload shows the login); another tab still reads the copy.
    expect(readSession(shared, tab)).toBeUndefined();
    expect(readSession(shared, memory())?.token).toBe('old');
    expect(scheduled.map((s) => s.ms)).toEqual([FORGET_DELAY_MS]);

    scheduled[0].run();
    expect(readSession(shared, memory())).toBeUndefined();
  });

  it('a fresh session another tab stored meanwhile survives the delayed removal, and this tab takes it up', () => {
    const shared = memory();
    const tab = memory();
    const scheduled: (() => void)[] = [];
    writeSession(shared, session('old'));
    forgetStoredSession('old', shared, tab, (run) => scheduled.push(run));
    // The tab that changed the password stores its fresh session.
    writeSession(shared, session('fresh'));
    scheduled[0]();

    expect(readSession(shared, memory())?.token).toBe('fresh');
    expect(readSession(shared, tab)?.token).toBe('fresh');
  });

  it('an expired session is removed when read; nothing is scheduled without a token', () => {
    const shared = memory();
    const scheduled: (() => void)[] = [];
    writeSession(shared, { ...session('gone'), expiresAt: new Date(Date.now() - 1).toISOString() });
    expect(readSession(shared, memory())).toBeUndefined();
    expect(shared.map.size).toBe(0);
    forgetStoredSession(undefined, shared, memory(), (run) => scheduled.push(run));
    expect(scheduled).toEqual([]);
  });

  // QA S60 #2: «Cerrar sesión» in one tab must reach the others, told apart from a refused tab's
  // removal (which they must not follow).
  it('a logout is announced to the other tabs under a key of its own, with the user and never the token', () => {
    const shared = memory();
    writeSession(shared, session('secret-token'));
    announceLoggedOut(shared, 'u1', 1_000);
    const first = shared.map.get(LOGGED_OUT_KEY) ?? null;
    expect(loggedOutUser(first)).toBe('u1');
    expect(first).not.toContain('secret-token');
    // Each logout is a new value, so the other tabs hear every one (a storage event needs a change).
    announceLoggedOut(shared, 'u1', 1_000);
    expect(shared.map.get(LOGGED_OUT_KEY)).not.toBe(first);
    for (const other of [null, '', 'null', '{"userId":7}', 'not json']) {
      expect(loggedOutUser(other)).toBeUndefined();
    }
  });
});
