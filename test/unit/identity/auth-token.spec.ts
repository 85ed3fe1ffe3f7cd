import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { type AppConfig, loadAppConfig } from '../../../src/config/app-config';
import { AuthTokenService } from '../../../src/identity/auth-token.service';
import { Role } from '../../../src/identity/role.enum';

// L3-04: a session token names the user, their organization and roles, and dies at its expiry.

const SECRET = 'unit-test-secret-that-is-long-enough-for-hs256';
const config = loadAppConfig({
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/sla',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  AUTH_TOKEN_SECRET: SECRET,
  AUTH_TOKEN_TTL: '3600',
});
const user = {
  id: '6f1c3f5e-4a4b-4c8e-9d2a-0b1c2d3e4f50',
  organizationId: '0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d',
  roles: [Role.CLIENT_USER, Role.CLIENT_APPROVER],
};
const T0 = new Date('2026-03-02T15:00:00Z');

function service(secret = SECRET, cfg: AppConfig = config): AuthTokenService {
  return new AuthTokenService(new JwtService({ secret }), cfg);
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('AuthTokenService (L3-04)', () => {
  it('issues an HS256 token with sub, org and roles that expires after AUTH_TOKEN_TTL', async () => {
    const { token, expiresAt } = service().issue(user, T0);
    expect(expiresAt.toISOString()).toBe('2026-03-02T16:00:00.000Z');
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('HS256');
    const claims = await service().verify(token, new Date(T0.getTime() + 30 * 60_000));
    expect(claims).toMatchObject({
      sub: user.id,
      org: user.organizationId,
      roles: user.roles,
      iat: T0.getTime() / 1000,
      exp: expiresAt.getTime() / 1000,
    });
  });

  it('refuses the token once it has expired', async () => {
    const { token, expiresAt } = service().issue(user, T0);
    const error = await failure(service().verify(token, new Date(expiresAt.getTime() + 1_000)));
    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(error.message).toMatch(/expired/);
  });

  it('refuses a token signed with another key', async () => {
    const { token } = service('another-secret-that-is-also-long-enough-x').issue(user, T0);
    expect((await failure(service().verify(token, T0))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('refuses a token whose payload was altered', async () => {
    const { token } = service().issue(user, T0);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        sub: user.id,
        org: user.organizationId,
        roles: [Role.ADMIN],
        iat: 0,
        exp: 9e9,
      }),
    ).toString('base64url');
    const error = await failure(service().verify(`${header}.${forged}.${signature}`, T0));
    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('refuses an unsigned ("alg": "none") token', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: user.id, org: user.organizationId, roles: [Role.ADMIN], iat: 0, exp: 9e9 })}.`;
    expect((await failure(service().verify(unsigned, T0))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('refuses a genuine token whose claims are not a session', async () => {
    const token = new JwtService({ secret: SECRET }).sign({ sub: 'not-a-uuid', roles: ['ROOT'] });
    expect((await failure(service().verify(token))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });
});
