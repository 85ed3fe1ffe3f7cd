import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addBusinessHours } from '../../src/business-time/engine';
import {
  clientRepliedUpdate,
  recordClientAnswerUpdate,
  type SlaClockView,
  ticketStateQuery,
  type TicketView,
  waitOnClientUpdate,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  HOUR,
  manager,
  maybeRecordHistory,
  openedState,
  req,
  type TicketHarness,
  useTicketHarness,
  withTicket,
  withTicketPair,
} from './ticket-harness';
import { toInAnalysis, toInfoRequested, toWaitingOnClient } from './ticket-steps';

// L3-06 / L3-07 / L3-08 / L3-11: a client often answers by phone, WhatsApp or email; provider
// staff record that answer on the client's behalf (`recordClientAnswer`, with what the client said
// and the channel). Its effect is exactly the client's own answer's: in WAITING_ON_CLIENT the
// paused clock resumes with its remaining time (as `clientReplied`); in INFO_REQUESTED a new
// 8-business-hour triage clock starts (as `provideInfo`). Clients, other states, a blank note or an
// unknown channel are refused before history.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const progress = (view: TicketView): SlaClockView =>
  view.clocks.find((c) => c.kind === 'progress')!;
const triageRuns = (view: TicketView): SlaClockView[] =>
  view.clocks.filter((c) => c.kind === 'triage');

describe('staff record the client answer given off the portal (L3-06, L3-07, L3-11)', () => {
  it('L3-07: in WAITING_ON_CLIENT the paused clock resumes with its remaining time, like clientReplied', async () => {
    await withTicketPair(h, async (replied, recorded) => {
      // Two identical tickets, moved in lockstep; one answered by the client, one recorded by staff.
      for (const handle of [replied, recorded]) {
        await toWaitingOnClient(handle, '¿Nos comparte los logs?');
      }
      await env.sleep(2 * HOUR);
      await replied.executeUpdate(clientRepliedUpdate, {
        args: [req(clientUser, { note: 'Ya envió los logs.' })],
      });
      const result = await recorded.executeUpdate(recordClientAnswerUpdate, {
        args: [req(agent, { note: 'Ya envió los logs.', channel: 'PHONE' as const })],
      });
      expect(result).toMatchObject({ update: 'recordClientAnswer', state: 'IN_ANALYSIS' });

      const a = await replied.query(ticketStateQuery);
      const b = await recorded.query(ticketStateQuery);
      expect(b).toMatchObject({ state: a.state, waitingFrom: null });
      // The staff member is the actor; the event carries the channel and which wait it ended.
      expect(b.timeline.find((e) => e.seq === result.seq)).toMatchObject({
        type: 'recordClientAnswer',
        actor: agent,
        data: { note: 'Ya envió los logs.', channel: 'PHONE', answered: 'WAITING_ON_CLIENT' },
      });
      // The same clock, up to the milliseconds real time moved between the two tickets.
      const [ca, cb] = [progress(a), progress(b)];
      expect(cb).toMatchObject({ status: 'RUNNING', run: ca.run, budgetMs: ca.budgetMs });
      expect(cb.pauses).toHaveLength(1);
      expect(cb.pauses[0].to).not.toBeNull();
      const shift = Date.parse(cb.startedAt) - Date.parse(ca.startedAt);
      for (const [x, y] of [
        [ca.pauses[0].from, cb.pauses[0].from],
        [ca.pauses[0].to, cb.pauses[0].to],
        [ca.deadline, cb.deadline],
      ]) {
        expect(y).not.toBeNull();
        expect(Math.abs(Date.parse(y!) - Date.parse(x!) - shift)).toBeLessThan(1_000);
      }
      // The remaining time is kept: both consumed the same business time (±1 s of real time).
      expect(Math.abs(cb.consumedMs - ca.consumedMs)).toBeLessThan(1_000);
      await recorded.terminate('recorded');
      await maybeRecordHistory(recorded, 'record-client-answer-waiting');
    });
  });

  it('L3-06: in INFO_REQUESTED a new 8-business-hour triage clock starts, like provideInfo', async () => {
    await withTicket(h, async (handle) => {
      await toInfoRequested(handle, '¿Qué versión de Odoo usan?');
      await env.sleep(3 * HOUR);
      const result = await handle.executeUpdate(recordClientAnswerUpdate, {
        args: [req(manager, { note: 'Odoo 17 Enterprise.', channel: 'WHATSAPP' as const })],
      });
      expect(result.state).toBe('REGISTERED');
      const view = await handle.query(ticketStateQuery);
      expect(view.timeline.find((e) => e.seq === result.seq)).toMatchObject({
        type: 'recordClientAnswer',
        actor: manager,
        data: { note: 'Odoo 17 Enterprise.', channel: 'WHATSAPP', answered: 'INFO_REQUESTED' },
      });
      expect(view.timeline.filter((e) => e.seq > result.seq).map((e) => e.type)).toEqual([
        'CLOCK_STARTED',
      ]);
      const [ended, fresh] = triageRuns(view);
      expect(ended).toMatchObject({ run: 1, status: 'MET' });
      expect(fresh).toMatchObject({ run: 2, status: 'RUNNING', budgetMs: 8 * HOUR, pauses: [] });
      const expected = addBusinessHours(h.calendars.engine, new Date(fresh.startedAt), 8);
      expect(fresh.deadline).toBe(expected.toISOString());
      await handle.terminate('recorded');
      await maybeRecordHistory(handle, 'record-client-answer-info');
    });
  });

  it('refuses clients, other states, a blank note and an unknown channel, writing nothing', async () => {
    await withTicket(h, async (handle) => {
      const ok = { note: 'Por teléfono: todo listo.', channel: 'PHONE' };
      // REGISTERED: nothing waits on the client.
      const registered = await openedState(handle);
      await expect(
        handle.executeUpdate(recordClientAnswerUpdate, { args: [req(agent, ok) as never] }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      await toInAnalysis(handle);
      // IN_ANALYSIS: not waiting either.
      await expect(
        handle.executeUpdate(recordClientAnswerUpdate, { args: [req(agent, ok) as never] }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      await handle.executeUpdate(waitOnClientUpdate, { args: [req(agent, { note: '¿Logs?' })] });
      const before = await handle.query(ticketStateQuery);
      const refused: [ReturnType<typeof req>, string][] = [
        [req(clientUser, ok), 'FORBIDDEN'],
        [req(approver, ok), 'FORBIDDEN'],
        [req(agent, { ...ok, note: '  ' }), 'VALIDATION_FAILED'],
        [req(agent, { channel: 'PHONE' }), 'VALIDATION_FAILED'],
        [req(agent, { ...ok, channel: 'TELEGRAM' }), 'VALIDATION_FAILED'],
        [req(agent, { note: ok.note }), 'VALIDATION_FAILED'],
      ];
      for (const [args, type] of refused) {
        await expect(
          handle.executeUpdate(recordClientAnswerUpdate, { args: [args as never] }),
        ).rejects.toMatchObject({ cause: { type } });
      }
      const after = await handle.query(ticketStateQuery);
      expect(after.timeline).toEqual(before.timeline);
      expect(after.clocks).toEqual(before.clocks);
      expect(after.state).toBe('WAITING_ON_CLIENT');
      expect(registered.state).toBe('REGISTERED');
    });
  });
});
