import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import {
  acceptRemoteSessionUpdate,
  declineRemoteSessionUpdate,
  type Actor,
  proposeRemoteSessionUpdate,
  provideInfoUpdate,
  ticketStateQuery,
  type TicketView,
  withdrawRemoteSessionUpdate,
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
  skipTo,
  withTicketPair,
} from './ticket-harness';
import { hoursFromNow, toInAnalysis, toInDiagnosis, toRemoteSessionProposed } from './ticket-steps';

// L3-06: during triage the provider proposes a remote session "on a date to agree": with a meeting
// link (https only) and a duration (15–240 minutes, default 60), kept in the event and the view.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const inHours = (hours: number): Promise<string> => hoursFromNow(h, hours);
const lastEvent = (view: TicketView, type: string) =>
  view.timeline.filter((e) => e.type === type).at(-1);

describe('remote session proposal: link and duration (L3-06)', () => {
  it('L3-06: bad links and durations are VALIDATION_FAILED and change nothing', async () => {
    await withTicket(h, async (handle) => {
      const at = await inHours(26);
      // Once opened: a query straight after the start may see it before its first task's end.
      const before = await openedState(handle);
      for (const fields of [
        { at, link: 'http://meet.example.com/abc' },
        { at, link: 'javascript:alert(1)' },
        { at, link: 'https://' },
        { at, link: 'https://meet example.com' },
        { at, durationMinutes: 10 },
        { at, durationMinutes: 241 },
        { at, durationMinutes: 30.5 },
      ]) {
        await expect(
          handle.executeUpdate(proposeRemoteSessionUpdate, { args: [req(agent, fields)] }),
        ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      }
      const after = await handle.query(ticketStateQuery);
      expect(after.state).toBe('REGISTERED');
      expect(after.timeline).toEqual(before.timeline);
      expect(after.remoteSession).toBeUndefined();
    });
  });

  it('L3-06: the link and duration are in the event and the view; the duration defaults to 60', async () => {
    await withTicketPair(h, async (withLink, plain) => {
      const at = await inHours(26);
      const link = 'https://meet.example.com/abc-defg-hij?pwd=1';
      await toRemoteSessionProposed(withLink, {
        at,
        link,
        durationMinutes: 90,
        note: 'Con acceso de administrador',
      });
      await toRemoteSessionProposed(plain, { at });
      const a = await withLink.query(ticketStateQuery);
      expect(a.state).toBe('REMOTE_SESSION_PROPOSED');
      expect(lastEvent(a, 'proposeRemoteSession')?.data).toMatchObject({
        at,
        link,
        durationMinutes: 90,
        proposal: 1,
      });
      expect(a.remoteSession).toMatchObject({
        proposal: 1,
        at,
        durationMinutes: 90,
        link,
        note: 'Con acceso de administrador',
        proposedBy: agent.userId,
        accepted: null,
        declined: null,
      });
      const b = await plain.query(ticketStateQuery);
      expect(lastEvent(b, 'proposeRemoteSession')?.data).toMatchObject({
        durationMinutes: 60,
        proposal: 1,
      });
      expect(b.remoteSession).toMatchObject({ durationMinutes: 60, link: null, note: null });
      // The triage clock stops as before (the waiting time is the client's).
      expect(b.clocks.filter((c) => c.status === 'RUNNING')).toEqual([]);
    });
  });
});

describe('the client confirms or asks for another time (L3-06)', () => {
  const triage = (view: TicketView): string[] =>
    view.clocks.filter((c) => c.kind === 'triage').map((c) => `${c.run}:${c.status}`);

  it('L3-06: wrong role FORBIDDEN, wrong state or stale proposal INVALID_TRANSITION, bad input VALIDATION_FAILED; nothing recorded', async () => {
    await withTicket(h, async (handle) => {
      // No proposal yet: the state is wrong.
      await expect(
        handle.executeUpdate(acceptRemoteSessionUpdate, {
          args: [req(clientUser, { proposal: 1 })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      await toRemoteSessionProposed(handle, { at: await inHours(26) });
      const before = await handle.query(ticketStateQuery);
      const acceptAs = (actor: Actor, fields: { proposal: number }) =>
        handle.executeUpdate(acceptRemoteSessionUpdate, { args: [req(actor, fields)] });
      const declineAs = (
        actor: Actor,
        fields: { proposal: number; reason: string; suggestedAt?: string },
      ) => handle.executeUpdate(declineRemoteSessionUpdate, { args: [req(actor, fields)] });
      const [past, far] = [await inHours(-1), await inHours(24 * 120)];
      const refused: [Promise<unknown>, string][] = [
        [acceptAs(agent, { proposal: 1 }), 'FORBIDDEN'],
        [declineAs(manager, { proposal: 1, reason: 'No' }), 'FORBIDDEN'],
        [acceptAs(clientUser, { proposal: 2 }), 'INVALID_TRANSITION'],
        [declineAs(clientUser, { proposal: 1, reason: '  ' }), 'VALIDATION_FAILED'],
        [
          declineAs(clientUser, { proposal: 1, reason: 'No', suggestedAt: 'mañana' }),
          'VALIDATION_FAILED',
        ],
        [
          declineAs(clientUser, { proposal: 1, reason: 'No', suggestedAt: past }),
          'VALIDATION_FAILED',
        ],
        [
          declineAs(clientUser, { proposal: 1, reason: 'No', suggestedAt: far }),
          'VALIDATION_FAILED',
        ],
      ];
      // Awaited together: every refusal is observed (none left unhandled).
      await Promise.all(
        refused.map(([promise, type]) =>
          expect(promise).rejects.toMatchObject({ cause: { type } }),
        ),
      );
      const after = await handle.query(ticketStateQuery);
      expect(after.timeline).toEqual(before.timeline);
      expect(after.remoteSession).toEqual(before.remoteSession);
    });
  });

  it('L3-06: accepting records the confirmation once; the state stays and the triage clock stays stopped', async () => {
    await withTicket(h, async (handle) => {
      await toRemoteSessionProposed(handle, { at: await inHours(26) });
      await env.sleep(2 * HOUR);
      const result = await handle.executeUpdate(acceptRemoteSessionUpdate, {
        args: [req(approver, { proposal: 1 })],
      });
      expect(result.state).toBe('REMOTE_SESSION_PROPOSED');
      const view = await handle.query(ticketStateQuery);
      expect(view.remoteSession?.accepted).toMatchObject({ by: approver.userId });
      expect(triage(view)).toEqual(['1:MET']);
      expect(view.clocks.filter((c) => c.status === 'RUNNING')).toEqual([]);
      expect(lastEvent(view, 'acceptRemoteSession')?.data).toMatchObject({
        proposal: 1,
        sessionAt: view.remoteSession?.at,
      });
      await expect(
        handle.executeUpdate(acceptRemoteSessionUpdate, {
          args: [req(clientUser, { proposal: 1 })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
    });
  });

  it('L3-06: declining (even after accepting) goes back to REGISTERED with a new triage clock; a re-proposal is proposal 2', async () => {
    await withTicket(h, async (handle) => {
      await toRemoteSessionProposed(handle, {
        at: await inHours(26),
        link: 'https://meet.example.com/x',
      });
      await handle.executeUpdate(acceptRemoteSessionUpdate, {
        args: [req(clientUser, { proposal: 1 })],
      });
      const suggestedAt = await inHours(50);
      const result = await handle.executeUpdate(declineRemoteSessionUpdate, {
        args: [req(clientUser, { proposal: 1, reason: ' Cierre contable ', suggestedAt })],
      });
      expect(result.state).toBe('REGISTERED');
      const view = await handle.query(ticketStateQuery);
      expect(view.remoteSession?.declined).toMatchObject({
        by: clientUser.userId,
        reason: 'Cierre contable',
        suggestedAt,
      });
      expect(triage(view)).toEqual(['1:MET', '2:RUNNING']);
      // Staff re-propose the time the client suggested.
      const again = await handle.executeUpdate(proposeRemoteSessionUpdate, {
        args: [req(agent, { at: suggestedAt })],
      });
      expect(again.state).toBe('REMOTE_SESSION_PROPOSED');
      const reproposed = await handle.query(ticketStateQuery);
      expect(reproposed.remoteSession).toMatchObject({
        proposal: 2,
        at: suggestedAt,
        link: null,
        accepted: null,
        declined: null,
      });
      expect(triage(reproposed)).toEqual(['1:MET', '2:MET']);
      await expect(
        handle.executeUpdate(acceptRemoteSessionUpdate, {
          args: [req(clientUser, { proposal: 1 })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      // Replayed by the replay tier: a re-proposal after a decline (QA S63 #4 gates its new entry).
      await maybeRecordHistory(handle, 'remote-session-reproposed');
    });
  });
});

// QA S63 #4 (RFC 5546): a calendar keeps a cancelled UID cancelled, so a proposal after a declined
// or withdrawn one opens a new calendar entry (`calendarEntry`, its `.ics` UID); one after a
// proposal still in the calendars (the client answered on the ticket instead) moves that entry.
describe('a calendar entry per remote session (QA S63 #4, L3-06)', () => {
  const proposeAt = async (handle: WorkflowHandle<typeof ticketWorkflow>, hours: number) => {
    await handle.executeUpdate(proposeRemoteSessionUpdate, {
      args: [req(agent, { at: await inHours(hours) })],
    });
    const view = await handle.query(ticketStateQuery);
    return { session: view.remoteSession, event: lastEvent(view, 'proposeRemoteSession')?.data };
  };

  it('QA S63 #4: a new entry after a decline or a withdrawal; a move after an answer on the ticket', async () => {
    await withTicket(h, async (handle) => {
      // The ticket's first entry: no calendarEntry (the UID every email before the change carried).
      const first = await toRemoteSessionProposed(handle, { at: await inHours(26) });
      expect(first.remoteSession).not.toHaveProperty('calendarEntry');
      expect(lastEvent(first, 'proposeRemoteSession')?.data).not.toHaveProperty('calendarEntry');
      await handle.executeUpdate(declineRemoteSessionUpdate, {
        args: [req(clientUser, { proposal: 1, reason: 'Cierre contable' })],
      });
      const second = await proposeAt(handle, 50);
      expect(second.session).toMatchObject({ proposal: 2, calendarEntry: 2 });
      expect(second.event).toMatchObject({ proposal: 2, calendarEntry: 2 });
      // The client answers on the ticket instead: proposal 2 stays in calendars; 3 moves it.
      await handle.executeUpdate(provideInfoUpdate, {
        args: [req(clientUser, { note: 'Les mando el XML por aquí.' })],
      });
      const third = await proposeAt(handle, 52);
      expect(third.session).toMatchObject({ proposal: 3, calendarEntry: 2 });
      // Withdrawn: the next proposal is a new entry again.
      await handle.executeUpdate(withdrawRemoteSessionUpdate, {
        args: [req(manager, { proposal: 3 })],
      });
      const fourth = await proposeAt(handle, 54);
      expect(fourth.session).toMatchObject({ proposal: 4, calendarEntry: 4 });
      await maybeRecordHistory(handle, 'remote-session-calendar-entries');
    });
  });
});

// QA S62 (L3-06): staff withdraw a pending session (the issue was fixed before it): back to
// REGISTERED, the triage clock as the proposal left it (met) and, QA S63 #5, a new one running,
// the session marked withdrawn.
describe('staff withdraw the remote session (QA S62, L3-06)', () => {
  const triage = (view: TicketView): string[] =>
    view.clocks.filter((c) => c.kind === 'triage').map((c) => `${c.run}:${c.status}`);
  const withdrawAs = (
    handle: WorkflowHandle<typeof ticketWorkflow>,
    actor: Actor,
    fields: { proposal: number; note?: unknown },
  ) => handle.executeUpdate(withdrawRemoteSessionUpdate, { args: [req(actor, fields as never)] });

  it('QA S62: no session pending INVALID_TRANSITION, a client FORBIDDEN, a stale proposal INVALID_TRANSITION, a bad note VALIDATION_FAILED; nothing recorded', async () => {
    await withTicket(h, async (handle) => {
      const opened = await openedState(handle);
      await expect(withdrawAs(handle, agent, { proposal: 1 })).rejects.toMatchObject({
        cause: { type: 'INVALID_TRANSITION' },
      });
      expect((await handle.query(ticketStateQuery)).timeline).toEqual(opened.timeline);
      await toRemoteSessionProposed(handle, { at: await inHours(26) });
      const before = await handle.query(ticketStateQuery);
      const refused: [Promise<unknown>, string][] = [
        [withdrawAs(handle, clientUser, { proposal: 1 }), 'FORBIDDEN'],
        [withdrawAs(handle, approver, { proposal: 1 }), 'FORBIDDEN'],
        [withdrawAs(handle, agent, { proposal: 2 }), 'INVALID_TRANSITION'],
        [withdrawAs(handle, agent, { proposal: 1, note: 5 }), 'VALIDATION_FAILED'],
      ];
      await Promise.all(
        refused.map(([promise, type]) =>
          expect(promise).rejects.toMatchObject({ cause: { type } }),
        ),
      );
      const after = await handle.query(ticketStateQuery);
      expect(after.timeline).toEqual(before.timeline);
      expect(after.remoteSession).toEqual(before.remoteSession);
    });
  });

  it('QA S62, QA S63 #5: a confirmed session withdrawn: REGISTERED, the first triage clock stays met and a new one runs; once only', async () => {
    await withTicket(h, async (handle) => {
      await toRemoteSessionProposed(handle, { at: await inHours(26) });
      await handle.executeUpdate(acceptRemoteSessionUpdate, {
        args: [req(clientUser, { proposal: 1 })],
      });
      const result = await withdrawAs(handle, manager, {
        proposal: 1,
        note: ' Ya quedó corregido ',
      });
      expect(result.state).toBe('REGISTERED');
      const view = await handle.query(ticketStateQuery);
      expect(view.remoteSession?.withdrawn).toEqual({
        at: expect.any(String),
        by: manager.userId,
        note: 'Ya quedó corregido',
      });
      expect(view.remoteSession?.accepted).toMatchObject({ by: clientUser.userId });
      // QA S63 #5: the ticket has a term for its classification again (L3-06), as after a decline.
      expect(triage(view)).toEqual(['1:MET', '2:RUNNING']);
      expect(view.clocks.filter((c) => c.status === 'RUNNING').map((c) => c.kind)).toEqual([
        'triage',
      ]);
      expect(lastEvent(view, 'withdrawRemoteSession')?.data).toMatchObject({
        proposal: 1,
        sessionAt: view.remoteSession?.at,
      });
      // Nothing pending any more: the client cannot answer it, staff cannot withdraw it twice.
      await expect(withdrawAs(handle, agent, { proposal: 1 })).rejects.toMatchObject({
        cause: { type: 'INVALID_TRANSITION' },
      });
      await expect(
        handle.executeUpdate(declineRemoteSessionUpdate, {
          args: [req(clientUser, { proposal: 1, reason: 'No' })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
    });
  });

  const noSession = {
    cause: {
      type: 'INVALID_TRANSITION',
      details: [expect.objectContaining({ reason: 'NO_REMOTE_SESSION' })],
    },
  };

  it('QA S63: after a problem was classified, a confirmed session ahead is withdrawn and the ticket stays in analysis, its progress clock running; once only', async () => {
    await withTicket(h, async (handle) => {
      await toRemoteSessionProposed(handle, { at: await inHours(26) });
      await handle.executeUpdate(acceptRemoteSessionUpdate, {
        args: [req(clientUser, { proposal: 1 })],
      });
      const classified = await toInAnalysis(handle);
      expect(classified.state).toBe('IN_ANALYSIS');
      const result = await withdrawAs(handle, manager, { proposal: 1, note: 'Ya no hace falta' });
      expect(result.state).toBe('IN_ANALYSIS');
      const view = await handle.query(ticketStateQuery);
      expect(view.state).toBe('IN_ANALYSIS');
      expect(view.assigneeId).toBe(classified.assigneeId);
      expect(view.remoteSession?.withdrawn).toEqual({
        at: expect.any(String),
        by: manager.userId,
        note: 'Ya no hace falta',
      });
      expect(view.clocks.filter((c) => c.status === 'RUNNING').map((c) => c.kind)).toEqual([
        'progress',
      ]);
      expect(lastEvent(view, 'withdrawRemoteSession')?.data).toMatchObject({
        proposal: 1,
        sessionAt: view.remoteSession?.at,
      });
      // Nothing ahead any more: refused with its reason, nothing recorded.
      await expect(withdrawAs(handle, agent, { proposal: 1 })).rejects.toMatchObject(noSession);
      expect((await handle.query(ticketStateQuery)).timeline).toEqual(view.timeline);
      // Replayed by the replay tier (the patch's marker in it).
      await maybeRecordHistory(handle, 'withdraw-remote-session-after-classification');
    });
  });

  it('QA S63: a requirement classified with a proposal never confirmed: withdrawn in diagnosis, the state and the diagnosis clock stay; a stale proposal and a client refused', async () => {
    await withTicket(h, async (handle) => {
      await toRemoteSessionProposed(handle, { at: await inHours(26) });
      const classified = await toInDiagnosis(handle);
      expect(classified.state).toBe('IN_DIAGNOSIS');
      await expect(withdrawAs(handle, clientUser, { proposal: 1 })).rejects.toMatchObject({
        cause: { type: 'FORBIDDEN' },
      });
      await expect(withdrawAs(handle, agent, { proposal: 2 })).rejects.toMatchObject({
        cause: {
          type: 'INVALID_TRANSITION',
          details: [expect.objectContaining({ reason: 'PROPOSAL_NOT_CURRENT' })],
        },
      });
      expect((await handle.query(ticketStateQuery)).timeline).toEqual(classified.timeline);
      const result = await withdrawAs(handle, agent, { proposal: 1 });
      expect(result.state).toBe('IN_DIAGNOSIS');
      const view = await handle.query(ticketStateQuery);
      expect(view.remoteSession?.withdrawn).toMatchObject({ by: agent.userId, note: null });
      expect(view.clocks.filter((c) => c.status === 'RUNNING').map((c) => c.kind)).toEqual([
        'diagnosis',
      ]);
    });
  });

  it('QA S63: a classified ticket without a session, or whose session is over, has none to withdraw: NO_REMOTE_SESSION, nothing recorded', async () => {
    await withTicketPair(h, async (never, past) => {
      const plain = await toInAnalysis(never);
      await expect(withdrawAs(never, agent, { proposal: 1 })).rejects.toMatchObject(noSession);
      expect((await never.query(ticketStateQuery)).timeline).toEqual(plain.timeline);

      const at = await inHours(26);
      await toRemoteSessionProposed(past, { at, durationMinutes: 30 });
      await past.executeUpdate(acceptRemoteSessionUpdate, {
        args: [req(clientUser, { proposal: 1 })],
      });
      await toInAnalysis(past);
      await skipTo(h, Date.parse(at) + 31 * 60_000);
      const before = await past.query(ticketStateQuery);
      await expect(withdrawAs(past, agent, { proposal: 1 })).rejects.toMatchObject(noSession);
      expect((await past.query(ticketStateQuery)).timeline).toEqual(before.timeline);
    });
  });
});
