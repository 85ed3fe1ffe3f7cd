import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

// Bench-only baseline workflows (bundled separately from `workflows/`): the least Temporal work a
// start or an Update round trip can cost on the same server, for the ticket figures to be compared with.

/** Echoes its argument: one Update round trip, no state, no activity. */
export const pingUpdate = defineUpdate<number, [number]>('ping');
export const finishSignal = defineSignal('finish');

/** Returns at once (start baseline) or serves `ping` Updates until `finish` (Update baseline). */
export async function noopWorkflow(serve: boolean): Promise<void> {
  let done = !serve;
  setHandler(pingUpdate, (n: number) => n);
  setHandler(finishSignal, () => {
    done = true;
  });
  await condition(() => done);
}
