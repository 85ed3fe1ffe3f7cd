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
  HOUR,
  manager,
  req,
  type TicketHarness,
  useTicketHarness,
  withTicket,
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
