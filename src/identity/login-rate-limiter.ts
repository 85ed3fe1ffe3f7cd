import { DomainError, ErrorCode } from '../common/errors/domain-error';

/**
 * Where a throttle's failures are kept, with the store's own clock: in production PostgreSQL
 * ({@link PgFailureLog}), so every API instance counts the same failures.
 */
export interface FailureLog {
  /** The instants (ms) of `key`'s failures within the last `windowMs`, oldest first, and now. */
  recent(
    key: string,
    windowMs: number,
  ): Promise<{ readonly now: number; readonly failures: readonly number[] }>;
  /** Records a failure of `key` now; failures older than `windowMs` (of any key) may go. */
  add(key: string, windowMs: number): Promise<void>;
  /** Forgets `key`'s failures. */
  clear(key: string): Promise<void>;
}

/**
 * Failed-attempt throttle per key (email or user + client IP): after `maxFailures` failures within
 * `windowMs` (a sliding window), every further attempt for that key is RATE_LIMITED until the
 * oldest counted failure leaves the window; a success clears the key. `scope` keeps throttles
 * apart in one log (logins, password changes).
 */
export class LoginRateLimiter {
  constructor(
    private readonly log: FailureLog,
    private readonly scope: string,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  static key(email: string, ip: string | undefined): string {
    return `${email.trim().toLowerCase()}|${ip ?? 'unknown'}`;
  }

  /** Throws RATE_LIMITED (with `retryAfterSeconds`) while the key is locked out; `what` opens
   * its message. */
  async assertAllowed(key: string, what = 'Too many failed logins'): Promise<void> {
    const { now, failures } = await this.log.recent(this.scoped(key), this.windowMs);
    if (failures.length < this.maxFailures) return;
    const retryAfterMs = failures[failures.length - this.maxFailures] + this.windowMs - now;
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new DomainError(ErrorCode.RATE_LIMITED, `${what}; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }

  recordFailure(key: string): Promise<void> {
    return this.log.add(this.scoped(key), this.windowMs);
  }

  reset(key: string): Promise<void> {
    return this.log.clear(this.scoped(key));
  }

  private scoped(key: string): string {
    return `${this.scope}:${key}`;
  }
}
