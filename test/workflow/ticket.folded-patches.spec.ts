import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import {
  addProgressUpdate,
  classifyUpdate,
  clientRepliedUpdate,
  confirmResolutionUpdate,
  resolveUpdate,
  type TicketInput,
  type TicketView,
  waitOnClientUpdate,
} from '../../workflows/ticket/ticket.contract';
import { FOLDED_PATCHES, FOLDED_PATCHES_LEVEL } from '../../workflows/ticket/folded-patches';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import {
  agent,
  clientUser,
  HOUR,
  maybeRecordHistory,
  req,
  startTicket,
  type TicketHarness,
  useTicketHarness,
  withWorker,
} from './ticket-harness';

// Issues 5/10: a ticket the API starts under this code takes every patch it holds without asking
// (`foldedPatches`): no patch marker, no TemporalChangeVersion upsert, the same ticket otherwise.
// Runs started before keep asking `patched()`, as every other workflow spec's tickets do. A level
// newer than the code: ticket.folded-patches-newer.spec.ts.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

type Handle = WorkflowHandle<typeof ticketWorkflow>;
const { EventType } = temporal.api.enums.v1;

const patchMarkers = async (handle: Handle): Promise<number> =>
  ((await handle.fetchHistory()).events ?? []).filter(
    (e) =>
      e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED &&
      e.markerRecordedEventAttributes?.markerName === 'core_patch',
  ).length;

/** L3-06/L3-07: triage, problem, progress, a wait on the client, resolution, confirmation. */
async function problemPath(overrides: Partial<TicketInput>, record?: string) {
  const { handle } = await startTicket(h, overrides);
  await handle.executeUpdate(classifyUpdate, {
    args: [req(agent, { classification: 'PROBLEM' as const, agentId: 'agent-7' })],
  });
  await h.env.sleep(2 * HOUR);
  await handle.executeUpdate(addProgressUpdate, { args: [req(agent, { note: 'Reproducido' })] });
  await handle.executeUpdate(waitOnClientUpdate, { args: [req(agent, { note: '¿Qué diario?' })] });
  await handle.executeUpdate(clientRepliedUpdate, {
    args: [req(clientUser, { note: 'El de ventas' })],
  });
  await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Corregido' })] });
  await handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] });
  const view = await handle.result();
  if (record) await maybeRecordHistory(handle, record);
  return { handle, view, markers: await patchMarkers(handle) };
}

/** What a ticket went through, without its instants and IDs. */
const course = (view: TicketView) => ({
  state: view.state,
  closure: view.closure?.outcome,
  assignee: view.assigneeId,
  events: view.timeline.map((e) => `${e.type}:${e.actor?.role ?? '-'}`),
  clocks: view.clocks.map((c) => `${c.kind}:${c.status}:${c.pauses.length}`),
});

describe('folded patches (issues 5/10)', () => {
  it('a ticket started with the folded level records no patch marker and runs as one that asks every patch', async () => {
    const [asking, folded] = await withWorker(h, async () => [
      await problemPath({}),
      await problemPath({ foldedPatches: FOLDED_PATCHES_LEVEL }, 'folded-patches-problem'),
    ]);
    expect(asking.markers).toBeGreaterThanOrEqual(5);
    expect(folded.markers).toBe(0);
    expect(course(folded.view)).toEqual(course(asking.view));
    expect(course(folded.view)).toMatchObject({ state: 'CLOSED', closure: 'CONFIRMED' });
    // Its history replays with this code.
    await expect(
      Worker.runReplayHistory({ workflowBundle: h.bundle }, await folded.handle.fetchHistory()),
    ).resolves.toBeUndefined();
  });

  it('a level that is not a whole number ≥ 0 is refused as invalid input', async () => {
    await withWorker(h, async () => {
      const { handle } = await startTicket(h, { foldedPatches: -1 });
      await expect(handle.result()).rejects.toMatchObject({
        cause: { message: expect.stringContaining('foldedPatches') },
      });
    });
  });

  it('the newest level folds every patch the ticket code asks (a new patch needs a new level)', () => {
    const dir = join(__dirname, '..', '..', 'workflows', 'ticket');
    const asked = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) =>
        [...readFileSync(join(dir, name), 'utf8').matchAll(/_PATCH = '([^']+)'/g)].map((m) => m[1]),
      );
    expect(asked.length).toBeGreaterThan(20);
    const newest = FOLDED_PATCHES[FOLDED_PATCHES_LEVEL];
    expect(asked.filter((id) => !newest.has(id))).toEqual([]);
    expect([...newest].filter((id) => !asked.includes(id))).toEqual([]);
  });
});
