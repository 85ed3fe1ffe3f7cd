import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addBusinessDays } from '../../src/business-time/engine';
import {
  acceptDeliveryUpdate,
  adjustReleaseDateUpdate,
  releaseForTestingUpdate,
  setReleaseDateUpdate,
  startDevelopmentUpdate,
  ticketStateQuery,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  eventually,
  HOUR,
  manager,
  req,
  startTicket,
  terminateIfOpen,
  type TicketHarness,
  useTicketHarness,
  withTicket,
  withWorker,
} from './ticket-harness';
import { type TicketHandle, toScheduling } from './ticket-steps';

// L3-19: a published release date moves with a reason; the timeline records DATE_ADJUSTED with
// the old and the new date (the projection emails it), once per requestId, only where a release
// date exists, and never by a client outside its own queue reorder.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

/** Requirement → estimate → written authorization: SCHEDULING (no release date yet). */
const scheduled = (handle: TicketHandle) => toScheduling(handle, { hours: 6, scope: 'Reporte' });

/** Closing instant of the n-th business day after now on the harness calendar. */
async function closingIn(days: number): Promise<string> {
  return addBusinessDays(
    h.calendars.engine,
    new Date(await env.currentTimeMs()),
    days,
  ).toISOString();
}

/** Until the server holds Update `updateId` of `workflowId` (admitted, no worker needed). */
async function admitted(workflowId: string, updateId: string): Promise<void> {
  await eventually(
    () =>
      env.client.workflowService
        .pollWorkflowExecutionUpdate({
          namespace: env.client.options.namespace,
          updateRef: { workflowExecution: { workflowId }, updateId },
          waitPolicy: {
            lifecycleStage:
              temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage
                .UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED,
          },
        })
        .then(
          () => true,
          () => false,
        ),
    (held) => held,
  );
}

describe('adjustReleaseDate (L3-19)', () => {
  it('records DATE_ADJUSTED with old date, new date and reason, projects it once, and moves the date', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle, input) => {
      await scheduled(handle);
      const first = await closingIn(3);
      await handle.executeUpdate(setReleaseDateUpdate, {
        args: [req(agent, { releaseDate: first })],
      });

      const later = await closingIn(5);
      const args = req(manager, { newDate: later, reason: 'El cliente priorizó otro ticket' });
      const result = await handle.executeUpdate(adjustReleaseDateUpdate, { args: [args] });
      expect(result.state).toBe('RELEASE_DATE_SET');
      // A retry of the same request (network error) answers the first result and adds nothing.
      expect(await handle.executeUpdate(adjustReleaseDateUpdate, { args: [args] })).toEqual(result);

      const view = await handle.query(ticketStateQuery);
      expect(view.releaseDate).toBe(later);
      const adjusted = view.timeline.filter((e) => e.type === 'DATE_ADJUSTED');
      expect(adjusted).toHaveLength(1);
      expect(adjusted[0]).toMatchObject({
        seq: result.seq,
        actor: manager,
        data: {
          subjectDate: 'RELEASE_DATE',
          oldDate: first,
          newDate: later,
          reason: 'El cliente priorizó otro ticket',
        },
      });
      // The projection got the event once, with the read model's new release date.
      const projected = h.projections
        .filter((b) => b.ticketNumber === input.ticketNumber)
        .flatMap((b) => b.events.map((e) => ({ e, slice: b.slice })))
        .filter(({ e }) => e.type === 'DATE_ADJUSTED');
      expect(projected).toHaveLength(1);
      expect(projected[0].slice.releaseDate).toBe(later);

      // In development the date still moves; a client approver only through a queue reorder.
      await handle.executeUpdate(startDevelopmentUpdate, { args: [req(agent)] });
      await expect(
        handle.executeUpdate(adjustReleaseDateUpdate, {
          args: [req(approver, { newDate: first, reason: 'Urgente' })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      const byReorder = await handle.executeUpdate(adjustReleaseDateUpdate, {
        args: [req(approver, { newDate: first, reason: 'Urgente', reorderId: 'reorder-1' })],
      });
      expect(byReorder.state).toBe('IN_DEVELOPMENT');
      const last = (await handle.query(ticketStateQuery)).timeline.at(-1)!;
      expect(last).toMatchObject({
        type: 'DATE_ADJUSTED',
        actor: approver,
        data: { oldDate: later, newDate: first, reorderId: 'reorder-1' },
      });

      await handle.executeUpdate(releaseForTestingUpdate, { args: [req(agent)] });
      await handle.executeUpdate(acceptDeliveryUpdate, { args: [req(clientUser)] });
      await handle.result();
    });
  });

  it('L3-19/L3-10: with fromDate it moves only that date: one staff moved since is refused (CONFLICT DATE_MOVED_SINCE) with nothing recorded, the right one applies', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await scheduled(handle);
      const planned = await closingIn(3);
      await handle.executeUpdate(setReleaseDateUpdate, {
        args: [req(agent, { releaseDate: planned })],
      });
      // A reorder planned from `planned`; before its Update, staff move the date by hand.
      const byHand = await closingIn(4);
      await handle.executeUpdate(adjustReleaseDateUpdate, {
        args: [req(manager, { newDate: byHand, reason: 'Acordado por teléfono' })],
      });
      const before = await handle.query(ticketStateQuery);
      const projected = h.projections.length;
      const reordered = await closingIn(5);
      const byReorder = (fromDate: string) =>
        req(approver, { newDate: reordered, fromDate, reason: 'Urgente', reorderId: 'reorder-1' });

      await expect(
        handle.executeUpdate(adjustReleaseDateUpdate, { args: [byReorder(planned)] }),
      ).rejects.toMatchObject({
        cause: {
          type: 'CONFLICT',
          message: `its release date is ${byHand}, no longer ${planned}`,
          details: [
            { reason: 'DATE_MOVED_SINCE', field: 'fromDate', value: planned, releaseDate: byHand },
          ],
        },
      });
      await expect(
        handle.executeUpdate(adjustReleaseDateUpdate, { args: [byReorder('ayer')] }),
      ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      // Refused by the validator: the date, the timeline and the projection are untouched.
      const after = await handle.query(ticketStateQuery);
      expect(after.releaseDate).toBe(byHand);
      expect(after.timeline).toEqual(before.timeline);
      expect(h.projections).toHaveLength(projected);

      // Planned from the date there (the same instant, written with Mexico City's offset): moved.
      const fromHere = new Date(Date.parse(byHand) - 6 * HOUR).toISOString().replace('Z', '-06:00');
      const args = byReorder(fromHere);
      const result = await handle.executeUpdate(adjustReleaseDateUpdate, { args: [args] });
      const moved = await handle.query(ticketStateQuery);
      expect(moved.releaseDate).toBe(reordered);
      expect(moved.timeline.at(-1)).toMatchObject({
        seq: result.seq,
        type: 'DATE_ADJUSTED',
        data: { oldDate: byHand, newDate: reordered, reorderId: 'reorder-1' },
      });
      // Its retry (the date no longer `fromDate`) is answered by the request ID, not refused.
      expect(await handle.executeUpdate(adjustReleaseDateUpdate, { args: [args] })).toEqual(result);
    });
  });

  // Both Updates sent while no worker polls reach the workflow in one task: both validators pass
  // against the date as it was, and the reorder's handler runs after staff's (one at a time).
  // The first worker runs without a sticky cache (see the worker-restart spec in ticket.clocks).
  it('L3-19: a reorder accepted while staff move the date is refused by its handler, after theirs (CONFLICT DATE_MOVED_SINCE)', async () => {
    const { handle, planned, reordered } = await withWorker(
      h,
      async () => {
        const started = await startTicket(h, { category: 'DEVELOPMENT' });
        await scheduled(started.handle);
        const date = await closingIn(3);
        await started.handle.executeUpdate(setReleaseDateUpdate, {
          args: [req(agent, { releaseDate: date })],
        });
        return { ...started, planned: date, reordered: await closingIn(5) };
      },
      undefined,
      { maxCachedWorkflows: 0 },
    );
    try {
      const byHand = await closingIn(4);
      const staffArgs = req(manager, { newDate: byHand, reason: 'Acordado por teléfono' });
      const reorderArgs = req(approver, {
        newDate: reordered,
        fromDate: planned,
        reason: 'Urgente',
        reorderId: 'reorder-1',
      });
      const staff = handle.executeUpdate(adjustReleaseDateUpdate, {
        args: [staffArgs],
        updateId: staffArgs.requestId,
      });
      await admitted(handle.workflowId, staffArgs.requestId);
      const reorder = handle.executeUpdate(adjustReleaseDateUpdate, {
        args: [reorderArgs],
        updateId: reorderArgs.requestId,
      });
      await admitted(handle.workflowId, reorderArgs.requestId);
      // Observed from the start: it is refused while staff's Update is still awaited.
      const refused = expect(reorder).rejects.toMatchObject({
        cause: {
          type: 'CONFLICT',
          details: [{ reason: 'DATE_MOVED_SINCE', value: planned, releaseDate: byHand }],
        },
      });
      await withWorker(h, async () => {
        await Promise.all([staff, refused]);
        const view = await handle.query(ticketStateQuery);
        expect(view.releaseDate).toBe(byHand);
        expect(view.timeline.filter((e) => e.type === 'DATE_ADJUSTED')).toEqual([
          expect.objectContaining({
            actor: manager,
            data: expect.objectContaining({ newDate: byHand }),
          }),
        ]);
      });
    } finally {
      await terminateIfOpen(handle);
    }
  });

  it('is refused, with nothing recorded, without a published date, by a client user, with bad arguments or after delivery', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      const date = await closingIn(4);
      const refused = async (args: Record<string, unknown>, actor: typeof agent, type: string) =>
        expect(
          handle.executeUpdate(adjustReleaseDateUpdate, {
            args: [req(actor, { newDate: date, reason: 'Carga', ...args })],
          }),
        ).rejects.toMatchObject({ cause: { type } });

      // REGISTERED and SCHEDULING have no release date yet.
      await refused({}, agent, 'INVALID_TRANSITION');
      await scheduled(handle);
      await refused({}, agent, 'INVALID_TRANSITION');
      await handle.executeUpdate(setReleaseDateUpdate, {
        args: [req(agent, { releaseDate: await closingIn(3) })],
      });
      const before = await handle.query(ticketStateQuery);

      await refused({}, clientUser, 'FORBIDDEN');
      await refused({ reason: '  ' }, agent, 'VALIDATION_FAILED');
      await refused({ newDate: 'mañana' }, agent, 'VALIDATION_FAILED');
      await refused(
        { newDate: new Date((await env.currentTimeMs()) - HOUR).toISOString() },
        agent,
        'VALIDATION_FAILED',
      );
      await refused({ newDate: before.releaseDate }, agent, 'VALIDATION_FAILED');
      // 20:00 local: in the future but outside business time (the calendar check).
      const evening = new Date(Date.parse(date) + 2 * HOUR).toISOString();
      await refused({ newDate: evening }, agent, 'VALIDATION_FAILED');
      // L3-19/L3-09: more than a year ahead is refused by the Update validator (no history), even
      // at a closing instant (53 weeks after a closing: the same weekday and local time).
      const tooFar = new Date(Date.parse(date) + 53 * 7 * 24 * HOUR).toISOString();
      await refused({ newDate: tooFar }, agent, 'VALIDATION_FAILED');

      const after = await handle.query(ticketStateQuery);
      expect(after.releaseDate).toBe(before.releaseDate);
      expect(after.timeline).toEqual(before.timeline);

      await handle.executeUpdate(startDevelopmentUpdate, { args: [req(agent)] });
      await handle.executeUpdate(releaseForTestingUpdate, { args: [req(agent)] });
      await refused({}, agent, 'INVALID_TRANSITION');
      await handle.executeUpdate(acceptDeliveryUpdate, { args: [req(clientUser)] });
      await handle.result();
    });
  });
});
