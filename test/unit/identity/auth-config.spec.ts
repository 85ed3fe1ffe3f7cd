import { DEV_TOKEN_SECRET, loadAppConfig } from '../../../src/config/app-config';
import { ConfigValidationError } from '../../../src/config/env-reader';

// L3-04: sessions are only as safe as their signing key, so production refuses a weak or missing one.

const BASE = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/sla',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  SMTP_URL: 'smtp://127.0.0.1:1025',
};

function issues(env: Record<string, string>): string[] {
  try {
    loadAppConfig({ ...BASE, ...env });
  } catch (err) {
    if (err instanceof ConfigValidationError) return [...err.issues];
    throw err;
  }
  return [];
}

describe('auth configuration (L3-04)', () => {
  it('defaults to the development key and an 8 hour session outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadAppConfig({ ...BASE, NODE_ENV }).auth).toEqual({
        tokenSecret: DEV_TOKEN_SECRET,
        tokenTtlSeconds: 8 * 60 * 60,
      });
    }
  });

  it('takes AUTH_TOKEN_SECRET and AUTH_TOKEN_TTL (seconds)', () => {
    const secret = 's'.repeat(40);
    const config = loadAppConfig({ ...BASE, AUTH_TOKEN_SECRET: secret, AUTH_TOKEN_TTL: '900' });
    expect(config.auth).toEqual({ tokenSecret: secret, tokenTtlSeconds: 900 });
  });

  it('requires a secret in production', () => {
    expect(issues({ NODE_ENV: 'production' }).join('\n')).toMatch(
      /AUTH_TOKEN_SECRET is required in production/,
    );
    expect(issues({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'p'.repeat(32) })).toEqual([]);
  });

  it('refuses a short secret without printing it', () => {
    const secret = 'short-secret-abc';
    const found = issues({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: secret });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/AUTH_TOKEN_SECRET must be at least 32 characters/);
    expect(found[0]).not.toContain(secret);
  });

  it('refuses the public development key in production', () => {
    expect(issues({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: DEV_TOKEN_SECRET })).toHaveLength(1);
  });

  it.each(['0', '59', '8h', '-1'])('refuses AUTH_TOKEN_TTL=%j', (ttl) => {
    expect(issues({ AUTH_TOKEN_TTL: ttl }).join('\n')).toMatch(/AUTH_TOKEN_TTL/);
  });
});
