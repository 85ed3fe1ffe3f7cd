import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  addBusinessDays,
  addBusinessMinutes,
  businessMillisecondsBetween,
  localDateOf,
  workingIntervalsOn,
} from '../../src/business-time/engine';
import {
  addProgressUpdate,
  authorizeEstimateUpdate,
  calendarChangedSignal,
  cancelUpdate,
  classifyUpdate,
  clientRepliedUpdate,
  submitEstimateUpdate,
  KEPT_ENDED_CLOCK_RUNS,
  KEPT_TIMELINE_EVENTS,
  ticketStateQuery,
  waitOnClientUpdate,
  type SlaClockView,
  type TicketView,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  baseDefinition,
  CALENDAR_ID,
  clientUser,
  eventually,
  expectFiredAt,
  expectFiredWithin,
  HOUR,
  localActivities,
  MINUTE,
  maybeRecordHistory,
  useTicketHarness,
  req,
  skipTo,
  skipToNextOpening,
  startTicket,
  type TicketHarness,
  withTicket,
  withWorker,
} from './ticket-harness';
import { toInAnalysis } from './ticket-steps';
import { foldEvents } from '../../src/tickets/ticket-projection';

// SLA clocks of the ticket (SLA-CLAUSES.md "SLA clocks at a glance"): at-risk and breach each
// recorded once, at the business instant the calendar gives. The time-skipping server starts at
// real "now"; tests skip its clock forward to the instants they need (never backwards).

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness(
  (ctx) => {
    ({ env, h } = ctx);
  },
  { skipToNextOpening: false },
);

const clock = (view: TicketView, kind: string, run = 1): SlaClockView =>
  view.clocks.find((c) => c.kind === kind && c.run === run)!;

/** The next Friday 17:30 local before a first-Monday-of-February holiday, after `nowMs`. */
function fridayBeforeFebruaryHoliday(nowMs: number): { registered: number; monday: number } {
  for (let year = new Date(nowMs).getUTCFullYear(); ; year += 1) {
    const firstMonday = [1, 2, 3, 4, 5, 6, 7].find(
      (d) => new Date(Date.UTC(year, 1, d)).getUTCDay() === 1,
    )!;
    // America/Mexico_City is UTC−6 all year since 2022: 17:30 local = 23:30Z.
    const registered = Date.UTC(year, 1, firstMonday - 3, 23, 30);
    if (registered > nowMs + MINUTE) return { registered, monday: Date.UTC(year, 1, firstMonday) };
  }
}

describe('triage clock (L3-06)', () => {
  it('L3-06: registered Friday 17:30 before the February holiday Monday, triage is at risk Tuesday 14:30 and breaches Tuesday 16:30 local, each recorded once', async () => {
    const { registered, monday } = fridayBeforeFebruaryHoliday(await env.currentTimeMs());
    // Same weekday pattern as Fri 2026-01-30 → Tue 2026-02-03 (exact 2026 instants: unit tier).
    const holiday = new Date(monday).toISOString().slice(0, 10);
    expect(workingIntervalsOn(h.calendars.engine, holiday).rule).toBe('holiday');
    const tuesday = monday + 24 * HOUR;
    const deadline = tuesday + 22 * HOUR + 30 * MINUTE; // 16:30 local
    const atRisk = tuesday + 20 * HOUR + 30 * MINUTE; // 14:30 local: 6 of 8 business hours
    await skipTo(h, registered);
    const view = await withTicket(
      h,
      { registeredAt: new Date(registered).toISOString() },
      async (handle) => {
        await skipTo(h, deadline + HOUR);
        await h.events.waitFor('triage', 'breached');
        await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'late' })] });
        const result = await handle.result();
        await maybeRecordHistory(handle, 'triage-breached-over-holiday');
        return result;
      },
    );
    const triage = clock(view, 'triage');
    expect(triage.deadline).toBe(new Date(deadline).toISOString());
    expect(triage.atRiskAt).toBe(new Date(atRisk).toISOString());
    expect(triage.status).toBe('BREACHED');
    expect(h.events.calls.map((e) => e.event)).toEqual(['at_risk', 'breached']);
    expectFiredAt(h.events.calls[0].firedAt, atRisk);
    expectFiredAt(h.events.calls[1].firedAt, deadline);
    expect(h.events.calls[1]).toMatchObject({ clockId: triage.id, deadline: triage.deadline });
    expect(view.timeline.filter((e) => e.type === 'CLOCK_BREACHED')).toHaveLength(1);
  });

  it('L3-06: triage done before the deadline is MET and never fires', async () => {
    const opening = await skipToNextOpening(h);
    const view = await withTicket(h, async (handle) => {
      await env.sleep(3 * HOUR);
      await toInAnalysis(handle);
      await env.sleep(2 * 24 * HOUR);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      return handle.result();
    });
    const triage = clock(view, 'triage');
    expect(triage.status).toBe('MET');
    expect(triage.deadline).toBe(new Date(opening + 8 * HOUR).toISOString());
    // The Update lands a moment of real time after the skip (time runs at wall speed between
    // skips): a busy 2-core machine measured 1.3 s. A minute still tells 3 h from 2 h or 4 h.
    expect(Math.abs(triage.consumedMs - 3 * HOUR)).toBeLessThan(MINUTE);
    expect(h.events.of('triage')).toEqual([]);
  });
});

describe('diagnosis and scheduling clocks (L3-08, L3-09)', () => {
  it('L3-08: the 5-business-day diagnosis clock warns at 75 % and breaches at the closing of the 5th business date, once; submitting later keeps it BREACHED', async () => {
    await skipToNextOpening(h);
    const view = await withTicket(h, async (handle) => {
      await handle.executeUpdate(classifyUpdate, {
        args: [
          req(agent, {
            classification: 'REQUIREMENT' as const,
            requirementKind: 'CHANGE' as const,
          }),
        ],
      });
      const running = clock(await handle.query(ticketStateQuery), 'diagnosis');
      await skipTo(h, Date.parse(running.deadline!) + 2 * HOUR);
      await h.events.waitFor('diagnosis', 'breached');
      const breached = await handle.query(ticketStateQuery);
      expect(breached.slaStatus).toBe('breached');
      await handle.executeUpdate(submitEstimateUpdate, {
        args: [req(agent, { hours: 4, scope: 'x' })],
      });
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      return handle.result();
    });
    const diagnosis = clock(view, 'diagnosis');
    const start = new Date(diagnosis.startedAt);
    expect(diagnosis.deadline).toBe(addBusinessDays(h.calendars.engine, start, 5).toISOString());
    expect(diagnosis.budgetMs).toBe(
      businessMillisecondsBetween(h.calendars.engine, start, new Date(diagnosis.deadline!)),
    );
    expect(
      businessMillisecondsBetween(h.calendars.engine, start, new Date(diagnosis.atRiskAt!)),
    ).toBe(Math.round(diagnosis.budgetMs * 0.75));
    expect(diagnosis.status).toBe('BREACHED');
    expect(diagnosis.endedAt).not.toBeNull();
    expect(h.events.of('diagnosis').map((e) => e.event)).toEqual(['at_risk', 'breached']);
    expectFiredAt(h.events.of('diagnosis', 'at_risk')[0].firedAt, diagnosis.atRiskAt!);
    expectFiredAt(h.events.of('diagnosis', 'breached')[0].firedAt, diagnosis.deadline!);
  });

  it('L3-09: the scheduling clock of 2 business days starts at the written authorization and breaches once', async () => {
    await skipToNextOpening(h);
    const view = await withTicket(h, async (handle) => {
      await handle.executeUpdate(classifyUpdate, {
        args: [
          req(agent, { classification: 'REQUIREMENT' as const, requirementKind: 'OTHER' as const }),
        ],
      });
      await handle.executeUpdate(submitEstimateUpdate, {
        args: [req(agent, { hours: 2, scope: 'x' })],
      });
      await env.sleep(26 * HOUR); // the approval wait has no provider SLA
      await handle.executeUpdate(authorizeEstimateUpdate, {
        args: [req(approver, { estimateVersion: 1, statement: 'Autorizado' })],
      });
      const scheduling = clock(await handle.query(ticketStateQuery), 'scheduling');
      await skipTo(h, Date.parse(scheduling.deadline!) + HOUR);
      await h.events.waitFor('scheduling', 'breached');
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      return handle.result();
    });
    const scheduling = clock(view, 'scheduling');
    const authorizedAt = view.authorizations[0].at;
    expect(scheduling.startedAt).toBe(authorizedAt);
    expect(scheduling.deadline).toBe(
      addBusinessDays(h.calendars.engine, new Date(authorizedAt), 2).toISOString(),
    );
    expect(h.events.of('scheduling').map((e) => e.event)).toEqual(['at_risk', 'breached']);
    expectFiredAt(h.events.of('scheduling', 'breached')[0].firedAt, scheduling.deadline!);
    expect(clock(view, 'diagnosis').status).toBe('MET');
  });
});

describe('progress clock (L3-07): pause while waiting on the client', () => {
  it('L3-07: pausing freezes the consumed business time; resuming sets the deadline to the remaining time; breach once at that instant', async () => {
    await skipToNextOpening(h);
    const view = await withTicket(h, async (handle) => {
      await toInAnalysis(handle);
      await env.sleep(2 * HOUR);
      await handle.executeUpdate(waitOnClientUpdate, { args: [req(agent, { note: '?' })] });
      await env.sleep(3 * 24 * HOUR); // far past the unpaused deadline: nothing may fire
      expect(h.events.of('progress')).toEqual([]);
      const paused = clock(await handle.query(ticketStateQuery), 'progress');
      expect(paused.status).toBe('PAUSED');
      expect(paused.deadline).toBeNull();
      await handle.executeUpdate(clientRepliedUpdate, { args: [req(clientUser, { note: '!' })] });
      const resumed = clock(await handle.query(ticketStateQuery), 'progress');
      await skipTo(h, Date.parse(resumed.deadline!) + HOUR);
      await h.events.waitFor('progress', 'breached');
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      const result = await handle.result();
      await maybeRecordHistory(handle, 'progress-paused-resumed-breached');
      return result;
    });
    const progress = clock(view, 'progress');
    const engine = h.calendars.engine;
    const [pause] = progress.pauses;
    const consumedAtPause = businessMillisecondsBetween(
      engine,
      new Date(progress.startedAt),
      new Date(pause.from),
    );
    expect(Math.abs(consumedAtPause - 2 * HOUR)).toBeLessThan(MINUTE);
    // The deadline is exactly the remaining business time after the resume.
    expect(
      businessMillisecondsBetween(engine, new Date(pause.to!), new Date(progress.deadline!)),
    ).toBe(8 * HOUR - consumedAtPause);
    expect(Date.parse(progress.deadline!)).toBeGreaterThan(
      Date.parse(pause.to!) + 6 * HOUR - 1_000,
    );
    expect(h.events.of('progress').map((e) => e.event)).toEqual(['at_risk', 'breached']);
    expectFiredAt(h.events.of('progress', 'breached')[0].firedAt, progress.deadline!);
    expect(progress.status).toBe('BREACHED');
  });
});

describe('progress clock (L3-07): each update restarts the cadence', () => {
  it('L3-07: a progress update ends the running progress clock MET and starts the next run at that instant; each projected batch carries only the runs it changed, and folding the batches gives every run', async () => {
    await skipToNextOpening(h);
    const { view, number } = await withTicket(
      h,
      { progressCadenceMinutes: 120 },
      async (handle, input) => {
        await toInAnalysis(handle);
        for (let i = 0; i < 4; i += 1) {
          await env.sleep(10 * MINUTE);
          await handle.executeUpdate(addProgressUpdate, {
            args: [req(agent, { note: `avance ${i}` })],
          });
        }
        const state = await handle.query(ticketStateQuery);
        await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
        await handle.result();
        return { view: state, number: input.ticketNumber };
      },
    );
    const progress = view.clocks.filter((c) => c.kind === 'progress');
    expect(progress.map((c) => [c.run, c.status])).toEqual([
      [1, 'MET'],
      [2, 'MET'],
      [3, 'MET'],
      [4, 'MET'],
      [5, 'RUNNING'],
    ]);
    for (let run = 1; run < 5; run += 1) {
      expect(clock(view, 'progress', run).endedAt).toBe(clock(view, 'progress', run + 1).startedAt);
    }
    const batches = h.projections.filter((b) => b.ticketNumber === number);
    const updates = batches.filter((b) => b.events.some((e) => e.type === 'addProgress'));
    expect(updates).toHaveLength(4);
    updates.forEach((batch, i) => {
      expect(batch.events.map((e) => e.type)).toEqual([
        'addProgress',
        'CLOCK_MET',
        'CLOCK_STARTED',
      ]);
      expect(batch.slice.clocks.map((c) => [c.kind, c.run])).toEqual([
        ['progress', i + 1],
        ['progress', i + 2],
      ]);
    });
    const folded = foldEvents(
      batches
        .filter((b) => b.events.length > 0)
        .flatMap((b) =>
          b.events.map((e, i) => ({
            seq: e.seq,
            readModel: i === b.events.length - 1 ? b.slice : null,
          })),
        )
        .filter((e) => e.seq <= view.timeline.length),
    );
    expect([...folded.clocks.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...view.clocks].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});

/** Timers the history started and cancelled so far. */
async function timerCounts(
  handle: WorkflowHandle,
): Promise<{ started: number; cancelled: number }> {
  const events = (await handle.fetchHistory()).events ?? [];
  return {
    started: events.filter((e) => e.timerStartedEventAttributes).length,
    cancelled: events.filter((e) => e.timerCanceledEventAttributes).length,
  };
}

describe('progress clock (L3-07): updates that move the wake later keep the armed timer', () => {
  it('L3-07: three progress updates start and cancel no timer; the kept one fires early, the rest is re-armed, and the last run warns and breaches once at its own instants', async () => {
    await skipToNextOpening(h);
    const { view, before, after } = await withTicket(
      h,
      { progressCadenceMinutes: 120 },
      async (handle) => {
        await toInAnalysis(handle);
        const first = await timerCounts(handle);
        for (let i = 0; i < 3; i += 1) {
          await env.sleep(10 * MINUTE);
          await handle.executeUpdate(addProgressUpdate, {
            args: [req(agent, { note: `avance ${i}` })],
          });
        }
        const afterUpdates = await timerCounts(handle);
        const last = clock(await handle.query(ticketStateQuery), 'progress', 4);
        await skipTo(h, Date.parse(last.deadline!) + MINUTE);
        await h.events.waitFor('progress', 'breached');
        const state = await handle.query(ticketStateQuery);
        await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
        await handle.result();
        await maybeRecordHistory(handle, 'kept-wake-timer');
        return { view: state, before: first, after: afterUpdates };
      },
    );
    expect(after).toEqual(before);
    const last = clock(view, 'progress', 4);
    expect(view.clocks.filter((c) => c.kind === 'progress').map((c) => c.status)).toEqual([
      'MET',
      'MET',
      'MET',
      'BREACHED',
    ]);
    const fired = h.events.of('progress');
    expect(fired.map((e) => [e.clockId, e.event])).toEqual([
      [last.id, 'at_risk'],
      [last.id, 'breached'],
    ]);
    expectFiredAt(fired[0].firedAt, last.atRiskAt!);
    expectFiredAt(fired[1].firedAt, last.deadline!);
  });
});

describe('progress clock (L3-07, issues 5/10): computed in the recorded calendar window', () => {
  it('L3-07: progress updates compute their clocks in the workflow (no local activity but the projection); a calendar change asks the activity again and the next update computes on the new version', async () => {
    await skipToNextOpening(h);
    await withTicket(h, { progressCadenceMinutes: 120 }, async (handle) => {
      await toInAnalysis(handle);
      const progressUpdate = async () => {
        await env.sleep(10 * MINUTE);
        await handle.executeUpdate(addProgressUpdate, { args: [req(agent, { note: 'avance' })] });
      };
      const before = await localActivities(handle);
      expect(before).toContain('computeClockDeadlinesWithWindow');
      await progressUpdate();
      await progressUpdate();
      const afterUpdates = await localActivities(handle);
      expect(afterUpdates.slice(before.length)).toEqual(['projectTicket', 'projectTicket']);
      const view = await handle.query(ticketStateQuery);
      const [ended, running] = [clock(view, 'progress', 2), clock(view, 'progress', 3)];
      const engine = h.calendars.engine;
      const expected = (startedAt: string) =>
        addBusinessMinutes(engine, new Date(startedAt), 120).toISOString();
      expect(ended).toMatchObject({
        status: 'MET',
        consumedMs: businessMillisecondsBetween(
          engine,
          new Date(ended.startedAt),
          new Date(ended.endedAt!),
        ),
        calendarVersion: 1,
      });
      expect(ended.consumedMs).toBeGreaterThanOrEqual(10 * MINUTE);
      expect(running).toMatchObject({ deadline: expected(running.startedAt), calendarVersion: 1 });
      expect(running.atRiskAt).toBe(
        addBusinessMinutes(engine, new Date(running.startedAt), 90).toISOString(),
      );

      h.calendars.publish({
        ...baseDefinition,
        overrides: [
          {
            date: localDateOf(engine, new Date(running.startedAt)),
            intervals: [{ start: '08:00', end: '20:00' }],
            reason: 'long day',
          },
        ],
      });
      await handle.signal(calendarChangedSignal, { calendarId: CALENDAR_ID });
      await eventually(
        () => handle.query(ticketStateQuery),
        (v) => clock(v, 'progress', 3).calendarVersion === 2,
      );
      const afterChange = await localActivities(handle);
      expect(afterChange.slice(afterUpdates.length)).toContain('computeClockDeadlinesWithWindow');
      await progressUpdate();
      expect((await localActivities(handle)).slice(afterChange.length)).toEqual(['projectTicket']);
      const next = clock(await handle.query(ticketStateQuery), 'progress', 4);
      expect(next).toMatchObject({
        deadline: addBusinessMinutes(
          h.calendars.engine,
          new Date(next.startedAt),
          120,
        ).toISOString(),
        calendarVersion: 2,
      });
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      await handle.result();
      await maybeRecordHistory(handle, 'clock-window');
    });
  });
});

describe('calendar change, worker restart, continue-as-new', () => {
  it('L3-06: a calendar change (half day today) recomputes the running triage deadline; only the new one fires', async () => {
    const opening = await skipToNextOpening(h);
    const today = localDateOf(h.calendars.engine, new Date(opening));
    await withTicket(h, async (handle, input) => {
      await env.sleep(HOUR);
      h.calendars.publish({
        ...baseDefinition,
        overrides: [
          { date: today, intervals: [{ start: '09:00', end: '13:00' }], reason: 'half day' },
        ],
      });
      await handle.signal(calendarChangedSignal, { calendarId: CALENDAR_ID });
      const view = await eventually(
        () => handle.query(ticketStateQuery),
        (v) => clock(v, 'triage').calendarVersion === 2,
      );
      const expected = addBusinessMinutes(h.calendars.engine, new Date(input.registeredAt), 480);
      expect(clock(view, 'triage').deadline).toBe(expected.toISOString());
      expect(expected.getTime()).toBeGreaterThan(opening + 24 * HOUR);
      // QA S60b: the hour it ran before the edit stays consumed (it read 0, «8 h hábiles» left).
      const recomputed = clock(view, 'triage');
      const ranMs = Date.parse(recomputed.consumedAsOf) - Date.parse(input.registeredAt);
      expect(ranMs).toBeGreaterThanOrEqual(HOUR);
      expect(recomputed.consumedMs).toBe(ranMs);
      expect(recomputed.remainingMs).toBe(8 * HOUR - ranMs);
      await skipTo(h, opening + 9 * HOUR); // the old deadline (17:00) passes quietly
      expect(h.events.of('triage', 'breached')).toEqual([]);
      await skipTo(h, expected.getTime() + HOUR);
      await h.events.waitFor('triage', 'breached');
      expectFiredAt(h.events.of('triage', 'breached')[0].firedAt, expected.getTime());
      expect(h.events.of('triage', 'breached')[0].deadline).toBe(expected.toISOString());
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      const result = await handle.result();
      expect(result.timeline.filter((e) => e.type === 'CLOCK_RECOMPUTED')).toHaveLength(1);
      await maybeRecordHistory(handle, 'calendar-changed');
    });
  });

  // The time-skipping server does not skip time while a workflow task waits for a worker, so the
  // deadline passes with the second worker polling. The first worker runs without a sticky cache:
  // the test server never hands a dead worker's sticky tasks back to the shared queue.
  it('a worker restart mid-clock loses nothing: the new worker rebuilds the clock from history; at-risk and breach recorded once', async () => {
    const opening = await skipToNextOpening(h);
    const { handle } = await withWorker(
      h,
      async () => {
        const started = await startTicket(h);
        await env.sleep(HOUR);
        return started;
      },
      undefined,
      { maxCachedWorkflows: 0 },
    );
    await env.sleep(30 * MINUTE); // no worker at all for a while
    expect(h.events.calls).toEqual([]);
    const view = await withWorker(h, async () => {
      await skipTo(h, opening + 9 * HOUR);
      await h.events.waitFor('triage', 'breached');
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      return handle.result();
    });
    const deadline = new Date(opening + 8 * HOUR).toISOString();
    expect(h.events.calls.map((e) => e.event)).toEqual(['at_risk', 'breached']);
    expect(h.events.calls[1].deadline).toBe(deadline);
    // When, as outcomes (not how late: the cold worker's first task once read 1.47 s late under
    // load): the warning at or after 75% of the budget and before the deadline; the breach at or
    // after the deadline, before the instant the test skipped to, and on the clock as recorded.
    expectFiredWithin(h.events.calls[0].firedAt, opening + 6 * HOUR, deadline);
    expectFiredWithin(h.events.calls[1].firedAt, deadline, opening + 9 * HOUR);
    expect(clock(view, 'triage').status).toBe('BREACHED');
    expect(clock(view, 'triage').breachedAt).toBe(h.events.calls[1].firedAt);
    expect(clock(view, 'triage').atRiskRecordedAt).toBe(h.events.calls[0].firedAt);
  });

  it('L3-07: continue-as-new carries the whole state; the progress clock is re-armed and breaches once', async () => {
    await skipToNextOpening(h);
    const view = await withWorker(h, async () => {
      const { handle } = await startTicket(h, {
        historyEventLimit: 40,
        progressCadenceMinutes: 120,
      });
      const firstRunId = (await handle.describe()).runId;
      await toInAnalysis(handle);
      for (let i = 0; i < 6; i += 1) {
        await env.sleep(30 * MINUTE);
        await handle.executeUpdate(addProgressUpdate, {
          args: [req(agent, { note: `step ${i}` })],
        });
      }
      const description = await handle.describe();
      expect(description.runId).not.toBe(firstRunId);
      const last = clock(await handle.query(ticketStateQuery), 'progress', 7);
      await skipTo(h, Date.parse(last.deadline!) + HOUR);
      await h.events.waitFor('progress', 'breached');
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'x' })] });
      return handle.result();
    });
    expect(view.clocks.filter((c) => c.kind === 'progress').map((c) => c.status)).toEqual([
      'MET',
      'MET',
      'MET',
      'MET',
      'MET',
      'MET',
      'BREACHED',
    ]);
    expect(h.events.of('progress', 'breached')).toHaveLength(1);
    expect(h.events.of('progress', 'breached')[0].clockId).toBe(clock(view, 'progress', 7).id);
    expect(view.timeline.map((e) => e.seq)).toEqual(view.timeline.map((_, i) => i + 1));
  });

  it('L3-07: a long ticket keeps only its newest logged events and ended clock runs in its state; every event reaches the log once, in order, across continue-as-new', async () => {
    await skipToNextOpening(h);
    const updates = 90; // 3 events each (the note, the run met, the next run): > KEPT_TIMELINE_EVENTS
    const { view, firstRunId, lastRunId } = await withTicket(
      h,
      // About 6 history events per update since its clocks are computed in the workflow.
      { historyEventLimit: 400 },
      async (handle) => {
        const firstRunId = (await handle.describe()).runId;
        await toInAnalysis(handle);
        for (let i = 0; i < updates; i += 1) {
          const result = await handle.executeUpdate(addProgressUpdate, {
            args: [req(agent, { note: `Avance ${i}` })],
          });
          expect(result.seq).toBeGreaterThan(3 * i);
        }
        const view = await handle.query(ticketStateQuery);
        return { view, firstRunId, lastRunId: (await handle.describe()).runId };
      },
    );
    expect(lastRunId).not.toBe(firstRunId);
    const logged = h.projections.flatMap((b) => b.events.map((e) => e.seq));
    const total = view.timeline.at(-1)!.seq;
    expect(total).toBeGreaterThan(3 * updates);
    expect(logged).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(view.timeline).toHaveLength(KEPT_TIMELINE_EVENTS);
    expect(view.timeline.map((e) => e.seq)).toEqual(
      Array.from({ length: KEPT_TIMELINE_EVENTS }, (_, i) => total - KEPT_TIMELINE_EVENTS + i + 1),
    );
    expect(view.timeline.at(-1)!.type).toBe('CLOCK_STARTED');
    // Clock runs: the open one and the newest ended ones; run numbers go on (L3-07).
    const runs = view.clocks.map((c) => `${c.kind}:${c.run}:${c.status}`);
    expect(runs).toEqual([
      ...Array.from(
        { length: KEPT_ENDED_CLOCK_RUNS },
        (_, i) => `progress:${updates - KEPT_ENDED_CLOCK_RUNS + i + 1}:MET`,
      ),
      `progress:${updates + 1}:RUNNING`,
    ]);
    expect(view.droppedClockRuns).toEqual({
      triage: 1,
      progress: updates - KEPT_ENDED_CLOCK_RUNS,
    });
    // Every run reached the read model, each under its own ID.
    const projectedRuns = new Set(h.projections.flatMap((b) => b.slice.clocks.map((c) => c.id)));
    expect(projectedRuns.size).toBe(updates + 2);
  });
});

/** Each timer the history started: its length (ms) and whether it fired, in order. */
async function timers(handle: WorkflowHandle): Promise<{ ms: number; fired: boolean }[]> {
  const events = (await handle.fetchHistory()).events ?? [];
  const fired = new Set(
    events.flatMap((e) =>
      e.timerFiredEventAttributes ? [e.timerFiredEventAttributes.startedEventId?.toString()] : [],
    ),
  );
  return events.flatMap((e) => {
    const started = e.timerStartedEventAttributes;
    if (!started) return [];
    const timeout = started.startToFireTimeout;
    const ms = Number(timeout?.seconds ?? 0) * 1000 + Math.round((timeout?.nanos ?? 0) / 1e6);
    return [{ ms, fired: fired.has(e.eventId?.toString()) }];
  });
}

describe('wake timers (issue 10, L3-07): a long wait wakes early and aims the rest', () => {
  it('L3-07: the progress clock’s warning and breach are each armed AIM_LEAD_MS early and then exactly, and fire at their instants', async () => {
    await skipToNextOpening(h);
    const { view, armed } = await withTicket(h, { progressCadenceMinutes: 120 }, async (handle) => {
      await toInAnalysis(handle);
      const progress = clock(await handle.query(ticketStateQuery), 'progress');
      await skipTo(h, Date.parse(progress.deadline!) + MINUTE);
      await h.events.waitFor('progress', 'breached');
      const state = await handle.query(ticketStateQuery);
      return { view: state, armed: await timers(handle) };
    });
    const progress = clock(view, 'progress');
    // Each wake of the 2-hour clock: a long timer that fired, then a timer of at most the lead
    // (its rest, armed in the early wake's own task) that fired too.
    const aims = armed.filter((t, i) => i > 0 && armed[i - 1].fired && armed[i - 1].ms > 5_000);
    expect(aims.filter((t) => t.fired && t.ms > 0 && t.ms <= 5_000).length).toBeGreaterThanOrEqual(
      2,
    );
    const fired = h.events.of('progress');
    expect(fired.map((e) => e.event)).toEqual(['at_risk', 'breached']);
    expectFiredAt(fired[0].firedAt, progress.atRiskAt!);
    expectFiredAt(fired[1].firedAt, progress.deadline!);
  });
});
