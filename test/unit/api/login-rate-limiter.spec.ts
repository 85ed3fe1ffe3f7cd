import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { LoginRateLimiter } from '../../../src/identity/login-rate-limiter';

// Issue 5 item 7: failed logins per email + IP, sliding window, reset on success.

describe('LoginRateLimiter', () => {
  let now = 0;
  const limiter = () => new LoginRateLimiter(3, 60_000, () => now, 4);
  const key = LoginRateLimiter.key(' Ana@Example.com ', '10.0.0.1');
  beforeEach(() => {
    now = 1_000_000;
  });

  function refusal(l: LoginRateLimiter, k = key): DomainError | undefined {
    try {
      l.assertAllowed(k);
      return undefined;
    } catch (err) {
      return err as DomainError;
    }
  }

  it('normalises the email and keeps IPs apart', () => {
    expect(key).toBe('ana@example.com|10.0.0.1');
    expect(LoginRateLimiter.key('ana@example.com', undefined)).toBe('ana@example.com|unknown');
  });

  it('locks a key out after maxFailures within the window, with a retry-after', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) {
      expect(refusal(l)).toBeUndefined();
      l.recordFailure(key);
      now += 10_000;
    }
    const err = refusal(l);
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.code).toBe(ErrorCode.RATE_LIMITED);
    // the oldest failure (at 1_000_000) leaves the window at 1_060_000; now is 1_030_000
    expect(err!.details).toEqual({ retryAfterSeconds: 30 });
    expect(err!.message).toContain('30 s');
    // another IP for the same email is not affected
    expect(refusal(l, LoginRateLimiter.key('ana@example.com', '10.0.0.2'))).toBeUndefined();
  });

  it('lets the key in again once failures slide out of the window', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure(key);
    expect(refusal(l)?.code).toBe(ErrorCode.RATE_LIMITED);
    now += 60_001;
    expect(refusal(l)).toBeUndefined();
  });

  it('a success (reset) clears the count', () => {
    const l = limiter();
    l.recordFailure(key);
    l.recordFailure(key);
    l.reset(key);
    l.recordFailure(key);
    l.recordFailure(key);
    expect(refusal(l)).toBeUndefined();
  });

  it('sweeps expired keys so memory stays bounded', () => {
    const l = limiter();
    for (let i = 0; i < 4; i++) l.recordFailure(`k${i}`);
    now += 60_001;
    l.recordFailure('fresh');
    expect((l as unknown as { failures: Map<string, number[]> }).failures.size).toBe(1);
  });
});
