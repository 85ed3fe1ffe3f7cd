import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addBusinessMinutes } from '../../src/business-time/engine';
import {
  cancelUpdate,
  commentUpdate,
  type SlaClockView,
  ticketStateQuery,
  type TicketView,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  clientUser,
  HOUR,
  manager,
  maybeRecordHistory,
  req,
  skipTo,
  type TicketHarness,
  useTicketHarness,
  withTicket,
} from './ticket-harness';
import {
  projected,
  toInAnalysis,
  toInDiagnosis,
  toWaitingOnClient,
  viewWhen,
} from './ticket-steps';

// L3-07: progress is communicated permanently; the progress clock measures the cadence of updates
// sent to the client. Provider staff's public reply on a problem whose progress clock runs reaches
// the client like «Registrar avance», so it restarts the cadence (one timeline entry: the reply,
// marked `countsAsProgress`). Internal notes, client comments, replies while the clock is paused
// and replies on a requirement keep the clocks as they were.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const runs = (view: TicketView, kind: string): SlaClockView[] =>
  view.clocks.filter((c) => c.kind === kind);
const comments = (view: TicketView) => view.timeline.filter((e) => e.type === 'comment');

describe('a public staff reply counts as a progress update (L3-07)', () => {
  it('restarts the progress clock at the reply: its deadline is reply time + cadence on the calendar', async () => {
    await withTicket(h, async (handle) => {
      const before = runs(await toInAnalysis(handle), 'progress');
      expect(before.map((c) => c.status)).toEqual(['RUNNING']);
      await env.sleep(2 * HOUR);
      const args = req(manager, {
        body: 'Reproducimos el error; preparamos la corrección.',
        internal: false,
      });
      const result = await handle.executeUpdate(commentUpdate, { args: [args] });
      const answeredMs = await env.currentTimeMs();
      expect(result).toMatchObject({ update: 'comment', state: 'IN_ANALYSIS' });
      // A retried reply is stored and counted once.
      expect(await handle.executeUpdate(commentUpdate, { args: [args] })).toEqual(result);

      const view = await handle.query(ticketStateQuery);
      const [reply] = comments(view);
      expect(comments(view)).toHaveLength(1);
      expect(reply.data).toEqual({ body: args.body, internal: false, countsAsProgress: true });
      // One entry for the reply: no separate progress-update event.
      expect(view.timeline.filter((e) => e.type === 'addProgress')).toEqual([]);

      const [first, second] = runs(view, 'progress');
      expect(runs(view, 'progress')).toHaveLength(2);
      expect(first).toMatchObject({ status: 'MET', endReason: 'public reply sent' });
      expect(second).toMatchObject({ status: 'RUNNING', run: 2, target: before[0].target });
      expect(first.endedAt).toBe(second.startedAt);
      // The new run starts with the reply, while the Update was handled: at or after the reply's
      // instant and no later than its answer (an outcome, not how late under load).
      expect(Date.parse(second.startedAt)).toBeGreaterThanOrEqual(Date.parse(reply.at));
      expect(Date.parse(second.startedAt)).toBeLessThanOrEqual(answeredMs);
      expect(second.deadline).toBe(
        addBusinessMinutes(
          h.calendars.engine,
          new Date(second.startedAt),
          second.target.amount,
        ).toISOString(),
      );
      expect(Date.parse(second.deadline!)).toBeGreaterThan(Date.parse(before[0].deadline!));

      // The projection got the reply (marked) with the clock's end and restart, once.
      const projectedReplies = projected(h, 'comment').filter((e) => e.seq === reply.seq);
      expect(projectedReplies).toHaveLength(1);
      expect(projectedReplies[0].data).toMatchObject({ countsAsProgress: true });
      expect(projected(h, 'CLOCK_STARTED').filter((e) => e.data.kind === 'progress')).toHaveLength(
        2,
      );

      await maybeRecordHistory(handle, 'public-reply-counts-as-progress');
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });

  it('a reply after the clock breached restarts the cadence too; the breached run stays BREACHED', async () => {
    await withTicket(h, async (handle) => {
      const [first] = runs(await toInAnalysis(handle), 'progress');
      await skipTo(h, Date.parse(first.deadline!) + HOUR);
      await h.events.waitFor('progress', 'breached');
      await viewWhen(handle, (v) => runs(v, 'progress')[0].status === 'BREACHED');
      await handle.executeUpdate(commentUpdate, {
        args: [req(agent, { body: 'Perdón por la demora: ya tenemos la causa.', internal: false })],
      });
      const view = await handle.query(ticketStateQuery);
      expect(runs(view, 'progress').map((c) => [c.run, c.status])).toEqual([
        [1, 'BREACHED'],
        [2, 'RUNNING'],
      ]);
      expect(comments(view)[0].data.countsAsProgress).toBe(true);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });

  it('an internal note or a client comment does not restart it', async () => {
    await withTicket(h, async (handle) => {
      await toInAnalysis(handle);
      await env.sleep(HOUR);
      const before = runs(await handle.query(ticketStateQuery), 'progress');
      await handle.executeUpdate(commentUpdate, {
        args: [req(agent, { body: 'Revisar el log del servidor.', internal: true })],
      });
      await handle.executeUpdate(commentUpdate, {
        args: [req(clientUser, { body: '¿Alguna novedad?', internal: false })],
      });
      const view = await handle.query(ticketStateQuery);
      expect(runs(view, 'progress')).toEqual(before);
      expect(comments(view).map((e) => e.data.countsAsProgress)).toEqual([undefined, undefined]);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });

  it('a reply while the clock is paused waiting on the client does not count', async () => {
    await withTicket(h, async (handle) => {
      const paused = runs(await toWaitingOnClient(handle, '¿Nos envía los logs?'), 'progress');
      expect(paused.map((c) => c.status)).toEqual(['PAUSED']);
      await env.sleep(HOUR);
      await handle.executeUpdate(commentUpdate, {
        args: [req(agent, { body: 'Seguimos esperando los logs.', internal: false })],
      });
      const view = await handle.query(ticketStateQuery);
      expect(view.state).toBe('WAITING_ON_CLIENT');
      expect(runs(view, 'progress')).toEqual(paused);
      expect(comments(view)[0].data).toEqual({
        body: 'Seguimos esperando los logs.',
        internal: false,
      });
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });

  it('a reply on a requirement in diagnosis does not count (no progress clock)', async () => {
    await withTicket(h, async (handle) => {
      const before = await toInDiagnosis(handle);
      await handle.executeUpdate(commentUpdate, {
        args: [req(agent, { body: 'Revisamos el alcance.', internal: false })],
      });
      const view = await handle.query(ticketStateQuery);
      expect(view.clocks).toEqual(before.clocks);
      expect(comments(view)[0].data.countsAsProgress).toBeUndefined();
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });
});
