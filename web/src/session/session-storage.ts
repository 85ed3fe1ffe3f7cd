import {
  announceLoggedOut,
  forgetStoredSession,
  LOGGED_OUT_KEY,
  loggedOutUser,
  readSession,
  type Session,
  STORAGE_KEY,
  writeSession,
} from './session-store';

export { isExpired, type Session } from './session-store';

// The browser's side of session-store.ts: the login in `localStorage` (shared by the tabs of this
// browser), refusals remembered in `sessionStorage` (per tab).

/** The stored session, or undefined (none, unreadable, expired, or refused to this tab). */
export function loadSession(): Session | undefined {
  return readSession(localStorage, sessionStorage);
}

export function saveSession(session: Session | undefined): void {
  writeSession(localStorage, session);
}

/**
 * The session `token` ended by itself: this tab stops using it now, and the shared copy goes a
 * moment later if no other tab has stored a fresh one meanwhile (see `forgetStoredSession`).
 */
export function forgetSession(token: string | undefined): void {
  forgetStoredSession(token, localStorage, sessionStorage, (run, ms) => {
    window.setTimeout(run, ms);
  });
}

/** Calls `onChange` when another tab of this browser stores or forgets the session. */
export function onStoredSessionChange(onChange: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/** Tells the other tabs of this browser that `userId` logged out here (QA S60 #2). */
export function announceLogout(userId: string): void {
  announceLoggedOut(localStorage, userId);
}

/** Calls `onLogout` with the user when «Cerrar sesión» is clicked in another tab of this browser. */
export function onLogoutElsewhere(onLogout: (userId: string) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key !== LOGGED_OUT_KEY) return;
    const userId = loggedOutUser(event.newValue);
    if (userId) onLogout(userId);
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
