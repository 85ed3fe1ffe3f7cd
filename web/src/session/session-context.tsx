import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Operation, request, setUnauthenticatedHandler } from '../api/graphql-client';
import { LOGIN, ME, type Locale, UPDATE_MY_PREFERENCES, type User } from '../api/operations';
import { useI18n } from '../i18n/i18n-context';
import { forgetCommentFiles } from '../tickets/comment-files-memory';
import { draftKeyPrefix, forgetUserDrafts } from '../tickets/live-draft';
import { tabStorage } from '../tickets/tab-storage';
import {
  forgetSession,
  isExpired,
  loadSession,
  onStoredSessionChange,
  saveSession,
  type Session,
} from './session-storage';

interface SessionApi {
  readonly user: User | undefined;
  /** The session token (for the live-updates WebSocket), undefined when logged out. */
  readonly token: string | undefined;
  /** True when the last session ended by itself (expired or refused), not by logging out. */
  readonly ended: boolean;
  login: (email: string, password: string) => Promise<User>;
  /**
   * Carries on with a fresh session the server handed out (a password change ends every earlier
   * session, this one included, and answers with a new one): the user stays logged in.
   */
  adopt: (next: Session) => void;
  logout: () => void;
  /**
   * Saves the logged-in user's own language and/or time zone on their account (their emails
   * follow it) and keeps the stored user in step. Rejects like any call.
   */
  savePreferences: (input: { locale?: Locale; timeZone?: string }) => Promise<User>;
  /** Sends an operation with this session's token (or none when logged out). */
  call: <TData, TVariables>(
    op: Operation<TData, TVariables>,
    variables: TVariables,
  ) => Promise<TData>;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

// setTimeout takes at most a signed 32-bit number of milliseconds.
const MAX_TIMER_MS = 2_147_483_647;

export function SessionProvider({ children }: { children: ReactNode }) {
  const { adoptAccountLocale, followAccountLocale } = useI18n();
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [ended, setEnded] = useState(false);

  // The current token, for telling a refusal of this session from a late one of a replaced token.
  const currentToken = useRef(session?.token);
  const replace = useCallback((next: Session | undefined, endedByItself = false) => {
    // A session that ended by itself forgets only its own token: another tab may have stored a
    // fresh one meanwhile (it changed the password), and that one carries on.
    if (next === undefined && endedByItself) forgetSession(currentToken.current);
    else saveSession(next);
    currentToken.current = next?.token;
    setSession(next);
    setEnded(endedByItself);
  }, []);

  // The tabs of one browser share one login: a session another tab stores (it logged in, or
  // changed the password and got a fresh one) is taken up here too. A forgotten one is not
  // followed: it may be a tab whose old token was refused while this one is getting the fresh.
  const takeUpStored = useCallback((): boolean => {
    const stored = loadSession();
    if (!stored || stored.token === currentToken.current) return false;
    currentToken.current = stored.token;
    setSession(stored);
    setEnded(false);
    return true;
  }, []);
  useEffect(() => onStoredSessionChange(() => void takeUpStored()), [takeUpStored]);

  // The server refusing the token (expired, user deactivated, password changed elsewhere) ends
  // the session here too; a request still in flight with a token this tab already replaced
  // (after Cambiar contraseña) does not. If another tab has already stored a fresh session (it
  // changed the password), this tab carries on with it at once rather than waiting for the
  // storage event.
  useEffect(() => {
    setUnauthenticatedHandler((refused) => {
      if (refused !== currentToken.current) return;
      if (!takeUpStored()) replace(undefined, true);
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [replace, takeUpStored]);

  // Ends the session at `expiresAt` even if the tab stays open and idle.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(
      () => replace(undefined, true),
      Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(session.expiresAt) - Date.now())),
    );
    return () => window.clearTimeout(timer);
  }, [session, replace]);

  // A stored session: refresh the user (roles or language may have changed since). Its locale
  // does not override this device's language: that was set at login or on the switch since, and
  // a switch clicked while this request is in flight must not be undone by its answer.
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    request(ME, {}, token)
      .then(({ me }) => {
        setSession((current) => {
          if (!current || current.token !== token) return current;
          const next = { ...current, user: me };
          saveSession(next);
          return next;
        });
        adoptAccountLocale(me.locale);
      })
      .catch(() => undefined); // UNAUTHENTICATED is handled above; offline keeps the stored user.
  }, [token, adoptAccountLocale]);

  const login = useCallback(
    async (email: string, password: string) => {
      const { login: result } = await request(LOGIN, { email, password });
      const next: Session = { token: result.token, expiresAt: result.expiresAt, user: result.user };
      if (isExpired(next)) throw new Error('session already expired');
      replace(next);
      // L3-11: logging in, the account's language wins over the one this browser last showed.
      followAccountLocale(result.user.locale);
      return result.user;
    },
    [replace, followAccountLocale],
  );

  // Depends on the token only: refreshing the user must not re-run every screen's queries.
  const call = useCallback(
    <TData, TVariables>(op: Operation<TData, TVariables>, variables: TVariables) =>
      request(op, variables, token),
    [token],
  );
  const savePreferences = useCallback(
    async (input: { locale?: Locale; timeZone?: string }) => {
      const { updateMyPreferences: me } = await request(UPDATE_MY_PREFERENCES, { input }, token);
      setSession((current) => {
        if (!current || current.token !== token) return current;
        const next = { ...current, user: me };
        saveSession(next);
        return next;
      });
      return me;
    },
    [token],
  );
  const logout = useCallback(() => {
    // «Cerrar sesión»: nothing this user typed stays in the tab for the next person.
    if (session) {
      forgetUserDrafts(tabStorage(), session.user.id);
      forgetCommentFiles(draftKeyPrefix(session.user.id));
    }
    replace(undefined);
  }, [replace, session]);
  const adopt = useCallback((next: Session) => replace(next), [replace]);

  const value = useMemo<SessionApi>(
    () => ({ user: session?.user, token, ended, login, adopt, logout, savePreferences, call }),
    [session, token, ended, login, adopt, logout, savePreferences, call],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
