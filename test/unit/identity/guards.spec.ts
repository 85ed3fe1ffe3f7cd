import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import type { AuthService } from '../../../src/identity/auth.service';
import type { AuthenticatedUser } from '../../../src/identity/authenticated-user';
import { GqlAuthGuard } from '../../../src/identity/gql-auth.guard';
import type { GraphQLAuthContext } from '../../../src/identity/graphql-auth-context';
import { OrganizationKind } from '../../../src/identity/organization-kind.enum';
import { Public } from '../../../src/identity/public.decorator';
import { Role } from '../../../src/identity/role.enum';
import { Roles } from '../../../src/identity/roles.decorator';
import { RolesGuard } from '../../../src/identity/roles.guard';

// L3-04: every operation needs a session unless marked public; roles are checked server-side.

class FakeResolver {
  @Public()
  open(this: void): void {}

  closed(this: void): void {}

  @Roles(Role.ADMIN)
  adminOnly(this: void): void {}
}

const CLIENT: AuthenticatedUser = {
  id: 'u-client',
  email: 'usuario@aurora.example',
  organizationId: 'o-aurora',
  organizationKind: OrganizationKind.CLIENT,
  roles: [Role.CLIENT_USER],
  locale: 'es-MX',
  timeZone: 'America/Mexico_City',
};

/** A GraphQL execution context as Nest builds it: args are [root, args, context, info]. */
function graphqlContext(handler: keyof FakeResolver, ctx: GraphQLAuthContext): ExecutionContext {
  const args = [{}, {}, ctx, {}];
  return {
    getType: () => 'graphql',
    getHandler: () => FakeResolver.prototype[handler],
    getClass: () => FakeResolver,
    getArgs: () => args,
    getArgByIndex: (i: number) => args[i],
  } as unknown as ExecutionContext;
}

function fakeAuth(result: AuthenticatedUser | DomainError) {
  const authenticate = jest.fn((token: string | undefined) =>
    result instanceof DomainError
      ? Promise.reject(result)
      : token === 'good'
        ? Promise.resolve(result)
        : Promise.reject(new DomainError(ErrorCode.UNAUTHENTICATED, 'no')),
  );
  return { auth: { authenticate } as unknown as AuthService, authenticate };
}

async function codeOf(run: () => unknown): Promise<ErrorCode | undefined> {
  try {
    await run();
  } catch (err) {
    return err instanceof DomainError ? err.code : undefined;
  }
  return undefined;
}

describe('GqlAuthGuard (L3-04)', () => {
  const reflector = new Reflector();

  it('lets a @Public() operation through without a token', async () => {
    const { auth, authenticate } = fakeAuth(CLIENT);
    const ctx: GraphQLAuthContext = { req: { headers: {} } };
    await expect(
      new GqlAuthGuard(reflector, auth).canActivate(graphqlContext('open', ctx)),
    ).resolves.toBe(true);
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('refuses an unmarked operation without a session (UNAUTHENTICATED)', async () => {
    const { auth } = fakeAuth(CLIENT);
    const ctx: GraphQLAuthContext = { req: { headers: {} } };
    const guard = new GqlAuthGuard(reflector, auth);
    expect(await codeOf(() => guard.canActivate(graphqlContext('closed', ctx)))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    expect(ctx.user).toBeUndefined();
  });

  it('reads the Bearer token and puts the caller on the context, once per request', async () => {
    const { auth, authenticate } = fakeAuth(CLIENT);
    const ctx: GraphQLAuthContext = { req: { headers: { authorization: 'Bearer good' } } };
    const guard = new GqlAuthGuard(reflector, auth);
    await guard.canActivate(graphqlContext('closed', ctx));
    await guard.canActivate(graphqlContext('adminOnly', ctx));
    expect(ctx.user).toBe(CLIENT);
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(authenticate).toHaveBeenCalledWith('good');
  });

  it('ignores non-GraphQL requests (REST /health stays open)', async () => {
    const { auth, authenticate } = fakeAuth(CLIENT);
    const http = { getType: () => 'http' } as unknown as ExecutionContext;
    await expect(new GqlAuthGuard(reflector, auth).canActivate(http)).resolves.toBe(true);
    expect(authenticate).not.toHaveBeenCalled();
  });
});

describe('RolesGuard (L3-04)', () => {
  const guard = new RolesGuard(new Reflector());

  it('is FORBIDDEN when the caller lacks every required role', async () => {
    const ctx: GraphQLAuthContext = { user: CLIENT };
    expect(await codeOf(() => guard.canActivate(graphqlContext('adminOnly', ctx)))).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('lets a caller with a required role through', () => {
    const ctx: GraphQLAuthContext = { user: { ...CLIENT, roles: [Role.ADMIN] } };
    expect(guard.canActivate(graphqlContext('adminOnly', ctx))).toBe(true);
  });

  it('is UNAUTHENTICATED, not FORBIDDEN, when nobody is logged in', async () => {
    expect(await codeOf(() => guard.canActivate(graphqlContext('adminOnly', {})))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
  });

  it('does not restrict operations without @Roles', () => {
    expect(guard.canActivate(graphqlContext('closed', { user: CLIENT }))).toBe(true);
  });
});
