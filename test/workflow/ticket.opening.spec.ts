import { addBusinessMinutes } from '../../src/business-time/engine';
import { businessWindow, computeClock } from '../../src/tickets/clock-computation';
import {
  addProgressUpdate,
  cancelUpdate,
  classifyUpdate,
  type TicketOpening,
} from '../../workflows/ticket/ticket.contract';
import {
  computationWindow,
  openedView,
  openingTriageArgs,
} from '../../workflows/ticket/ticket-opening';
import {
  agent,
  CALENDAR_ID,
  clientUser,
  localActivities,
  maybeRecordHistory,
  openedState,
  req,
  startTicket,
  ticketInput,
  type TicketHarness,
  useTicketHarness,
  withTicket,
  withWorker,
} from './ticket-harness';

// `registerTicket` answers without waiting for the workflow's first task: the API computes the
// opening state with the same pure functions. This spec proves both give the same ticket.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

describe('ticket opening (L3-05, L3-06)', () => {
  it('L3-05/L3-06: the state registerTicket answers with (computed by the API) is the state the workflow opens with', async () => {
    const opened = await withTicket(h, async (handle, input) => {
      const view = await openedState(handle);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
      return { view, input };
    });
    const { engine, version } = h.calendars.current;
    const answered = openedView(
      opened.input,
      computeClock(engine, version, openingTriageArgs(opened.input)),
      opened.view.timeline[1].at,
    );
    expect(answered).toEqual(opened.view);
    const triage = answered.clocks[0];
    expect(triage).toMatchObject({ kind: 'triage', status: 'RUNNING', run: 1 });
    expect(triage.deadline).toBe(
      addBusinessMinutes(engine, new Date(opened.input.registeredAt), 8 * 60).toISOString(),
    );
    expect(answered.timeline.map((e) => e.type)).toEqual(['registered', 'CLOCK_STARTED']);
  });

  it("issues 5/10: with the API's opening in its input the first task asks no local activity but the projection, opens the same state, and computes the next clock in the given window", async () => {
    const { engine, version } = h.calendars.current;
    // What registerTicket passes (TicketsService `openingOf`), made before the start at its now.
    const nowMs = await h.env.currentTimeMs();
    const input = ticketInput({ registeredAt: new Date(nowMs - (nowMs % 60_000)).toISOString() });
    const args = openingTriageArgs(input);
    const { fromMs, toMs } = computationWindow(Date.parse(args.startedAt), nowMs);
    const opening: TicketOpening = {
      triage: computeClock(engine, version, args),
      window: businessWindow(engine, CALENDAR_ID, version, fromMs, toMs),
    };
    const given = await startTicket(h, { ...input, opening });
    const { view, asked } = await withWorker(h, async () => {
      const opened = await openedState(given.handle);
      // L3-07: a problem's progress clock starts at classification, in the window given.
      await given.handle.executeUpdate(classifyUpdate, {
        args: [req(agent, { classification: 'PROBLEM' as const, agentId: 'agent-1' })],
      });
      await given.handle.executeUpdate(addProgressUpdate, { args: [req(agent, { note: 'x' })] });
      const activities = await localActivities(given.handle);
      await given.handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await given.handle.result();
      return { view: opened, asked: activities };
    });
    expect(asked.filter((type) => type.startsWith('compute'))).toEqual([]);
    expect(asked.length).toBeGreaterThan(0); // the projections
    expect(view).toEqual(openedView(given.input, opening.triage, view.timeline[1].at));
    expect(view.clocks[0].deadline).toBe(
      addBusinessMinutes(engine, new Date(given.input.registeredAt), 8 * 60).toISOString(),
    );
  });

  it('L3-04/L3-11: the registered event keeps the role the ticket was registered in (an approver may register too); without it, CLIENT_USER as before', async () => {
    const [asApprover, unnamed] = await withWorker(h, async () => {
      const views = [];
      for (const overrides of [{ registrantRole: 'CLIENT_APPROVER' as const }, {}]) {
        const { handle, input } = await startTicket(h, overrides);
        const view = await openedState(handle);
        await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
        await handle.result();
        if (input.registrantRole) await maybeRecordHistory(handle, 'registered-actor-role');
        views.push({ view, input });
      }
      return views;
    });
    expect(asApprover.view.timeline[0]).toMatchObject({
      type: 'registered',
      actor: { userId: asApprover.input.registrantId, role: 'CLIENT_APPROVER' },
    });
    expect(unnamed.view.timeline[0].actor).toEqual({
      userId: unnamed.input.registrantId,
      role: 'CLIENT_USER',
    });
    // The API's answer to registerTicket says the same.
    const { engine, version } = h.calendars.current;
    for (const { view, input } of [asApprover, unnamed]) {
      const answered = openedView(
        input,
        computeClock(engine, version, openingTriageArgs(input)),
        view.timeline[1].at,
      );
      expect(answered).toEqual(view);
    }
  });

  it('L3-04: a registrant role that is not a client portal role fails the start (VALIDATION_FAILED)', async () => {
    await withTicket(h, { registrantRole: 'AGENT' as never }, async (handle) => {
      await expect(handle.result()).rejects.toMatchObject({
        cause: { type: 'VALIDATION_FAILED', message: expect.stringMatching(/registrantRole/) },
      });
    });
  });

  it('issues 5/10: search attributes said set at the start by something other than their key fail the start (VALIDATION_FAILED)', async () => {
    await withTicket(h, { searchAttributesAtStart: 42 as never }, async (handle) => {
      await expect(handle.result()).rejects.toMatchObject({
        cause: {
          type: 'VALIDATION_FAILED',
          message: expect.stringMatching(/searchAttributesAtStart/),
        },
      });
    });
  });

  it('L3-06: a transition that reaches the workflow together with its start runs after the opening', async () => {
    const { handle } = await startTicket(h);
    // Sent before any worker ran the first task: the Update is delivered in the same activation.
    const classified = handle.executeUpdate(classifyUpdate, {
      args: [req(agent, { classification: 'PROBLEM' as const, agentId: 'agent-1' })],
    });
    const view = await withWorker(h, async () => {
      expect((await classified).state).toBe('IN_ANALYSIS');
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      return handle.result();
    });
    expect(view.timeline.slice(0, 3).map((e) => e.type)).toEqual([
      'registered',
      'CLOCK_STARTED',
      'classify',
    ]);
    expect(view.clocks.find((c) => c.kind === 'triage')?.status).toBe('MET');
    expect(view.classification).toBe('PROBLEM');
  });
});
