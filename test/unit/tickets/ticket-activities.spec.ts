import { BusinessCalendar, defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import { computeClock, isBusinessInstant } from '../../../src/tickets/clock-computation';
import { createTicketActivities } from '../../../src/tickets/ticket.activities';
import type { ClockComputationArgs } from '../../../workflows/ticket/ticket.contract';

// The ticket workflow's local activities on the real engine (BUSINESS-TIME.md semantics).

const HOUR = 3_600_000;
const engine = new BusinessCalendar(defaultMexicoCityCalendar(2025, 2028));
const base = { calendarId: 'mx', pauses: [], atRiskFraction: 0.75 } as const;
const triage = (
  startedAt: string,
  extra: Partial<ClockComputationArgs> = {},
): ClockComputationArgs => ({
  ...base,
  startedAt,
  amount: 480,
  unit: 'minutes',
  ...extra,
});

describe('computeClockDeadlines (L3-06, L3-07, L3-08)', () => {
  it('L3-06: Fri 2026-01-30 17:30 + 8 business hours breaches Tue 2026-02-03 16:30 local (Mon 02-02 holiday), at risk 14:30', () => {
    expect(computeClock(engine, 3, triage('2026-01-30T23:30:00.000Z'))).toEqual({
      budgetMs: 8 * HOUR,
      consumedMs: 0,
      deadline: '2026-02-03T22:30:00.000Z',
      atRiskAt: '2026-02-03T20:30:00.000Z',
      calendarVersion: 3,
    });
  });

  it('L3-08: 5 business days from Mon 2025-12-22 10:00 end Tue 2025-12-30 18:00 local; the budget is the business time up to it', () => {
    const result = computeClock(engine, 1, {
      ...base,
      startedAt: '2025-12-22T16:00:00.000Z',
      amount: 5,
      unit: 'days',
    });
    expect(result.deadline).toBe('2025-12-31T00:00:00.000Z');
    expect(result.budgetMs).toBe(8 * HOUR + 5 * 9 * HOUR);
  });

  it('L3-07: a pause freezes consumed time; the resume walks the remaining business time', () => {
    const start = '2026-03-02T15:00:00.000Z'; // Mon 09:00 local
    const pauseFrom = '2026-03-02T17:00:00.000Z'; // Mon 11:00
    const paused = computeClock(
      engine,
      1,
      triage(start, { pauses: [{ from: pauseFrom, to: null }] }),
    );
    expect(paused).toMatchObject({ consumedMs: 2 * HOUR, deadline: null, atRiskAt: null });
    const resumed = computeClock(
      engine,
      1,
      triage(start, { pauses: [{ from: pauseFrom, to: '2026-03-04T16:00:00.000Z' }] }), // Wed 10:00
    );
    expect(resumed).toMatchObject({
      consumedMs: 2 * HOUR,
      deadline: '2026-03-04T22:00:00.000Z', // Wed 16:00: 6 h left
      atRiskAt: '2026-03-04T20:00:00.000Z', // 4 h after the resume: 6 of 8 h used
    });
    const stopped = computeClock(
      engine,
      1,
      triage(start, {
        pauses: [{ from: pauseFrom, to: '2026-03-04T16:00:00.000Z' }],
        until: '2026-03-04T17:30:00.000Z',
      }),
    );
    expect(stopped.consumedMs).toBe(3.5 * HOUR);
  });

  it('L3-08: a paused days clock keeps its remaining time as business minutes (Mon 2026-03-16 holiday skipped)', () => {
    const result = computeClock(engine, 1, {
      ...base,
      startedAt: '2026-03-02T15:00:00.000Z', // Mon 09:00: 9 h today + 5 days
      amount: 5,
      unit: 'days',
      pauses: [{ from: '2026-03-03T15:00:00.000Z', to: '2026-03-12T15:00:00.000Z' }], // Tue → Thu 09:00
    });
    expect(result.budgetMs).toBe(54 * HOUR);
    expect(result.consumedMs).toBe(9 * HOUR);
    // 45 h from Thu 03-12 09:00: Thu, Fri, (Mon 16 holiday), Tue, Wed, Thu 03-19 18:00 local.
    expect(result.deadline).toBe('2026-03-20T00:00:00.000Z');
  });

  it('gives no at-risk instant when the at-risk point was passed before the pause', () => {
    const result = computeClock(
      engine,
      1,
      triage('2026-03-02T15:00:00.000Z', {
        pauses: [{ from: '2026-03-02T22:00:00.000Z', to: '2026-03-03T15:00:00.000Z' }], // 7 h used
      }),
    );
    expect(result.atRiskAt).toBeNull();
    expect(result.deadline).toBe('2026-03-03T16:00:00.000Z');
  });
});

describe('release date check and agent choice (L3-07, L3-09)', () => {
  it('L3-09: a closing instant and business time are valid release instants; the evening and holidays are not', () => {
    expect(isBusinessInstant(engine, new Date('2026-03-04T16:00:00.000Z'))).toBe(true);
    expect(isBusinessInstant(engine, new Date('2026-03-05T00:00:00.000Z'))).toBe(true); // 18:00
    expect(isBusinessInstant(engine, new Date('2026-03-05T02:00:00.000Z'))).toBe(false); // 20:00
    expect(isBusinessInstant(engine, new Date('2026-03-16T17:00:00.000Z'))).toBe(false); // holiday
  });

  it('L3-07: pickAgent chooses the least-loaded candidate, ties to the first given', async () => {
    const loads = new Map([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
    const activities = createTicketActivities(
      () => Promise.resolve({ version: 1, engine }),
      () => Promise.resolve(loads),
    );
    await expect(
      activities.pickAgent({ ticketNumber: 'T', candidateAgentIds: ['a', 'b', 'c'] }),
    ).resolves.toEqual({ agentId: 'b' });
    await expect(
      activities.pickAgent({ ticketNumber: 'T', candidateAgentIds: ['c', 'b'] }),
    ).resolves.toEqual({ agentId: 'c' });
    await expect(
      activities.computeClockDeadlines(triage('2026-01-30T23:30:00.000Z')),
    ).resolves.toMatchObject({ deadline: '2026-02-03T22:30:00.000Z', calendarVersion: 1 });
  });
});

describe('computeClockDeadlinesBatch (L3-07: a progress update ends one run and starts the next)', () => {
  it('answers each computation in order, as computeClockDeadlines would, with one calendar lookup per calendar', async () => {
    const lookups: string[] = [];
    const activities = createTicketActivities((calendarId) => {
      lookups.push(calendarId);
      return Promise.resolve({ version: calendarId === 'mx' ? 4 : 9, engine });
    });
    const ending = triage('2026-03-02T15:00:00.000Z', { until: '2026-03-02T18:00:00.000Z' });
    const next = {
      ...base,
      startedAt: '2026-03-02T18:00:00.000Z',
      amount: 240,
      unit: 'minutes' as const,
    };
    const other = { ...next, calendarId: 'client' };
    const batch = await activities.computeClockDeadlinesBatch([ending, next, other]);
    expect(batch).toEqual([
      await activities.computeClockDeadlines(ending),
      await activities.computeClockDeadlines(next),
      await activities.computeClockDeadlines(other),
    ]);
    expect(batch[0]).toMatchObject({ consumedMs: 3 * HOUR, calendarVersion: 4 });
    expect(batch[1]).toMatchObject({ deadline: '2026-03-02T22:00:00.000Z', calendarVersion: 4 });
    expect(batch[2]).toMatchObject({ calendarVersion: 9 });
    // The batch looked each calendar up once (the three single calls after it, once each).
    expect(lookups).toEqual(['mx', 'client', 'mx', 'mx', 'client']);
  });
});

describe('computeClockDeadlinesWithWindow (issues 5/10: the workflow computes inside the window)', () => {
  const activities = createTicketActivities(() => Promise.resolve({ version: 6, engine }));
  const window = { from: '2026-03-13T15:00:00.000Z', to: '2026-03-18T06:00:00.000Z' }; // Fri 09:00 → Wed 00:00

  it('L3-07: answers the batch and the working intervals over the window on the same version (Mon 2026-03-16 holiday absent, Friday clipped at the start)', async () => {
    const next = triage('2026-03-13T15:00:00.000Z', { amount: 240 });
    const answer = await activities.computeClockDeadlinesWithWindow({
      calendarId: 'mx',
      batch: [next],
      window,
    });
    expect(answer.computations).toEqual([computeClock(engine, 6, next)]);
    expect(answer.window).toEqual({
      calendarId: 'mx',
      calendarVersion: 6,
      from: Date.parse(window.from),
      to: Date.parse(window.to),
      spans: [
        [Date.parse('2026-03-13T15:00:00.000Z'), Date.parse('2026-03-14T00:00:00.000Z')],
        [Date.parse('2026-03-17T15:00:00.000Z'), Date.parse('2026-03-18T00:00:00.000Z')],
      ],
    });
  });

  it('refuses, without retry, a window that is not an interval and a computation on another calendar', async () => {
    const next = triage('2026-03-13T15:00:00.000Z');
    await expect(
      activities.computeClockDeadlinesWithWindow({
        calendarId: 'mx',
        batch: [next],
        window: { from: window.to, to: window.from },
      }),
    ).rejects.toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true });
    await expect(
      activities.computeClockDeadlinesWithWindow({
        calendarId: 'client',
        batch: [next],
        window,
      }),
    ).rejects.toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true });
  });
});
