import type { User } from '../api/operations';

/** A login kept on this device until `expiresAt` (from `login.expiresAt`). */
export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: User;
}

const STORAGE_KEY = 'sla.session';

export function isExpired(session: Session, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}

/** The stored session, or undefined when there is none, it is unreadable or it has expired. */
export function loadSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string' || isExpired(session)) {
      localStorage.removeItem(STORAGE_KEY);
      return undefined;
    }
    return session;
  } catch {
    localStorage.removeItem(STORAGE_KEY);
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
}

/**
 * Forgets the stored session only while it is still `token`: another tab of this browser may
 * already have stored a fresh one (it changed the password), which must survive.
 */
export function forgetSession(token: string | undefined): void {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw && (JSON.parse(raw) as Partial<Session>).token !== token) return;
  } catch {
    // Unreadable: forget it.
  }
  localStorage.removeItem(STORAGE_KEY);
}

/** Calls `onChange` when another tab of this browser stores or forgets the session. */
export function onStoredSessionChange(onChange: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
