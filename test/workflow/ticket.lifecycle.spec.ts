import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addBusinessDays } from '../../src/business-time/engine';
import {
  acceptDeliveryUpdate,
  addProgressUpdate,
  authorizeEstimateUpdate,
  cancelUpdate,
  classifyUpdate,
  clientRepliedUpdate,
  confirmResolutionUpdate,
  declareNotFeasibleUpdate,
  declareOutOfScopeUpdate,
  provideInfoUpdate,
  rejectEstimateUpdate,
  releaseForTestingUpdate,
  reopenUpdate,
  reportFailuresUpdate,
  requestReestimateUpdate,
  resolveUpdate,
  setReleaseDateUpdate,
  startDevelopmentUpdate,
  ticketStateQuery,
  ticketWorkflowId,
  waitOnClientUpdate,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  HOUR,
  manager,
  maybeRecordHistory,
  useTicketHarness,
  req,
  startTicket,
  type TicketHarness,
  withTicket,
  withWorker,
} from './ticket-harness';
import {
  hoursFromNow,
  submitEstimate,
  toEstimateSubmitted,
  toInAnalysis,
  toInDiagnosis,
  toInfoRequested,
  toRemoteSessionProposed,
  toScheduling,
} from './ticket-steps';

// Every path of the L3 ticket end to end, on the time-skipping server with the real engine.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const kinds = (clocks: readonly { kind: string; status: string }[]): string[] =>
  clocks.map((c) => `${c.kind}:${c.status}`);

describe('ticket workflow, problem path (L3-06, L3-07)', () => {
  it('L3-07: classified as a problem it is assigned at once to the least-loaded agent, progresses, resolves and closes on confirmation', async () => {
    const load = new Map([
      ['agent-busy', 7],
      ['agent-free', 1],
    ]);
    const view = await withWorker(
      h,
      async () => {
        const { handle } = await startTicket(h);
        const classified = await handle.executeUpdate(classifyUpdate, {
          args: [
            req(agent, {
              classification: 'PROBLEM' as const,
              candidateAgentIds: ['agent-busy', 'agent-free'],
            }),
          ],
        });
        expect(classified.state).toBe('IN_ANALYSIS');
        expect((await handle.query(ticketStateQuery)).assigneeId).toBe('agent-free');
        await env.sleep(2 * HOUR);
        await handle.executeUpdate(addProgressUpdate, {
          args: [req(agent, { note: 'Reproduced on staging' })],
        });
        await handle.executeUpdate(waitOnClientUpdate, {
          args: [req(agent, { note: 'Which journal?' })],
        });
        expect((await handle.query(ticketStateQuery)).state).toBe('WAITING_ON_CLIENT');
        await handle.executeUpdate(clientRepliedUpdate, {
          args: [req(clientUser, { note: 'Sales journal' })],
        });
        await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Fixed' })] });
        await handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] });
        const result = await handle.result();
        await maybeRecordHistory(handle, 'problem-confirmed');
        return result;
      },
      (ids) => Promise.resolve(new Map(ids.map((id) => [id, load.get(id) ?? 0]))),
    );
    expect(view.state).toBe('CLOSED');
    expect(view.closure?.outcome).toBe('CONFIRMED');
    expect(view.classification).toBe('PROBLEM');
    expect(kinds(view.clocks)).toEqual(['triage:MET', 'progress:MET', 'progress:MET']);
    expect(view.clocks[2].pauses).toHaveLength(1);
    expect(view.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['registered', 'classify', 'ASSIGNED', 'addProgress', 'resolve']),
    );
    expect(view.timeline.map((e) => e.seq)).toEqual(view.timeline.map((_, i) => i + 1));
    expect(h.events.calls).toEqual([]);
    // Issue 4 projection: every timeline event reached the event log once, in order, and the
    // last read-model slice is the final state.
    const projected = h.projections.flatMap((b) => b.events.map((e) => e.seq));
    expect(projected).toEqual(view.timeline.map((e) => e.seq));
    expect(h.projections.at(-1)!.slice).toMatchObject({
      state: 'CLOSED',
      closureOutcome: 'CONFIRMED',
      assigneeId: 'agent-free',
      nextDeadline: null,
    });
  });

  it('L3-07: the client reopens a resolved problem; a new progress clock runs until it is resolved again', async () => {
    const view = await withTicket(h, async (handle) => {
      await handle.executeUpdate(classifyUpdate, {
        args: [req(manager, { classification: 'PROBLEM' as const, agentId: 'agent-7' })],
      });
      await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Patched' })] });
      const reopened = await handle.executeUpdate(reopenUpdate, {
        args: [req(clientUser, { note: 'Still failing' })],
      });
      expect(reopened.state).toBe('IN_ANALYSIS');
      await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Patched v2' })] });
      await handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] });
      return handle.result();
    });
    expect(view.assigneeId).toBe('agent-7');
    expect(kinds(view.clocks)).toEqual(['triage:MET', 'progress:MET', 'progress:MET']);
    expect(view.timeline.filter((e) => e.type === 'reopen')).toHaveLength(1);
    expect(view.state).toBe('CLOSED');
  });

  it('L3-07: an out-of-scope problem closes with its reason', async () => {
    const view = await withTicket(h, async (handle) => {
      await toInAnalysis(handle);
      await handle.executeUpdate(declareOutOfScopeUpdate, {
        args: [req(agent, { note: 'Third-party module' })],
      });
      return handle.result();
    });
    expect(view.state).toBe('OUT_OF_SCOPE');
    expect(view.closure).toMatchObject({ outcome: 'OUT_OF_SCOPE', reason: 'Third-party module' });
    expect(kinds(view.clocks)).toEqual(['triage:MET', 'progress:MET']);
  });

  it('L3-06: requesting information stops triage; the answer starts a new 8-business-hour triage clock', async () => {
    const view = await withTicket(h, async (handle) => {
      await toInfoRequested(handle, 'Screenshot please');
      await env.sleep(30 * HOUR);
      const answered = await handle.executeUpdate(provideInfoUpdate, {
        args: [req(clientUser, { note: 'Attached' })],
      });
      expect(answered.state).toBe('REGISTERED');
      await toRemoteSessionProposed(handle, { at: await hoursFromNow(h, 24) });
      await toInAnalysis(handle);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Not needed' })] });
      return handle.result();
    });
    const triage = view.clocks.filter((c) => c.kind === 'triage');
    expect(triage.map((c) => [c.run, c.status])).toEqual([
      [1, 'MET'],
      [2, 'MET'],
    ]);
    expect(triage[1].budgetMs).toBe(8 * HOUR);
    expect(Date.parse(triage[1].startedAt) - Date.parse(triage[0].startedAt)).toBeGreaterThan(
      30 * HOUR,
    );
    expect(view.remoteSessionAt).not.toBeNull();
    expect(view.state).toBe('CANCELLED');
    expect(kinds(view.clocks)).toEqual(['triage:MET', 'triage:MET', 'progress:STOPPED']);
  });

  it('the client cancels while the provider waits on them: the paused clock stops', async () => {
    const view = await withTicket(h, async (handle) => {
      await toInDiagnosis(handle);
      await handle.executeUpdate(waitOnClientUpdate, {
        args: [req(agent, { note: 'Which fields?' })],
      });
      await handle.executeUpdate(cancelUpdate, {
        args: [req(clientUser, { note: 'Budget cut' })],
      });
      const result = await handle.result();
      await maybeRecordHistory(handle, 'requirement-cancelled-while-waiting');
      return result;
    });
    expect(view.state).toBe('CANCELLED');
    expect(view.closure).toMatchObject({ outcome: 'CANCELLED', reason: 'Budget cut' });
    expect(kinds(view.clocks)).toEqual(['triage:MET', 'diagnosis:STOPPED']);
    expect(view.clocks[1].pauses[0].to).not.toBeNull();
  });
});

describe('ticket workflow, requirement path (L3-08, L3-09)', () => {
  it('L3-08: a requirement that is not feasible closes with its reasons', async () => {
    const view = await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toInDiagnosis(handle, 'DEVELOPMENT');
      await handle.executeUpdate(declareNotFeasibleUpdate, {
        args: [req(agent, { reasons: ['Odoo core limitation', 'No API'] })],
      });
      return handle.result();
    });
    expect(view.state).toBe('NOT_FEASIBLE');
    expect(view.requirementKind).toBe('DEVELOPMENT');
    expect(view.closure?.reason).toBe('Odoo core limitation\nNo API');
    expect(kinds(view.clocks)).toEqual(['triage:MET', 'diagnosis:MET']);
  });

  it('L3-09: estimate, written authorization, release date, development, failures → rework, acceptance', async () => {
    const view = await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toScheduling(handle, {
        requirementKind: 'DEVELOPMENT',
        hours: 12.5,
        scope: 'New report',
        statement: 'Autorizo las 12.5 horas.',
      });
      // A closing instant three business days ahead is a valid release instant.
      const now = new Date(await env.currentTimeMs());
      const release = addBusinessDays(h.calendars.engine, now, 3).toISOString();
      const scheduled = await handle.executeUpdate(setReleaseDateUpdate, {
        args: [req(agent, { releaseDate: release })],
      });
      expect(scheduled.state).toBe('RELEASE_DATE_SET');
      await handle.executeUpdate(startDevelopmentUpdate, { args: [req(agent)] });
      await handle.executeUpdate(releaseForTestingUpdate, { args: [req(agent)] });
      await handle.executeUpdate(reportFailuresUpdate, {
        args: [req(clientUser, { note: 'Totals wrong' })],
      });
      expect((await handle.query(ticketStateQuery)).state).toBe('IN_DEVELOPMENT');
      await handle.executeUpdate(releaseForTestingUpdate, { args: [req(agent)] });
      await handle.executeUpdate(acceptDeliveryUpdate, { args: [req(clientUser)] });
      const result = await handle.result();
      await maybeRecordHistory(handle, 'requirement-delivered');
      return result;
    });
    expect(view.state).toBe('CLOSED');
    expect(view.closure?.outcome).toBe('ACCEPTED');
    expect(view.reworkCount).toBe(1);
    expect(view.estimates).toMatchObject([{ version: 1, hours: 12.5, status: 'AUTHORIZED' }]);
    expect(view.authorizations).toEqual([
      {
        estimateVersion: 1,
        approverId: approver.userId,
        statement: 'Autorizo las 12.5 horas.',
        at: expect.any(String),
      },
    ]);
    expect(view.releaseDate).not.toBeNull();
    expect(kinds(view.clocks)).toEqual(['triage:MET', 'diagnosis:MET', 'scheduling:MET']);
    // L3-12: the authorization reserved the estimate's hours; the end released the rest, once.
    expect(h.ledger.reservations).toMatchObject([
      { estimateVersion: 1, hours: 12.5, category: 'DEVELOPMENT', actorId: approver.userId },
    ]);
    expect(h.ledger.releases).toHaveLength(1);
  });

  it('L3-12: an authorization the prepaid balance cannot cover is refused and changes nothing', async () => {
    h.ledger.available = 10;
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await toEstimateSubmitted(handle, {
        requirementKind: 'DEVELOPMENT',
        hours: 12.5,
        scope: 'New report',
      });
      await expect(
        handle.executeUpdate(authorizeEstimateUpdate, {
          args: [req(approver, { estimateVersion: 1, statement: 'Autorizo las 12.5 horas.' })],
        }),
      ).rejects.toMatchObject({
        cause: { type: 'VALIDATION_FAILED', message: expect.stringMatching(/INSUFFICIENT_HOURS/) },
      });
      const state = await handle.query(ticketStateQuery);
      expect(state.state).toBe('ESTIMATE_SUBMITTED');
      expect(state.authorizations).toEqual([]);
      expect(state.timeline.map((e) => e.type)).not.toContain('authorizeEstimate');
      await handle.executeUpdate(cancelUpdate, {
        args: [req(clientUser, { note: 'Too expensive' })],
      });
      return handle.result();
    });
    expect(h.ledger.reservations).toEqual([]);
    // Nothing was authorized, so there is nothing to release (and the cancel event says nothing).
    expect(h.ledger.releases).toEqual([]);
    const cancelled = h.projections.flatMap((b) => b.events).find((e) => e.type === 'cancel');
    expect(cancelled?.data).toEqual({ note: 'Too expensive' });
  });

  it('L3-12: cancelling an authorized requirement gives its unused hours back at once; the cancel event says how many', async () => {
    h.ledger.releasedHours = 6.5;
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle, input) => {
      await toScheduling(handle, {
        requirementKind: 'DEVELOPMENT',
        hours: 8,
        scope: 'New report',
        statement: 'Autorizo las 8 horas.',
      });
      const cancelled = await handle.executeUpdate(cancelUpdate, {
        args: [req(clientUser, { note: 'Ya no aplica' })],
      });
      // Released before the cancellation answers, with the key the ended run uses (which may
      // already have asked again by now).
      expect(h.ledger.releases[0]).toEqual({
        ticketNumber: input.ticketNumber,
        reason: 'ticket cancelled',
        idempotencyKey: `${ticketWorkflowId(input.ticketNumber)}:release`,
      });
      const event = (await handle.query(ticketStateQuery)).timeline.find(
        (e) => e.seq === cancelled.seq,
      );
      expect(event).toMatchObject({
        type: 'cancel',
        actor: clientUser,
        data: { note: 'Ya no aplica', releasedHours: 6.5 },
      });
      const final = await handle.result();
      expect(final.state).toBe('CANCELLED');
      await maybeRecordHistory(handle, 'release-at-end-after-cancel');
    });
    // The event log got the number with the event (the email is built from it). The ended run
    // asks the ledger again with the same key: a replay of that release, or, when it found nothing
    // held (a waived ticket un-waived in the meantime), the hours held since (L3-12).
    const projected = h.projections.flatMap((b) => b.events).filter((e) => e.type === 'cancel');
    expect(projected.map((e) => e.data)).toEqual([{ note: 'Ya no aplica', releasedHours: 6.5 }]);
    expect(h.ledger.releases).toHaveLength(2);
    expect(new Set(h.ledger.releases.map((r) => r.idempotencyKey)).size).toBe(1);
  });

  it('L3-09: a rejection and a re-estimate request go back to diagnosis with a new clock', async () => {
    const view = await withTicket(h, { category: 'TRAINING' }, async (handle) => {
      await toEstimateSubmitted(handle, {
        requirementKind: 'DEVELOPMENT',
        hours: 40,
        scope: 'Full training',
      });
      const rejected = await handle.executeUpdate(rejectEstimateUpdate, {
        args: [req(approver, { estimateVersion: 1, reason: 'Too many hours' })],
      });
      expect(rejected.state).toBe('IN_DIAGNOSIS');
      await submitEstimate(handle, { hours: 20, scope: 'Short training' });
      await handle.executeUpdate(requestReestimateUpdate, {
        args: [req(clientUser, { estimateVersion: 2, reason: 'Add a session on reports' })],
      });
      await submitEstimate(handle, { hours: 24, scope: 'Short training + reports' });
      await handle.executeUpdate(authorizeEstimateUpdate, {
        args: [req(approver, { estimateVersion: 3, statement: 'OK 24 h' })],
      });
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Later' })] });
      return handle.result();
    });
    expect(view.estimates.map((e) => [e.version, e.status])).toEqual([
      [1, 'REJECTED'],
      [2, 'REESTIMATE_REQUESTED'],
      [3, 'AUTHORIZED'],
    ]);
    expect(view.clocks.filter((c) => c.kind === 'diagnosis').map((c) => c.run)).toEqual([1, 2, 3]);
    expect(view.authorizations.map((a) => a.estimateVersion)).toEqual([3]);
    expect(kinds(view.clocks).at(-1)).toBe('scheduling:STOPPED');
  });
});
