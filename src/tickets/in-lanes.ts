/** How a run of {@link inLanes} ended. */
export interface LanesOutcome {
  /** Items handed to the work, a prefix of the list (in its order). */
  readonly started: number;
  /** The first error the work threw; nothing was started after it. Absent when all ran. */
  readonly stoppedBy?: unknown;
}

/**
 * Hands each of `items` to `work` in their order, at most `concurrency` (≥ 1) at once, each item
 * exactly once. The first error `work` throws stops the run: no further item is started, those
 * under way finish (their errors are dropped: the first one is the one to tell), and the outcome
 * says how far it got and why it stopped. No I/O of its own, so it is unit-tested with fakes.
 */
export async function inLanes<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<LanesOutcome> {
  let next = 0;
  let stopped = false;
  let stoppedBy: unknown;
  const lane = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (err) {
        if (!stopped) stoppedBy = err;
        stopped = true;
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return stopped ? { started: next, stoppedBy } : { started: next };
}
