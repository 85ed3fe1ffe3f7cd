/**
 * Re-reads `read` until `accept` holds and returns that value: a bounded wait for an observable
 * condition (a workflow, projection or dispatcher reacts on its own schedule), not a fixed sleep.
 * Throws with the last value seen when `timeoutMs` passes.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 30_000,
  pollMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > until) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${describe(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * {@link eventually} for what this process already holds in memory (what a live client received):
 * `read` is synchronous.
 */
export function eventuallyHeld<T>(read: () => T, accept: (value: T) => boolean): Promise<T> {
  return eventually(() => Promise.resolve(read()), accept);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 2_000) ?? String(value);
  } catch {
    return String(value);
  }
}
