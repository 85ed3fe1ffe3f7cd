import fc from 'fast-check';
import type { SlaClockView } from '../../../workflows/ticket/ticket.contract';
import {
  BusinessCalendar,
  businessMillisecondsBetween,
  defaultMexicoCityCalendar,
  isBusinessTime,
  nextBusinessMoment,
} from '../../../src/business-time/engine';
import type { TicketClockEntity } from '../../../src/tickets/ticket-clock.entity';
import { clockFromView, liveClockFromEntity } from '../../../src/tickets/ticket.mapper';
import { businessDaysLeft } from '../../../src/tickets/business-days-left';

// Issue 5 item 4 / issue 10: a clock read from the read model (`liveClockFromEntity`, what the SLA
// board maps 200 times per read, its timestamps passed through as they are) is the same clock the
// workflow's view gives (`clockFromView`, ISO strings), with a running clock's business time
// since its recorded consumption added on the calendar (L3-06…L3-09, BUSINESS-TIME.md).

const stored = defaultMexicoCityCalendar(2025, 2027);
const calendar = new BusinessCalendar(stored);
const compiled = { engine: calendar, stored };
const MINUTE = 60_000;
const base = Date.parse('2026-03-02T15:00:00Z');

const rowArb = fc
  .record({
    status: fc.constantFrom('RUNNING', 'PAUSED', 'MET', 'BREACHED', 'STOPPED'),
    kind: fc.constantFrom('triage', 'diagnosis', 'scheduling', 'progress'),
    unit: fc.constantFrom('minutes', 'days'),
    amount: fc.integer({ min: 1, max: 480 }),
    startOffset: fc.integer({ min: 0, max: 30 * 24 * 60 }),
    budget: fc.integer({ min: 1, max: 5 * 9 * 60 }),
    consumed: fc.integer({ min: 0, max: 6 * 9 * 60 }),
    deadline: fc.option(fc.integer({ min: 0, max: 40 * 24 * 60 })),
    breached: fc.option(fc.integer({ min: 0, max: 40 * 24 * 60 })),
    ended: fc.option(fc.integer({ min: 0, max: 40 * 24 * 60 })),
    paused: fc.option(fc.integer({ min: 0, max: 24 * 60 })),
    nowAfter: fc.integer({ min: 0, max: 20 * 24 * 60 }),
  })
  .map((r) => {
    const at = (minutes: number) => new Date(base + minutes * MINUTE);
    const startedAt = at(r.startOffset);
    const row = {
      clockId: `L3-2026-000001:${r.kind}:1`,
      ticketNumber: 'L3-2026-000001',
      kind: r.kind,
      run: 1,
      status: r.status,
      targetAmount: r.amount,
      targetUnit: r.unit,
      startedAt,
      deadline: r.deadline === null ? null : at(r.startOffset + r.deadline),
      atRiskAt: r.deadline === null ? null : at(r.startOffset + r.deadline / 2),
      budgetMs: String(r.budget * MINUTE),
      consumedMs: String(r.consumed * MINUTE),
      consumedAsOf: at(r.startOffset + 60),
      pauses:
        r.paused === null
          ? []
          : [{ from: at(r.startOffset + r.paused).toISOString(), to: null as string | null }],
      atRiskRecordedAt: null,
      breachedAt: r.breached === null ? null : at(r.startOffset + r.breached),
      endedAt: r.ended === null ? null : at(r.startOffset + r.ended),
      endReason: null,
      calendarVersion: 3,
    } as unknown as TicketClockEntity;
    return { row, now: at(r.startOffset + 60 + r.nowAfter) };
  });

/** The same row as the workflow reports it (timestamps as ISO strings). */
function viewOf(c: TicketClockEntity): SlaClockView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: c.clockId,
    kind: c.kind as SlaClockView['kind'],
    run: c.run,
    target: { amount: c.targetAmount, unit: c.targetUnit as 'minutes' | 'days' },
    status: c.status as SlaClockView['status'],
    startedAt: c.startedAt.toISOString(),
    deadline: iso(c.deadline),
    atRiskAt: iso(c.atRiskAt),
    pauses: c.pauses,
    budgetMs: Number(c.budgetMs),
    consumedMs: Number(c.consumedMs),
    remainingMs: Math.max(0, Number(c.budgetMs) - Number(c.consumedMs)),
    consumedAsOf: c.consumedAsOf.toISOString(),
    atRiskRecordedAt: iso(c.atRiskRecordedAt),
    breachedAt: iso(c.breachedAt),
    endedAt: iso(c.endedAt),
    endReason: c.endReason,
    calendarVersion: c.calendarVersion,
  };
}

/** A running clock row of one run, none of it breached nor ended; `fields` set the rest. */
function clockRow(fields: Partial<Record<keyof TicketClockEntity, unknown>>): TicketClockEntity {
  return {
    clockId: 'c',
    ticketNumber: 't',
    run: 1,
    status: 'RUNNING',
    atRiskAt: null,
    pauses: [],
    atRiskRecordedAt: null,
    breachedAt: null,
    endedAt: null,
    endReason: null,
    calendarVersion: 1,
    ...fields,
  } as unknown as TicketClockEntity;
}

describe('a stored clock read live (issue 10, L3-06…L3-09)', () => {
  it('is the clock of the workflow view, with a running clock’s business time since added', () => {
    fc.assert(
      fc.property(rowArb, ({ row, now }) => {
        const live = liveClockFromEntity(row, compiled, now);
        const since =
          row.status === 'RUNNING'
            ? businessMillisecondsBetween(calendar, row.consumedAsOf, now)
            : 0;
        const { overdueMinutes, businessDayMinutes, countsFrom, daysLeft, ...rest } = live;
        expect(rest).toEqual({
          ...clockFromView(viewOf(row), since),
          overdueMinutes: undefined,
          businessDayMinutes: undefined,
          countsFrom: undefined,
          daysLeft: undefined,
        });
        // QA S62 #13: a running days clock before its deadline says its business dates.
        expect(daysLeft).toEqual(
          row.status === 'RUNNING' && row.targetUnit === 'days' && row.deadline && !row.breachedAt
            ? businessDaysLeft(calendar, now, row.deadline)
            : null,
        );
        // A running clock outside business time says when it counts again: the next opening.
        const closed = row.status === 'RUNNING' && !isBusinessTime(calendar, now);
        expect(countsFrom).toEqual(closed ? nextBusinessMoment(calendar, now) : null);
        // A days clock's day is the calendar's: 09:00–18:00 (a view carries no calendar).
        expect(businessDayMinutes).toBe(row.targetUnit === 'days' ? 540 : null);
        expect(overdueMinutes).toBe(
          row.breachedAt && row.deadline
            ? Math.max(0, businessMillisecondsBetween(calendar, row.deadline, row.endedAt ?? now)) /
                MINUTE
            : null,
        );
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('counts a running clock’s business time only: a night and a weekend add nothing', () => {
    // Friday 17:00 in Mexico City (23:00 UTC), read on Monday 10:00 (16:00 UTC): 2 business hours.
    const row = clockRow({
      kind: 'progress',
      targetAmount: 5,
      targetUnit: 'days',
      startedAt: new Date('2026-03-06T20:00:00Z'),
      deadline: new Date('2026-03-13T20:00:00Z'),
      budgetMs: String(45 * 60 * MINUTE),
      consumedMs: String(60 * MINUTE),
      consumedAsOf: new Date('2026-03-06T23:00:00Z'),
    });
    const clock = liveClockFromEntity(row, compiled, new Date('2026-03-09T16:00:00Z'));
    expect(clock.consumedMinutes).toBe(180);
    expect(clock.remainingMinutes).toBe(45 * 60 - 180);
    expect(clock.startedAt).toEqual(new Date('2026-03-06T20:00:00Z'));
    expect(clock.target).toBe('5 business days');
    expect(clock.businessDayMinutes).toBe(540);
    expect(clock.overdueMinutes).toBeNull();
  });

  // QA S51 (BUSINESS-TIME.md): a ticket registered on a Saturday read «Corriendo» until Monday.
  // A running clock outside business time says when it counts again; inside it, nothing.
  it('a running clock outside business time counts again at the next opening', () => {
    const row = (status: string) =>
      clockRow({
        kind: 'triage',
        status,
        targetAmount: 480,
        targetUnit: 'minutes',
        startedAt: new Date('2026-03-07T17:00:00Z'),
        deadline: new Date('2026-03-09T23:00:00Z'),
        budgetMs: String(480 * MINUTE),
        consumedMs: '0',
        consumedAsOf: new Date('2026-03-07T17:00:00Z'),
      });
    // Saturday 12:00 in Mexico City: Monday 09:00 (15:00 UTC).
    const saturday = new Date('2026-03-07T18:00:00Z');
    const countsFrom = (status: string, now: Date) =>
      liveClockFromEntity(row(status), compiled, now).countsFrom;
    expect(countsFrom('RUNNING', saturday)).toEqual(new Date('2026-03-09T15:00:00Z'));
    // Sunday night, the same weekend: the same opening (the calendar's walk is kept, not redone).
    expect(countsFrom('RUNNING', new Date('2026-03-09T05:00:00Z'))).toEqual(
      new Date('2026-03-09T15:00:00Z'),
    );
    // Friday night before it: that weekend's own opening, the same Monday.
    expect(countsFrom('RUNNING', new Date('2026-03-07T01:00:00Z'))).toEqual(
      new Date('2026-03-09T15:00:00Z'),
    );
    // Monday 08:59:59.999: still closed; 09:00 opens.
    expect(countsFrom('RUNNING', new Date('2026-03-09T14:59:59.999Z'))).toEqual(
      new Date('2026-03-09T15:00:00Z'),
    );
    expect(countsFrom('RUNNING', new Date('2026-03-09T15:00:00Z'))).toBeNull();
    // Monday 10:00: it counts, so no date.
    expect(countsFrom('RUNNING', new Date('2026-03-09T16:00:00Z'))).toBeNull();
    // Monday 18:00 sharp, the closing: the next opening, Tuesday 09:00.
    expect(countsFrom('RUNNING', new Date('2026-03-10T00:00:00Z'))).toEqual(
      new Date('2026-03-10T15:00:00Z'),
    );
    // A paused clock waits on the client, not on the calendar.
    expect(countsFrom('PAUSED', saturday)).toBeNull();
    // A registration's own answer (a workflow view) holds no calendar: unknown, so null.
    expect(clockFromView(viewOf(row('RUNNING'))).countsFrom).toBeNull();
  });
});
