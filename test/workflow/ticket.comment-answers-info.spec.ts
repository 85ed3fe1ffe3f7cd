import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addBusinessHours } from '../../src/business-time/engine';
import {
  commentUpdate,
  provideInfoUpdate,
  type SlaClockView,
  ticketStateQuery,
  type TicketView,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  HOUR,
  manager,
  maybeRecordHistory,
  req,
  type TicketHarness,
  useTicketHarness,
  withTicket,
  withTicketPair,
} from './ticket-harness';
import { hoursFromNow, toInfoRequested, toRemoteSessionProposed } from './ticket-steps';

// L3-06 / L3-11: the client answers on the ticket. A client's client-visible comment on a ticket
// in INFO_REQUESTED is the requested information: exactly like `provideInfo`, the ticket goes
// back to REGISTERED with a new 8-business-hour triage clock. Staff comments and internal notes
// never answer for the client; in REMOTE_SESSION_PROPOSED a client comment stays a comment.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const triageRuns = (view: TicketView): SlaClockView[] =>
  view.clocks.filter((c) => c.kind === 'triage');
const running = (view: TicketView): SlaClockView[] =>
  view.clocks.filter((c) => c.status === 'RUNNING');
/** Event types after the request's own event (seq), i.e. what the transition caused. */
const causedBy = (view: TicketView, seq: number): string[] =>
  view.timeline.filter((e) => e.seq > seq).map((e) => e.type);

describe('a client comment answers an information request (L3-06, L3-11)', () => {
  it('L3-06: a client comment in INFO_REQUESTED restarts triage exactly like provideInfo', async () => {
    await withTicketPair(h, async (provided, commented) => {
      // Two identical tickets, moved in lockstep; one answered by provideInfo, one by a comment.
      for (const handle of [provided, commented]) {
        await toInfoRequested(handle, '¿Qué versión de Odoo?');
      }
      await env.sleep(3 * HOUR);

      // Staff comments and internal notes do not answer for the client.
      for (const args of [
        req(agent, { body: 'Seguimos esperando la versión.', internal: false }),
        req(manager, { body: 'Insistir mañana.', internal: true }),
      ]) {
        const result = await commented.executeUpdate(commentUpdate, { args: [args] });
        expect(result.state).toBe('INFO_REQUESTED');
      }
      expect(running(await commented.query(ticketStateQuery))).toEqual([]);

      const a = await provided.executeUpdate(provideInfoUpdate, {
        args: [req(clientUser, { note: 'Odoo 17 Enterprise.' })],
      });
      const b = await commented.executeUpdate(commentUpdate, {
        args: [req(clientUser, { body: 'Odoo 17 Enterprise.', internal: false })],
      });
      expect(a.state).toBe('REGISTERED');
      expect(b.state).toBe('REGISTERED');

      const viewA = await provided.query(ticketStateQuery);
      const viewB = await commented.query(ticketStateQuery);
      // The same consequences on the timeline: a new triage clock.
      expect(causedBy(viewB, b.seq)).toEqual(causedBy(viewA, a.seq));
      expect(causedBy(viewB, b.seq)).toEqual(['CLOCK_STARTED']);
      expect(viewB.timeline.find((e) => e.seq === b.seq)).toMatchObject({
        type: 'comment',
        actor: clientUser,
        data: { body: 'Odoo 17 Enterprise.', internal: false },
      });

      const [endedB, freshB] = triageRuns(viewB);
      const [, freshA] = triageRuns(viewA);
      expect(endedB).toMatchObject({ run: 1, status: 'MET' });
      expect(freshB).toMatchObject({
        run: 2,
        status: 'RUNNING',
        target: freshA.target,
        budgetMs: 8 * HOUR,
        pauses: [],
      });
      // 8 business hours from the answer, on the ticket's calendar.
      const expected = addBusinessHours(h.calendars.engine, new Date(freshB.startedAt), 8);
      expect(freshB.deadline).toBe(expected.toISOString());
      expect(viewB.nextDeadline).toBe(freshB.deadline);
      expect(viewB.slaStatus).toBe('ok');

      // Once back in REGISTERED, a client comment is only a comment.
      const again = await commented.executeUpdate(commentUpdate, {
        args: [req(approver, { body: 'Gracias.', internal: false })],
      });
      expect(again.state).toBe('REGISTERED');
      const after = await commented.query(ticketStateQuery);
      expect(triageRuns(after)).toEqual(triageRuns(viewB));
      expect(causedBy(after, again.seq)).toEqual([]);
      await commented.terminate('recorded');
      await maybeRecordHistory(commented, 'comment-answers-info-request');
    });
  });

  it('an approver comment counts as the client answer too', async () => {
    await withTicket(h, async (handle) => {
      await toInfoRequested(handle, '¿Logs?');
      const result = await handle.executeUpdate(commentUpdate, {
        args: [req(approver, { body: 'Adjunto los logs.', internal: false })],
      });
      expect(result.state).toBe('REGISTERED');
      const view = await handle.query(ticketStateQuery);
      expect(triageRuns(view).map((c) => `${c.run}:${c.status}`)).toEqual(['1:MET', '2:RUNNING']);
    });
  });

  it('in REMOTE_SESSION_PROPOSED a client comment is only a comment (the session gathers the information)', async () => {
    await withTicket(h, async (handle) => {
      const at = await hoursFromNow(h, 26);
      await toRemoteSessionProposed(handle, { at });
      const before = await handle.query(ticketStateQuery);
      const result = await handle.executeUpdate(commentUpdate, {
        args: [req(clientUser, { body: 'Ese horario nos funciona.', internal: false })],
      });
      expect(result.state).toBe('REMOTE_SESSION_PROPOSED');
      const view = await handle.query(ticketStateQuery);
      expect(view).toMatchObject({ state: 'REMOTE_SESSION_PROPOSED', remoteSessionAt: at });
      expect(view.clocks).toEqual(before.clocks);
      expect(causedBy(view, result.seq)).toEqual([]);
    });
  });
});
