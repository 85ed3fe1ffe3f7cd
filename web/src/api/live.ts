import { createClient } from 'graphql-ws/client';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session/session-context';

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

/** ws(s)://<this host>/graphql: the API serves the app and the WebSocket on the same origin. */
function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Calls `onChange` when a ticket the user may see changes (one ticket when `number` is given),
 * over the API's `ticketChanged` subscription (graphql-ws). Changes missed while the socket was
 * down are not replayed, so `onChange` also runs after every reconnection: the screen re-reads
 * what it shows. Returns whether the feed is live, so a screen can say so (and fall back).
 */
export function useTicketChanges(
  onChange: (change: TicketChange | undefined) => void,
  number?: string,
): LiveStatus {
  const { token } = useSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    if (!token) {
      setStatus('offline');
      return;
    }
    // A disposed client still reports its closing; only this effect's client may act.
    let active = true;
    let pending: number | undefined;
    let last: TicketChange | undefined;
    const notify = (change: TicketChange | undefined) => {
      if (!active) return;
      last = change ?? last;
      window.clearTimeout(pending);
      pending = window.setTimeout(() => callback.current(last), SETTLE_MS);
    };
    let connectedBefore = false;
    const set = (next: LiveStatus) => {
      if (active) setStatus(next);
    };
    setStatus('connecting');
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
          set('live');
          if (connectedBefore) notify(undefined);
          connectedBefore = true;
        },
        closed: () => set('connecting'),
      },
    });
    const unsubscribe = client.subscribe<{ ticketChanged: TicketChange }>(
      { query: TICKET_CHANGED, variables: number ? { number } : {} },
      {
        next: (result) => {
          if (result.data?.ticketChanged) notify(result.data.ticketChanged);
        },
        error: () => set('offline'),
        complete: () => undefined,
      },
    );
    return () => {
      active = false;
      window.clearTimeout(pending);
      unsubscribe();
      void client.dispose();
    };
  }, [token, number]);

  return status;
}
