import { useCallback, useEffect, useState } from 'react';
import type { Operation } from '../api/graphql-client';
import { useSession } from '../session/session-context';

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload: () => Promise<void>;
}

/** Runs a query with the session's token when `key` changes; keeps the last data while reloading. */
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

  const run = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await call(op, JSON.parse(key) as TVariables);
      setState({ data, loading: false });
    } catch (error) {
      setState((s) => ({ data: s.data, error, loading: false }));
    }
  }, [call, op, key]);

  useEffect(() => {
    if (!skip) void run();
  }, [run, skip]);

  return { data: state.data, error: state.error, loading: state.loading, reload: run };
}
