/** Every `extensions.code` the API sends, plus NETWORK when it could not be reached at all. */
export type ApiErrorCode =
  | 'NETWORK'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** The codes the API sends (NETWORK is the client's own). */
const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT',
  'INVALID_TRANSITION',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
]);

/** Whether `code` is one the API sends (the HTTP routes answer the same codes as GraphQL). */
export function isApiErrorCode(code: string): code is ApiErrorCode {
  return KNOWN_CODES.has(code);
}

/** A failed operation: a stable code to show in words, and the server's own (English) message. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** RATE_LIMITED: seconds until the server takes the next attempt. */
    readonly retryAfterSeconds?: number,
    /** The server's `extensions.reason` when it gives one (e.g. EXCEEDS_AUTHORIZED_ESTIMATE). */
    readonly reason?: string,
    /** The error's whole `extensions` (reason parameters, `violations`…), for wording it. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A GraphQL document tagged with its result and variables types. */
export type Operation<TData, TVariables> = string & {
  readonly __types?: (v: TVariables) => TData;
};

export function operation<TData, TVariables = Record<string, never>>(
  document: string,
): Operation<TData, TVariables> {
  return document;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; retryAfterSeconds?: unknown; reason?: unknown } & Record<
      string,
      unknown
    >;
  }[];
}

/**
 * Called with the refused token when the server says the session is no longer valid (expired,
 * user deactivated, ended by a password change…), and the server's `endedBecause` when it gives
 * one (`LOGGED_OUT`: «Cerrar sesión» with this token, in another tab).
 */
type UnauthenticatedHandler = (token: string, endedBecause?: string) => void;
let onUnauthenticated: UnauthenticatedHandler | undefined;
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler | undefined): void {
  onUnauthenticated = handler;
}

/**
 * Reports that the server refused `token` (UNAUTHENTICATED): over GraphQL, the attachment routes
 * (HTTP 401) or the live-updates socket (close 4401). The session ends as for any refusal.
 */
export function sessionRefused(
  token: string,
  extensions?: Readonly<Record<string, unknown>>,
): void {
  const endedBecause = extensions?.endedBecause;
  onUnauthenticated?.(token, typeof endedBecause === 'string' ? endedBecause : undefined);
}

/** POSTs one operation to `/graphql`; resolves with `data` or rejects with an `ApiError`. */
export async function request<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: op, variables }),
    });
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  let body: GraphQLBody<TData>;
  try {
    body = (await response.json()) as GraphQLBody<TData>;
  } catch {
    // A proxy's HTML error page or an empty answer: the API itself is not there.
    throw new ApiError(
      response.status >= 500 ? 'UNAVAILABLE' : 'NETWORK',
      `HTTP ${response.status}`,
    );
  }
  const first = body.errors?.[0];
  if (first) {
    const raw = first.extensions?.code ?? 'INTERNAL';
    const code: ApiErrorCode = isApiErrorCode(raw) ? raw : 'INTERNAL';
    if (code === 'UNAUTHENTICATED' && token) sessionRefused(token, first.extensions);
    const retryAfter = first.extensions?.retryAfterSeconds;
    throw new ApiError(
      code,
      first.message,
      typeof retryAfter === 'number' && retryAfter > 0 ? retryAfter : undefined,
      typeof first.extensions?.reason === 'string' ? first.extensions.reason : undefined,
      first.extensions ?? {},
    );
  }
  if (!body.data) throw new ApiError('INTERNAL', `HTTP ${response.status} without data`);
  return body.data;
}
