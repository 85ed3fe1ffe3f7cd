import {
  condition,
  defineSignal,
  defineUpdate,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type * as activities from './noop.activities';

// Bench-only baseline workflows (bundled separately from `workflows/`): the least Temporal work a
// start or an Update round trip can cost on the same server, for the ticket figures to be compared with.

/** Echoes its argument: one Update round trip, no state, no activity. */
export const pingUpdate = defineUpdate<number, [number]>('ping');
/** Echoes its argument through two local activities in turn: the shape of a ticket transition. */
export const pingTwoLocalActivitiesUpdate = defineUpdate<number, [number]>(
  'pingTwoLocalActivities',
);
export const finishSignal = defineSignal('finish');

const { echo } = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

/** Returns at once (start baseline) or serves `ping` Updates until `finish` (Update baseline). */
export async function noopWorkflow(serve: boolean): Promise<void> {
  let done = !serve;
  setHandler(pingUpdate, (n: number) => n);
  setHandler(pingTwoLocalActivitiesUpdate, async (n: number) => echo(await echo(n)));
  setHandler(finishSignal, () => {
    done = true;
  });
  await condition(() => done);
}
