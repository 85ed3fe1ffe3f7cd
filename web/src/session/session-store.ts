import type { User } from '../api/operations';

// The login a browser keeps, as pure functions over the storages they are given (no DOM here:
// the unit tier tests them with in-memory storages; session-storage.ts passes the browser's).

/** A login kept on this device until `expiresAt` (from `login.expiresAt`). */
export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: User;
}

/** The part of the Web Storage API used here (`localStorage`, `sessionStorage`). */
export interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const STORAGE_KEY = 'sla.session';

/**
 * Where «Cerrar sesión» tells the other tabs of this browser (QA S60 #2): `{ userId, at }`, new
 * each time so every logout is a change they hear. Never the token.
 */
export const LOGGED_OUT_KEY = 'sla.session.loggedOut';

/** Where a tab remembers a token the server refused: its `sessionStorage` (this tab only). */
const REFUSED_KEY = 'sla.session.refused';

/** How long a refused token stays in the shared storage before the refused tab removes it. */
export const FORGET_DELAY_MS = 3_000;

export function isExpired(session: Session, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}

function refusedHere(token: string, tab: SessionStore | undefined): boolean {
  try {
    return tab?.getItem(REFUSED_KEY) === token;
  } catch {
    return false;
  }
}

/**
 * The session in `shared`, or undefined when there is none, it is unreadable, it has expired or
 * the server refused it to this tab (see {@link forgetStoredSession}).
 */
export function readSession(
  shared: SessionStore,
  tab: SessionStore | undefined,
): Session | undefined {
  try {
    const raw = shared.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string' || isExpired(session)) {
      shared.removeItem(STORAGE_KEY);
      return undefined;
    }
    if (refusedHere(session.token, tab)) return undefined;
    return session;
  } catch {
    shared.removeItem(STORAGE_KEY);
    return undefined;
  }
}

export function writeSession(shared: SessionStore, session: Session | undefined): void {
  if (session) shared.setItem(STORAGE_KEY, JSON.stringify(session));
  else shared.removeItem(STORAGE_KEY);
}

/**
 * The session `token` ended by itself (refused by the server, or expired): this tab stops using
 * it at once (`tab` remembers the refusal, so a reload shows the login), and the shared copy is
 * removed {@link FORGET_DELAY_MS} later, only if it still holds that token.
 *
 * Not removed at once: another tab of this browser may be storing a fresh session at that moment
 * (it changed the password, which refuses every earlier token, this tab's included). Chromium
 * hands localStorage writes between tabs asynchronously, and a removal issued on a stale copy
 * there won over the fresh session: the other tabs were logged out for good (e2e users.spec, the
 * two-tab password change, about one run in three under load). By the time the delayed removal
 * looks, the fresh session has arrived and is kept.
 */
export function forgetStoredSession(
  token: string | undefined,
  shared: SessionStore,
  tab: SessionStore | undefined,
  later: (run: () => void, ms: number) => void,
): void {
  if (token === undefined) return;
  try {
    tab?.setItem(REFUSED_KEY, token);
  } catch {
    // No per-tab storage: the delayed removal below still applies.
  }
  later(() => {
    try {
      const raw = shared.getItem(STORAGE_KEY);
      if (raw && (JSON.parse(raw) as Partial<Session>).token !== token) return;
    } catch {
      // Unreadable: forget it.
    }
    shared.removeItem(STORAGE_KEY);
  }, FORGET_DELAY_MS);
}

/** Tells the other tabs sharing `shared` that `userId` logged out (see {@link LOGGED_OUT_KEY}). */
export function announceLoggedOut(shared: SessionStore, userId: string, now = Date.now()): void {
  try {
    shared.setItem(
      LOGGED_OUT_KEY,
      JSON.stringify({ userId, at: now, nonce: Math.random().toString(36).slice(2) }),
    );
  } catch {
    // No shared storage: the other tabs find out from the server's refusal.
  }
}

/** Who logged out, from a value {@link announceLoggedOut} wrote; undefined for anything else. */
export function loggedOutUser(value: string | null): string | undefined {
  try {
    const { userId } = (JSON.parse(value ?? 'null') ?? {}) as { userId?: unknown };
    return typeof userId === 'string' ? userId : undefined;
  } catch {
    return undefined;
  }
}
