import { temporal } from '@temporalio/proto';
import { FOLDED_PATCHES_LEVEL } from '../../workflows/ticket/folded-patches';
import {
  eventually,
  startTicket,
  terminateIfOpen,
  type TicketHarness,
  useTicketHarness,
  withWorker,
} from './ticket-harness';

// Issues 5/10 (folded-patches.ts): a ticket started by newer code, whose level this code does not
// know, is left for a newer worker. In a file of its own: once a workflow task has failed on the
// time-skipping server, the next test's time skip does not return.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

const { EventType } = temporal.api.enums.v1;

describe('folded patches of a newer level (issues 5/10)', () => {
  it('a level newer than this code fails the task (retried for a newer worker), not the ticket', async () => {
    await withWorker(h, async () => {
      const { handle } = await startTicket(h, { foldedPatches: FOLDED_PATCHES_LEVEL + 1 });
      try {
        const failed = await eventually(
          async () =>
            ((await handle.fetchHistory()).events ?? []).find(
              (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
            ),
          (event) => event !== undefined,
        );
        expect(failed?.workflowTaskFailedEventAttributes?.failure?.message).toContain(
          `foldedPatches ${FOLDED_PATCHES_LEVEL + 1} is newer than this worker's code`,
        );
        expect((await handle.describe()).status.name).toBe('RUNNING');
      } finally {
        await terminateIfOpen(handle);
      }
    });
  });
});
