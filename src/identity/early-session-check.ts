import type { IncomingMessage } from 'node:http';
import type { AuthenticatedUser } from './authenticated-user';
import { bearerToken } from './graphql-auth-context';

/** Where a request keeps the session check {@link earlySessionCheck} started for it. */
const SESSION_CHECK = Symbol('sessionCheck');

type CheckedRequest = Pick<IncomingMessage, 'method' | 'url' | 'headers'> & {
  [SESSION_CHECK]?: Promise<AuthenticatedUser>;
};

/**
 * Express middleware, first of the API's: a `POST` to the GraphQL endpoint that carries a bearer
 * token has its session checked (`AuthService.authenticate`: the token verified, the user read
 * fresh, L3-04) from the moment it arrives, while its body is read and Apollo prepares the
 * operation. The auth guard then awaits that check ({@link sessionCheckOf}) instead of starting
 * it: the user's read overlapped the work before the guard instead of following it (issues 5/10:
 * about 1 ms of every authenticated request waited on it here).
 *
 * Nothing is let in earlier: no resolver runs before the guard has the check's answer. An
 * operation that needs no session (`login`) never awaits it, so its failure is caught here and
 * dropped, while the guard, when there is one, still sees it.
 */
export function earlySessionCheck(
  authenticate: (token: string) => Promise<AuthenticatedUser>,
  graphqlPath: string,
) {
  return (req: CheckedRequest, _res: unknown, next: () => void): void => {
    if (req.method === 'POST' && pathOf(req.url) === graphqlPath) {
      const token = bearerToken({ req });
      if (token) {
        const check = authenticate(token);
        check.catch(() => undefined);
        req[SESSION_CHECK] = check;
      }
    }
    next();
  };
}

/** The session check {@link earlySessionCheck} started for `req`, if it started one. */
export function sessionCheckOf(req: unknown): Promise<AuthenticatedUser> | undefined {
  return typeof req === 'object' && req !== null
    ? (req as CheckedRequest)[SESSION_CHECK]
    : undefined;
}

function pathOf(url: string | undefined): string {
  const query = url?.indexOf('?') ?? -1;
  return query < 0 ? (url ?? '') : url!.slice(0, query);
}
