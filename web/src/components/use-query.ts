import { useCallback, useEffect, useRef, useState } from 'react';
import type { Operation } from '../api/graphql-client';
import { useSession } from '../session/session-context';

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Runs a query with the session's token when `key` changes; keeps the last data while reloading.
 * Only the newest request's answer is shown: an older one that arrives later (the variables
 * changed meanwhile) is dropped, so the data always matches the current variables.
 */
export function useQuery<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  skip = false,
): QueryState<TData> {
  const { call } = useSession();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: TData; error?: unknown; loading: boolean }>({
    loading: !skip,
  });

  const newest = useRef(0);
  // The newest request in flight: a `reload` whose answer a newer request replaced waits for that
  // one, so "reloaded" always means "the data shown is fresh" (e.g. a notice after a save).
  const latest = useRef<Promise<void>>(Promise.resolve());
  const run = useCallback(async (): Promise<void> => {
    const request = ++newest.current;
    setState((s) => ({ ...s, loading: true }));
    const settled = (async () => {
      try {
        const data = await call(op, JSON.parse(key) as TVariables);
        if (request === newest.current) setState({ data, loading: false });
      } catch (error) {
        if (request === newest.current) setState((s) => ({ data: s.data, error, loading: false }));
      }
    })();
    latest.current = settled;
    // Replaced meanwhile: wait for the request whose answer is shown (the last one started).
    let waited: Promise<void> | undefined;
    while (waited !== latest.current) {
      waited = latest.current;
      await waited;
    }
  }, [call, op, key]);

  useEffect(() => {
    if (!skip) void run();
  }, [run, skip]);

  return { data: state.data, error: state.error, loading: state.loading, reload: run };
}
