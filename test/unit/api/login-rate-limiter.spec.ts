import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { type FailureLog, LoginRateLimiter } from '../../../src/identity/login-rate-limiter';

// Issue 5 item 7: failed logins per email + IP, sliding window, reset on success. The decision
// over a fake failure log with a fake clock; the PostgreSQL log (shared by API instances) is
// tested in test/integration/api-hardening.spec.ts.

/** Failures in memory, on the test's clock. */
class MemoryFailureLog implements FailureLog {
  readonly rows: { key: string; at: number }[] = [];
  constructor(private readonly clock: () => number) {}

  recent(key: string, windowMs: number) {
    const now = this.clock();
    const failures = this.rows.filter((r) => r.key === key && r.at > now - windowMs);
    return Promise.resolve({ now, failures: failures.map((r) => r.at) });
  }

  add(key: string): Promise<void> {
    this.rows.push({ key, at: this.clock() });
    return Promise.resolve();
  }

  clear(key: string): Promise<void> {
    for (let i = this.rows.length - 1; i >= 0; i--)
      if (this.rows[i].key === key) this.rows.splice(i, 1);
    return Promise.resolve();
  }
}

describe('LoginRateLimiter', () => {
  let now = 0;
  let log: MemoryFailureLog;
  const limiter = (scope = 'login') => new LoginRateLimiter(log, scope, 3, 60_000);
  const key = LoginRateLimiter.key(' Ana@Example.com ', '10.0.0.1');
  beforeEach(() => {
    now = 1_000_000;
    log = new MemoryFailureLog(() => now);
  });

  async function refusal(l: LoginRateLimiter, k = key): Promise<DomainError | undefined> {
    try {
      await l.assertAllowed(k);
      return undefined;
    } catch (err) {
      return err as DomainError;
    }
  }

  it('normalises the email and keeps IPs apart', () => {
    expect(key).toBe('ana@example.com|10.0.0.1');
    expect(LoginRateLimiter.key('ana@example.com', undefined)).toBe('ana@example.com|unknown');
  });

  it('locks a key out after maxFailures within the window, with a retry-after', async () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) {
      expect(await refusal(l)).toBeUndefined();
      await l.recordFailure(key);
      now += 10_000;
    }
    const err = await refusal(l);
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.code).toBe(ErrorCode.RATE_LIMITED);
    // the oldest failure (at 1_000_000) leaves the window at 1_060_000; now is 1_030_000
    expect(err!.details).toEqual({ retryAfterSeconds: 30 });
    expect(err!.message).toContain('30 s');
    // another IP for the same email is not affected
    expect(await refusal(l, LoginRateLimiter.key('ana@example.com', '10.0.0.2'))).toBeUndefined();
  });

  it('lets the key in again once failures slide out of the window', async () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) await l.recordFailure(key);
    expect((await refusal(l))?.code).toBe(ErrorCode.RATE_LIMITED);
    now += 60_001;
    expect(await refusal(l)).toBeUndefined();
  });

  it('a success (reset) clears the count', async () => {
    const l = limiter();
    await l.recordFailure(key);
    await l.recordFailure(key);
    await l.reset(key);
    await l.recordFailure(key);
    await l.recordFailure(key);
    expect(await refusal(l)).toBeUndefined();
  });

  it('keeps scopes apart in one log: failed logins do not throttle password changes', async () => {
    const logins = limiter('login');
    const changes = limiter('password');
    for (let i = 0; i < 3; i++) await logins.recordFailure(key);
    expect((await refusal(logins))?.code).toBe(ErrorCode.RATE_LIMITED);
    expect(await refusal(changes)).toBeUndefined();
    expect(new Set(log.rows.map((r) => r.key))).toEqual(new Set([`login:${key}`]));
  });
});
