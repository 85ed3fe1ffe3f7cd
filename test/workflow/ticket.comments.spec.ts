import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  cancelUpdate,
  clientRepliedUpdate,
  COMMENT_MAX_LENGTH,
  commentUpdate,
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
  openedState,
  req,
  type TicketHarness,
  useTicketHarness,
  withTicket,
  withTicketPair,
} from './ticket-harness';
import { toWaitingOnClient } from './ticket-steps';

// Comments and internal notes (issue 5, L3-11): a `comment` Update writes a timeline event; a
// client's comment while the ticket waits on the client resumes the paused clock exactly like
// `clientReplied`; bad bodies and client "internal notes" are refused before history.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const progress = (view: TicketView): SlaClockView =>
  view.clocks.find((c) => c.kind === 'progress')!;

describe('ticket comments and internal notes (issue 5, L3-11)', () => {
  it('records client comments, staff replies and internal notes on the timeline, state unchanged', async () => {
    await withTicket(h, async (handle) => {
      const before = await openedState(handle);
      const comments = [
        req(clientUser, { body: '¿Alguna novedad?', internal: false }),
        req(approver, { body: 'Es urgente para el cierre.', internal: false }),
        req(agent, { body: 'Lo revisamos hoy.', internal: false }),
        req(manager, { body: 'Cliente sensible: priorizar.', internal: true }),
      ];
      for (const args of comments) {
        const result = await handle.executeUpdate(commentUpdate, { args: [args] });
        expect(result).toMatchObject({ requestId: args.requestId, update: 'comment' });
      }
      const view = await handle.query(ticketStateQuery);
      expect(view.state).toBe(before.state);
      expect(view.clocks).toEqual(before.clocks);
      const recorded = view.timeline.filter((e) => e.type === 'comment');
      expect(recorded.map((e) => [e.actor?.role, e.data])).toEqual(
        comments.map((c) => [c.actor.role, { body: c.body, internal: c.internal }]),
      );
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });

  it('refuses empty or oversized bodies and client internal notes, writing nothing', async () => {
    await withTicket(h, async (handle) => {
      const before = await openedState(handle);
      const refused: [ReturnType<typeof req>, string][] = [
        [req(agent, { body: '', internal: false }), 'VALIDATION_FAILED'],
        [req(agent, { body: '  \n\t ', internal: true }), 'VALIDATION_FAILED'],
        [
          req(agent, { body: 'x'.repeat(COMMENT_MAX_LENGTH + 1), internal: false }),
          'VALIDATION_FAILED',
        ],
        [req(agent, { body: 42, internal: false }), 'VALIDATION_FAILED'],
        [req(agent, { body: 'hola', internal: 'yes' }), 'VALIDATION_FAILED'],
        [req(clientUser, { body: 'nota interna', internal: true }), 'FORBIDDEN'],
        [req(approver, { body: 'nota interna', internal: true }), 'FORBIDDEN'],
      ];
      for (const [args, type] of refused) {
        await expect(
          handle.executeUpdate(commentUpdate, { args: [args as never] }),
        ).rejects.toMatchObject({ cause: { type } });
      }
      // Exactly the limit, once trimmed, is fine.
      const longest = ` ${'y'.repeat(COMMENT_MAX_LENGTH)} `;
      await handle.executeUpdate(commentUpdate, {
        args: [req(agent, { body: longest, internal: false })],
      });
      const view = await handle.query(ticketStateQuery);
      expect(view.timeline).toHaveLength(before.timeline.length + 1);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });

  it('a client comment while waiting on the client resumes the clock exactly like clientReplied', async () => {
    await withTicketPair(h, async (replied, commented) => {
      // Two identical tickets, moved in lockstep; one answered by clientReplied, one by a comment.
      for (const handle of [replied, commented]) {
        await toWaitingOnClient(handle, '¿Logs?');
      }
      await env.sleep(2 * HOUR);
      // Staff comments and internal notes while waiting do not answer for the client.
      await commented.executeUpdate(commentUpdate, {
        args: [req(agent, { body: 'Seguimos esperando los logs.', internal: false })],
      });
      expect((await commented.query(ticketStateQuery)).state).toBe('WAITING_ON_CLIENT');

      await replied.executeUpdate(clientRepliedUpdate, {
        args: [req(clientUser, { note: 'Adjunto logs.' })],
      });
      const result = await commented.executeUpdate(commentUpdate, {
        args: [req(clientUser, { body: 'Adjunto logs.', internal: false })],
      });
      expect(result.state).toBe('IN_ANALYSIS');

      const a = await replied.query(ticketStateQuery);
      const b = await commented.query(ticketStateQuery);
      expect(b).toMatchObject({ state: a.state, waitingFrom: null });
      // The same clock, up to the milliseconds real time moved between the two tickets.
      const [ca, cb] = [progress(a), progress(b)];
      expect(cb).toMatchObject({ status: 'RUNNING', run: ca.run, budgetMs: ca.budgetMs });
      expect(cb.pauses).toHaveLength(1);
      expect(ca.pauses).toHaveLength(1);
      const instants = (c: SlaClockView) => [
        c.startedAt,
        c.pauses[0].from,
        c.pauses[0].to,
        c.deadline,
        c.atRiskAt,
      ];
      const shift = Date.parse(cb.startedAt) - Date.parse(ca.startedAt);
      instants(cb).forEach((at, i) => {
        expect(at).not.toBeNull();
        // Each instant moved by the same offset as the clock's start (±1 s of real time).
        expect(Math.abs(Date.parse(at!) - Date.parse(instants(ca)[i]!) - shift)).toBeLessThan(
          1_000,
        );
      });

      // Once running again, a client comment is only a comment.
      await commented.executeUpdate(commentUpdate, {
        args: [req(clientUser, { body: 'Gracias.', internal: false })],
      });
      expect(progress(await commented.query(ticketStateQuery))).toEqual(progress(b));
    });
  });

  it('a retried comment requestId is applied once', async () => {
    await withTicket(h, async (handle) => {
      const args = req(agent, { body: 'Una sola vez.', internal: false });
      const first = await handle.executeUpdate(commentUpdate, { args: [args] });
      expect(await handle.executeUpdate(commentUpdate, { args: [args] })).toEqual(first);
      const view = await handle.query(ticketStateQuery);
      expect(view.timeline.filter((e) => e.type === 'comment')).toHaveLength(1);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
    });
  });
});
