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
import {
  ApiError,
  type Operation,
  request,
  setUnauthenticatedHandler,
} from '../api/graphql-client';
import {
  LOGIN,
  LOGOUT,
  ME,
  type Locale,
  UPDATE_MY_PREFERENCES,
  type User,
} from '../api/operations';
import { useI18n } from '../i18n/i18n-context';
import { forgetCommentFiles } from '../tickets/comment-files-memory';
import { ticketUploads } from '../tickets/ticket-uploads';
import { draftKeyPrefix, forgetUserDrafts } from '../tickets/live-draft';
import { tabStorage } from '../tickets/tab-storage';
import {
  announceLogout,
  forgetSession,
  isExpired,
  loadSession,
  onLogoutElsewhere,
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
  /**
   * Why it ended, when the server said (`endedBecause`: PASSWORD_CHANGED, PASSWORD_RESET,
   * DEACTIVATED, ROLES_REMOVED): the login page words it (QA S60 #11).
   */
  readonly endedBecause: string | undefined;
  login: (email: string, password: string) => Promise<User>;
  /**
   * Carries on with a fresh session the server handed out (a password change ends every earlier
   * session, this one included, and answers with a new one): the user stays logged in.
   */
  adopt: (next: Session) => void;
  /**
   * «Cerrar sesión»: forgets the session in every tab of this browser and ends it on the server
   * (QA S60 #2). The browser forgets it even when the server cannot be reached.
   */
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

/**
 * How a session ends in this tab: «Cerrar sesión» here; «Cerrar sesión» in another tab (heard from
 * it, or from the server refusing the token as logged out); or by itself (expired or refused:
 * the login page says so).
 */
type SessionEnd = 'loggedOut' | 'loggedOutElsewhere' | 'ended';

/** The server's `endedBecause` for a refused `token` (asked with `me`), if it gives one. */
async function whyEnded(token: string): Promise<string | undefined> {
  try {
    await request(ME, {}, token);
    return undefined;
  } catch (err) {
    const because = err instanceof ApiError ? err.extensions.endedBecause : undefined;
    return typeof because === 'string' ? because : undefined;
  }
}

/** «Cerrar sesión»: nothing `userId` typed stays in this tab for the next person. */
function forgetTyped(userId: string): void {
  forgetUserDrafts(tabStorage(), userId);
  forgetCommentFiles(draftKeyPrefix(userId));
  // The new tickets' uploads that ended (stored, or refused with «Reintentar»): the next person
  // neither sees them nor retries them with this session (those still going end on their own).
  ticketUploads.forgetEnded();
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { adoptAccountLocale, followAccountLocale } = useI18n();
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [ended, setEnded] = useState(false);
  const [endedBecause, setEndedBecause] = useState<string>();

  // The current token, for telling a refusal of this session from a late one of a replaced token,
  // and its user.
  const currentToken = useRef(session?.token);
  const currentUserId = useRef(session?.user.id);
  const replace = useCallback(
    (next: Session | undefined, end: SessionEnd = 'loggedOut', because?: string) => {
      // A session that ended by itself, or in another tab, forgets only its own token: another tab
      // may have stored a fresh one meanwhile (it changed the password, or logged in again), and
      // that one carries on.
      if (next === undefined && end !== 'loggedOut') forgetSession(currentToken.current);
      else saveSession(next);
      currentToken.current = next?.token;
      currentUserId.current = next?.user.id;
      setSession(next);
      setEnded(next === undefined && end === 'ended');
      setEndedBecause(next === undefined && end === 'ended' ? because : undefined);
    },
    [],
  );
  // «Cerrar sesión» in another tab of this browser (QA S60 #2): this tab logs out too, at once,
  // as if it had been clicked here (the login page, this user's drafts forgotten), not as a
  // session that expired.
  const loggedOutElsewhere = useCallback(() => {
    if (currentUserId.current) forgetTyped(currentUserId.current);
    replace(undefined, 'loggedOutElsewhere');
  }, [replace]);

  // The tabs of one browser share one login: a session another tab stores (it logged in, or
  // changed the password and got a fresh one) is taken up here too. A forgotten one is not
  // followed: it may be a tab whose old token was refused while this one is getting the fresh.
  const takeUpStored = useCallback((): boolean => {
    const stored = loadSession();
    if (!stored || stored.token === currentToken.current) return false;
    currentToken.current = stored.token;
    currentUserId.current = stored.user.id;
    setSession(stored);
    setEnded(false);
    setEndedBecause(undefined);
    return true;
  }, []);
  useEffect(() => onStoredSessionChange(() => void takeUpStored()), [takeUpStored]);
  // A logout is told apart from that: it is announced under a key of its own, never a removal.
  useEffect(
    () =>
      onLogoutElsewhere((userId) => {
        if (userId === currentUserId.current) loggedOutElsewhere();
      }),
    [loggedOutElsewhere],
  );

  // The server refusing the token (expired, user deactivated, password changed elsewhere) ends
  // the session here too; a request still in flight with a token this tab already replaced
  // (after Cambiar contraseña) does not. If another tab has already stored a fresh session (it
  // changed the password), this tab carries on with it at once rather than waiting for the
  // storage event. A token refused as logged out (another tab's «Cerrar sesión», its announcement
  // not heard yet) is that logout.
  useEffect(() => {
    setUnauthenticatedHandler((refused, endedBecause) => {
      if (refused !== currentToken.current) return;
      if (takeUpStored()) return;
      if (endedBecause === 'LOGGED_OUT') return loggedOutElsewhere();
      replace(undefined, 'ended', endedBecause);
      // A refusal without its cause (the live-updates socket's close): the server says it to one
      // request with that token. Its answer is ignored if another session began meanwhile.
      if (endedBecause === undefined)
        void whyEnded(refused).then((because) => {
          if (because && currentToken.current === undefined) setEndedBecause(because);
        });
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [replace, takeUpStored, loggedOutElsewhere]);

  // Ends the session at `expiresAt` even if the tab stays open and idle.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(
      () => replace(undefined, 'ended'),
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
    if (session) {
      // Ends the token on the server (QA S60 #2: it kept answering); not awaited, and a failure
      // (offline, server down) changes nothing here: this browser forgets the session anyway.
      request(LOGOUT, {}, session.token).catch(() => undefined);
      forgetTyped(session.user.id);
    }
    replace(undefined);
    // After the removal, so a tab hearing it finds no session left to take up.
    if (session) announceLogout(session.user.id);
  }, [replace, session]);
  const adopt = useCallback((next: Session) => replace(next), [replace]);

  const value = useMemo<SessionApi>(
    () => ({
      user: session?.user,
      token,
      ended,
      endedBecause,
      login,
      adopt,
      logout,
      savePreferences,
      call,
    }),
    [session, token, ended, endedBecause, login, adopt, logout, savePreferences, call],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
