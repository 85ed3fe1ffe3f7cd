/** How long to wait before retrying a failed send. */
export interface BackoffPolicy {
  /** Delay before the second attempt (before jitter). */
  readonly baseMs: number;
  /** No delay is ever longer than this. */
  readonly capMs: number;
}

/**
 * Exponential backoff with "equal jitter": the nominal delay `base · 2^(attempt-1)`, capped, of
 * which half is fixed and half random, so dispatchers that failed together do not retry together
 * and the wait still grows. `attempt` is the number of attempts made so far (≥ 1).
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const nominal = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const half = nominal / 2;
  return Math.round(half + half * Math.min(Math.max(random(), 0), 1));
}
