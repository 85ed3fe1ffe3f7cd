import type { IncomingHttpHeaders } from 'node:http';
import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { graphQLContext } from '../../../src/api/graphql-options';
import type { AuthenticatedUser } from '../../../src/identity/authenticated-user';
import { earlySessionCheck, sessionCheckOf } from '../../../src/identity/early-session-check';
import { OrganizationKind } from '../../../src/identity/organization-kind.enum';
import { Role } from '../../../src/identity/role.enum';

// L3-04: the session is checked fresh on every request; issues 5/10: the check starts as a
// GraphQL request arrives, and no resolver runs before the guard has its answer.

const MANAGER: AuthenticatedUser = {
  id: 'u-manager',
  email: 'gerente@proveedor.example',
  organizationId: 'o-provider',
  organizationKind: OrganizationKind.PROVIDER,
  roles: [Role.MANAGER],
  locale: 'es-MX',
  timeZone: 'America/Mexico_City',
};

function request(method: string, url: string, headers: IncomingHttpHeaders = {}) {
  return { method, url, headers };
}

function middleware(result: AuthenticatedUser | DomainError = MANAGER) {
  const authenticate = jest.fn((_token: string) =>
    result instanceof DomainError ? Promise.reject(result) : Promise.resolve(result),
  );
  const next = jest.fn();
  return { check: earlySessionCheck(authenticate, '/graphql'), authenticate, next };
}

describe('earlySessionCheck (L3-04)', () => {
  it("starts a GraphQL POST's session check on arrival; the context hands it to the guard", async () => {
    const { check, authenticate, next } = middleware();
    const req = request('POST', '/graphql', { authorization: 'Bearer tok-1' });
    check(req, {}, next);
    expect(authenticate).toHaveBeenCalledWith('tok-1');
    expect(next).toHaveBeenCalledTimes(1);
    await expect(sessionCheckOf(req)).resolves.toBe(MANAGER);
    const ctx = graphQLContext({ req });
    expect(ctx.authentication).toBe(sessionCheckOf(req));
  });

  it('also with a query string in the URL', () => {
    const { check, authenticate, next } = middleware();
    check(request('POST', '/graphql?op=board', { authorization: 'Bearer t' }), {}, next);
    expect(authenticate).toHaveBeenCalledWith('t');
  });

  it.each([
    ['a GET', request('GET', '/graphql', { authorization: 'Bearer t' })],
    ['another path', request('POST', '/api/attachments', { authorization: 'Bearer t' })],
    ['a longer path', request('POST', '/graphqlx', { authorization: 'Bearer t' })],
    ['no token', request('POST', '/graphql')],
    ['a non-Bearer scheme', request('POST', '/graphql', { authorization: 'Basic YTpi' })],
  ])('starts nothing for %s (the guard checks as before)', (_label, req) => {
    const { check, authenticate, next } = middleware();
    check(req, {}, next);
    expect(authenticate).not.toHaveBeenCalled();
    expect(next).toHaveBeenCalledTimes(1);
    expect(sessionCheckOf(req)).toBeUndefined();
    expect(graphQLContext({ req })).toEqual({ req });
  });

  it('a refused check nobody awaits (a public operation) is no unhandled rejection; awaited, it refuses', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { check, next } = middleware(new DomainError(ErrorCode.UNAUTHENTICATED, 'ended'));
      const req = request('POST', '/graphql', { authorization: 'Bearer stale' });
      check(req, {}, next);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(sessionCheckOf(req)).rejects.toMatchObject({
        code: ErrorCode.UNAUTHENTICATED,
      });
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('sessionCheckOf answers undefined for anything that is not a request object', () => {
    expect(sessionCheckOf(undefined)).toBeUndefined();
    expect(sessionCheckOf(null)).toBeUndefined();
    expect(sessionCheckOf('req')).toBeUndefined();
  });
});
