import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

// A GraphQL subscriber as the web app is one (graphql-ws at `/graphql`, the session token in the
// `connection_init` payload), for the live-* specs: one socket per `connect`, each subscription
// collecting what it receives.

/** An error the server answered a subscription with (or the socket's close, when refused). */
export interface LiveError {
  message: string;
  extensions?: { code?: string };
}

/** One subscription: what it received so far, and the next value as it comes. */
export interface LiveSubscription<T> {
  /** Every value received, in order (the subscription's one root field of each result). */
  readonly values: readonly T[];
  readonly errors: readonly LiveError[];
  /** Settles when the server ends the subscription (with an error, or complete). */
  readonly done: Promise<void>;
  /** The first value not yet taken by `next`, waiting up to `timeoutMs` for it. */
  next(timeoutMs?: number): Promise<T>;
  /** Every value received, once there are at least `count`, waiting up to `timeoutMs`. */
  received(count: number, timeoutMs?: number): Promise<readonly T[]>;
  /** Unsubscribes. */
  close(): void;
}

/** One graphql-ws connection. */
export interface LiveClient {
  /** Subscribes with `query` (one root field, as GraphQL requires of a subscription). */
  subscribe<T>(query: string, variables?: Record<string, unknown>): LiveSubscription<T>;
  /** How the server closed the socket, once it did. */
  readonly closed: { code: number; reason: string } | undefined;
}

/** The connections a spec opened, to close in its `afterAll`. */
export interface LiveClients {
  /**
   * Opens a connection (lazily, with the first subscription) to `api` (or to the instance `at`)
   * as the holder of `auth`: a session token, the headers `world.bearer` gives, or nothing
   * (anonymous).
   */
  connect(auth?: string | Record<string, string>, at?: { readonly url: string }): LiveClient;
  disposeAll(): Promise<void>;
}

/** Live clients of the API `api()` answers at (read on each `connect`: worlds start in hooks). */
export function liveClients(api: () => { readonly url: string }): LiveClients {
  const disposers: (() => unknown)[] = [];
  return {
    connect(auth, at) {
      const authorization = typeof auth === 'string' ? `Bearer ${auth}` : auth?.authorization;
      let closed: LiveClient['closed'];
      const client = createClient({
        url: `${(at ?? api()).url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: authorization ? { authorization } : {},
        retryAttempts: 0,
        lazy: true,
        on: {
          closed: (event) => {
            const { code, reason } = event as { code: number; reason: string };
            closed ??= { code, reason };
          },
        },
      });
      disposers.push(() => client.dispose());
      return {
        get closed() {
          return closed;
        },
        subscribe: (query, variables = {}) => collect(client, query, variables),
      };
    },
    async disposeAll() {
      for (const dispose of disposers.splice(0)) await dispose();
    },
  };
}

/**
 * Waits until `check` holds (what the server holds in memory: its subscriber count), up to
 * `timeoutMs`; a bounded wait for an observable condition, not a fixed sleep.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Subscribes on `client` and collects what arrives, waking whoever waits for more. */
function collect<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): LiveSubscription<T> {
  const values: T[] = [];
  const errors: LiveError[] = [];
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  let ended = false;
  let unsubscribe: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    unsubscribe = client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          // A subscription has exactly one root field: its value is the event.
          const [value] = Object.values(result.data ?? {});
          if (value !== undefined && value !== null) values.push(value);
          errors.push(...((result.errors ?? []) as LiveError[]));
          wake();
        },
        error: (err) => {
          errors.push(...((Array.isArray(err) ? err : [err]) as LiveError[]));
          resolve();
        },
        complete: () => resolve(),
      },
    );
  }).then(() => {
    ended = true;
    wake();
  });

  const received = async (count: number, timeoutMs = 20_000): Promise<readonly T[]> => {
    const end = Date.now() + timeoutMs;
    while (values.length < count) {
      if (ended) throw new Error(`subscription ended: ${JSON.stringify(errors)}`);
      const left = end - Date.now();
      if (left <= 0) throw new Error(`${values.length} of ${count} values within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
    return values;
  };
  let taken = 0;
  return {
    values,
    errors,
    done,
    received,
    close: () => unsubscribe(),
    async next(timeoutMs) {
      await received(taken + 1, timeoutMs);
      return values[taken++];
    },
  };
}
