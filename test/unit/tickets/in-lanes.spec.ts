import { inLanes } from '../../../src/tickets/in-lanes';

// L3-09/L3-12 adopt-reminders: the tickets are asked and woken a few at a time, in order, each
// once; the first failure that must stop the run (no worker) stops it.

/** A work whose calls wait until released, recording starts and the most in flight at once. */
function gatedWork(failOn?: number) {
  const started: number[] = [];
  const gates = new Map<number, () => void>();
  let inFlight = 0;
  let most = 0;
  const work = async (item: number): Promise<void> => {
    started.push(item);
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise<void>((resolve) => gates.set(item, resolve));
    inFlight--;
    if (item === failOn) throw new Error(`no worker answered ticket ${item}`);
  };
  /** Releases every started, unreleased call, oldest first, until the run settles. */
  const drain = async (run: Promise<unknown>): Promise<void> => {
    let done = false;
    void run.finally(() => (done = true));
    while (!done) {
      await new Promise((r) => setImmediate(r));
      const [first] = gates.keys();
      if (first !== undefined) {
        const release = gates.get(first)!;
        gates.delete(first);
        release();
      }
    }
  };
  return { work, started, drain, most: () => most };
}

const items = Array.from({ length: 20 }, (_, i) => i + 1);

describe('inLanes: a few at a time, in order, each once', () => {
  it('runs at most 8 at once, starts them in order, each exactly once', async () => {
    const { work, started, drain, most } = gatedWork();
    const run = inLanes(items, 8, work);
    await drain(run);
    expect(await run).toEqual({ started: 20 });
    expect(started).toEqual(items);
    expect(most()).toBe(8);
  });

  it('starts 8 before any finishes, and no more', async () => {
    const { work, started } = gatedWork();
    void inLanes(items, 8, work);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('stops at the first error: nothing new starts, those under way finish, the error is told', async () => {
    const { work, started, drain } = gatedWork(3);
    const run = inLanes(items, 8, work);
    await drain(run);
    const outcome = await run;
    // 1…8 were under way; releasing 1 and 2 started 9 and 10; 3 failed: nothing after.
    expect(outcome.started).toBe(10);
    expect(started).toEqual(items.slice(0, 10));
    expect(new Set(started).size).toBe(started.length);
    expect(outcome.stoppedBy).toEqual(new Error('no worker answered ticket 3'));
  });

  it('keeps the first error when later ones follow, and copes with one lane and no items', async () => {
    const failing = async (item: number) => {
      await Promise.resolve();
      throw new Error(`failed ${item}`);
    };
    const outcome = await inLanes([1, 2, 3], 2, failing);
    expect(outcome).toEqual({ started: 2, stoppedBy: new Error('failed 1') });
    const seen: number[] = [];
    const record = (i: number) => {
      seen.push(i);
      return Promise.resolve();
    };
    expect(await inLanes([1, 2, 3], 0, record)).toEqual({ started: 3 });
    expect(seen).toEqual([1, 2, 3]);
    expect(await inLanes([], 8, failing)).toEqual({ started: 0 });
  });
});
