import { type Client, createClient } from 'graphql-ws/client';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session/session-context';
import { sessionRefused } from './graphql-client';

/** One change of a ticket's read model, as the `ticketChanged` subscription pushes it. */
export interface TicketChange {
  number: string;
  organizationId: string;
  state: string;
  slaStatus: string;
  nextDeadline: string | null;
  updatedAt: string;
}

const TICKET_CHANGED = `subscription TicketChanged($number: String) {
  ticketChanged(number: $number) { number organizationId state slaStatus nextDeadline updatedAt }
}`;

/** `live`: the subscription is up; `connecting`: (re)connecting; `offline`: gave up or refused. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

/** Changes that arrive together (one transition projects several events) give one refresh. */
const SETTLE_MS = 250;

/**
 * The close code the API ends a refused or ended session's socket with (`src/live/ws-close.ts`,
 * reason `UNAUTHENTICATED: <why>`); graphql-ws does not retry it.
 */
const SESSION_ENDED_CLOSE = 4401;

/** ws(s)://<this host>/graphql: the API serves the app and the WebSocket on the same origin. */
function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Whether a subscription failed because the server no longer takes the session (L3-04): its
 * socket closed with 4401 (a password change, reset, deactivation or removed role elsewhere, or
 * an expired token), or the subscription was answered UNAUTHENTICATED.
 */
function refusesSession(error: unknown): boolean {
  if (Array.isArray(error)) return error.some(refusesSession);
  if (typeof error !== 'object' || error === null) return false;
  const { code, extensions } = error as { code?: unknown; extensions?: { code?: unknown } };
  return code === SESSION_ENDED_CLOSE || extensions?.code === 'UNAUTHENTICATED';
}

/** One graphql-ws client per session token, shared by every screen part that follows changes. */
interface SharedClient {
  readonly client: Client;
  /** Whether its socket is open and acknowledged. */
  readonly connected: boolean;
  /** How many hooks use it; the last to leave disposes of it. */
  users: number;
}

const clients = new Map<string, SharedClient>();

/**
 * The session's client, opened on first use. One socket carries every subscription of the tab
 * (the ticket page and its attachments follow the same ticket over one connection).
 */
function acquireClient(token: string): SharedClient {
  const known = clients.get(token);
  if (known) {
    known.users += 1;
    return known;
  }
  let connected = false;
  const client = createClient({
    url: socketUrl(),
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    // Keep trying (with the library's randomised exponential backoff) while the screen is open.
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    keepAlive: 20_000,
    on: {
      connected: () => {
        connected = true;
      },
      closed: () => {
        connected = false;
      },
    },
  });
  const shared: SharedClient = {
    client,
    users: 1,
    get connected() {
      return connected;
    },
  };
  clients.set(token, shared);
  return shared;
}

function releaseClient(token: string, shared: SharedClient): void {
  shared.users -= 1;
  if (shared.users > 0) return;
  if (clients.get(token) === shared) clients.delete(token);
  void shared.client.dispose();
}

/**
 * Follows one subscription over the session's shared socket and calls `onChange` with each value
 * `pick` reads from its results, settled ({@link SETTLE_MS}), and with `undefined` after every
 * reconnection (what was missed is not replayed: the screen re-reads what it shows). Returns
 * whether the feed is live. L3-04: a refused session ends the app's session. `skip`: nothing is
 * followed (and `offline` returned) while the screen part shows nothing it would re-read.
 */
function useLiveSubscription<R, T>(
  query: string,
  variables: Record<string, string> | undefined,
  pick: (data: R) => T | undefined,
  onChange: (change: T | undefined) => void,
  skip = false,
): LiveStatus {
  const { token } = useSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;
  const picker = useRef(pick);
  picker.current = pick;
  const variablesKey = JSON.stringify(variables ?? {});

  useEffect(() => {
    if (!token || skip) {
      setStatus('offline');
      return;
    }
    // A released client may still report its closing; only this effect's subscription may act.
    let active = true;
    let pending: number | undefined;
    let last: T | undefined;
    const notify = (change: T | undefined) => {
      if (!active) return;
      last = change ?? last;
      window.clearTimeout(pending);
      pending = window.setTimeout(() => callback.current(last), SETTLE_MS);
    };
    const set = (next: LiveStatus) => {
      if (active) setStatus(next);
    };
    const shared = acquireClient(token);
    // Joining a socket that is already up: the next `connected` is a reconnection.
    let connectedBefore = shared.connected;
    setStatus(shared.connected ? 'live' : 'connecting');
    const stopListening = [
      shared.client.on('connected', () => {
        set('live');
        if (connectedBefore) notify(undefined);
        connectedBefore = true;
      }),
      shared.client.on('closed', () => set('connecting')),
    ];
    const unsubscribe = shared.client.subscribe<R>(
      { query, variables: JSON.parse(variablesKey) as Record<string, string> },
      {
        next: (result) => {
          const change = result.data ? picker.current(result.data) : undefined;
          if (change) notify(change);
        },
        error: (error) => {
          // The session context ignores a token it already replaced (Cambiar contraseña).
          if (refusesSession(error)) sessionRefused(token);
          set('offline');
        },
        complete: () => undefined,
      },
    );
    return () => {
      active = false;
      window.clearTimeout(pending);
      unsubscribe();
      for (const stop of stopListening) stop();
      releaseClient(token, shared);
    };
  }, [token, query, variablesKey, skip]);

  return status;
}

/**
 * Calls `onChange` when a ticket the user may see changes (one ticket when `number` is given),
 * over the API's `ticketChanged` subscription (graphql-ws). Changes missed while the socket was
 * down are not replayed, so `onChange` also runs after every reconnection: the screen re-reads
 * what it shows. Returns whether the feed is live, so a screen can say so (and fall back).
 *
 * L3-04: when the server ends the session (the socket closes with 4401, or the subscription is
 * refused UNAUTHENTICATED), the session ends here as for a refused HTTP request: the app goes to
 * the login page and says the session ended, without waiting for the user's next action.
 */
export function useTicketChanges(
  onChange: (change: TicketChange | undefined) => void,
  number?: string,
): LiveStatus {
  return useLiveSubscription<{ ticketChanged?: TicketChange }, TicketChange>(
    TICKET_CHANGED,
    number ? { number } : undefined,
    (data) => data.ticketChanged,
    onChange,
  );
}

/** A client's prepaid hours changed, as the `hoursChanged` subscription pushes it. */
export interface HoursChange {
  organizationId: string;
}

const HOURS_CHANGED = `subscription HoursChanged($organizationId: ID) {
  hoursChanged(organizationId: $organizationId) { organizationId }
}`;

/**
 * L3-13, L3-12: calls `onChange` when the hours of `organizationId` change (a package bought, an
 * adjustment, a reversal, time logged, an estimate held or released), over the API's
 * `hoursChanged` subscription, settled and after every reconnection as {@link useTicketChanges}.
 * `skip`: not followed (e.g. a form that shows no balance).
 */
export function useHoursChanges(
  onChange: (change: HoursChange | undefined) => void,
  organizationId: string,
  skip = false,
): LiveStatus {
  return useLiveSubscription<{ hoursChanged?: HoursChange }, HoursChange>(
    HOURS_CHANGED,
    { organizationId },
    (data) => data.hoursChanged,
    onChange,
    skip,
  );
}
