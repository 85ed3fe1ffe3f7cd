import { DomainError, ErrorCode } from '../common/errors/domain-error';

/**
 * Failed-login throttle per email + client IP: after `maxFailures` failures within `windowMs`
 * (a sliding window), every further attempt for that pair is RATE_LIMITED until the oldest
 * counted failure leaves the window; a successful login clears the pair.
 *
 * In memory, per process: each API instance counts on its own. Several instances behind a load
 * balancer would need a shared store (e.g. a PostgreSQL table or Redis) to enforce one limit.
 */
export class LoginRateLimiter {
  /** Failure times (ms) per key, oldest first. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Keys kept before expired ones are swept (bounds memory under a spray of emails). */
    private readonly sweepAbove = 10_000,
  ) {}

  static key(email: string, ip: string | undefined): string {
    return `${email.trim().toLowerCase()}|${ip ?? 'unknown'}`;
  }

  /** Throws RATE_LIMITED (with `retryAfterSeconds`) while the key is locked out. */
  assertAllowed(key: string): void {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return;
    const retryAfterMs = recent[recent.length - this.maxFailures] + this.windowMs - this.now();
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new DomainError(
      ErrorCode.RATE_LIMITED,
      `Too many failed logins; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }

  recordFailure(key: string): void {
    if (this.failures.size >= this.sweepAbove) this.sweep();
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  /** The key's failures still inside the window (expired ones are dropped). */
  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
