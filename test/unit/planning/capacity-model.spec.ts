import { BusinessCalendar, defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import {
  type CapacityItem,
  planReleaseDates,
  remainingHours,
  replannedReleaseDate,
} from '../../../src/planning/capacity-model';
import { compareQueued, type Queued, ranksOf } from '../../../src/planning/queue-order';
import { whatsAppGroupUrl } from '../../../src/planning/quick-channel';

// L3-19 capacity model and L3-10 queue order, as pure functions; L3-14 link validation.
// Default calendar: America/Mexico_City (UTC−6, no DST), Mon–Fri 09:00–18:00, LFT art. 74.

const calendar = new BusinessCalendar(defaultMexicoCityCalendar(2025, 2027));
const item = (ticketNumber: string, hours: number): CapacityItem => ({
  ticketNumber,
  remainingHours: hours,
  calendar,
});
const iso = (plan: ReturnType<typeof planReleaseDates>) =>
  plan.map((p) => [p.ticketNumber, p.businessDays, p.plannedDate.toISOString()]);

describe('L3-19 capacity model: planned release dates in queue order', () => {
  // Mon 2026-03-09 10:00 local.
  const monday = new Date('2026-03-09T16:00:00Z');

  it('gives each ticket the closing of the business day its cumulative hours are done (today never counts)', () => {
    const plan = planReleaseDates([item('A', 8), item('B', 4), item('C', 0)], 4, monday);
    expect(iso(plan)).toEqual([
      ['A', 2, '2026-03-12T00:00:00.000Z'], // Wed 03-11 18:00 local
      ['B', 3, '2026-03-13T00:00:00.000Z'], // Thu 03-12 18:00 local
      ['C', 3, '2026-03-13T00:00:00.000Z'], // nothing left: ready with the ticket ahead of it
    ]);
    expect(plan.map((p) => p.cumulativeHours)).toEqual([8, 12, 12]);
  });

  it('a reorder moves the dates: the ticket put first goes sooner, the one behind it later', () => {
    const before = planReleaseDates([item('A', 8), item('B', 4)], 4, monday);
    const after = planReleaseDates([item('B', 4), item('A', 8)], 4, monday);
    expect(before.map((p) => p.businessDays)).toEqual([2, 3]);
    expect(after.map((p) => [p.ticketNumber, p.businessDays])).toEqual([
      ['B', 1],
      ['A', 3],
    ]);
  });

  it('counts business days on the ticket calendar: weekend and the March holiday are skipped', () => {
    // Fri 2026-03-13 10:00 local; Mon 03-16 is the third Monday of March (art. 74).
    const friday = new Date('2026-03-13T16:00:00Z');
    expect(iso(planReleaseDates([item('A', 3)], 4, friday))).toEqual([
      ['A', 1, '2026-03-18T00:00:00.000Z'], // Tue 03-17 18:00 local
    ]);
  });

  it('asked before today opens, today is the first day of the plan, from its opening (BUSINESS-TIME.md)', () => {
    // Mon 2026-03-09 07:00 local: the whole day 09:00–18:00 is ahead.
    const early = new Date('2026-03-09T13:00:00Z');
    expect(iso(planReleaseDates([item('A', 4), item('B', 4), item('C', 1)], 4, early))).toEqual([
      ['A', 1, '2026-03-10T00:00:00.000Z'], // Mon 03-09 18:00 local, the same day
      ['B', 2, '2026-03-11T00:00:00.000Z'], // Tue 03-10 18:00 local
      ['C', 3, '2026-03-12T00:00:00.000Z'], // Wed 03-11 18:00 local
    ]);
    // At the opening itself too; a minute past it, the day is under way: tomorrow is the first.
    const opening = new Date('2026-03-09T15:00:00Z');
    expect(iso(planReleaseDates([item('A', 4)], 4, opening))).toEqual([
      ['A', 1, '2026-03-10T00:00:00.000Z'],
    ]);
    const under = new Date('2026-03-09T15:01:00Z');
    expect(iso(planReleaseDates([item('A', 4)], 4, under))).toEqual([
      ['A', 1, '2026-03-11T00:00:00.000Z'],
    ]);
    // Early on a holiday (Mon 03-16, art. 74) or a Saturday: the next business date is the first.
    const holiday = new Date('2026-03-16T13:00:00Z');
    expect(iso(planReleaseDates([item('A', 4)], 4, holiday))).toEqual([
      ['A', 1, '2026-03-18T00:00:00.000Z'], // Tue 03-17 18:00 local
    ]);
    const saturday = new Date('2026-03-14T13:00:00Z');
    expect(iso(planReleaseDates([item('A', 4)], 4, saturday))).toEqual([
      ['A', 1, '2026-03-18T00:00:00.000Z'],
    ]);
  });

  it('more capacity, fewer days; hours in hundredths so float noise never adds a day', () => {
    const plan = planReleaseDates([item('A', 0.1), item('B', 0.2), item('C', 3.7)], 4, monday);
    expect(plan.map((p) => p.businessDays)).toEqual([1, 1, 1]);
    expect(plan[2].cumulativeHours).toBe(4);
    expect(planReleaseDates([item('A', 16)], 8, monday)[0].businessDays).toBe(2);
    expect(planReleaseDates([item('A', 16)], 2.5, monday)[0].businessDays).toBe(7);
  });

  it('refuses a capacity outside 0.25…24 hours per business day', () => {
    for (const bad of [0, -1, 0.2, 25, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => planReleaseDates([item('A', 1)], bad, monday)).toThrow(RangeError);
    }
  });

  it('remaining hours = approved estimate − hours logged, never negative', () => {
    expect(remainingHours(8, 2.25)).toBe(5.75);
    expect(remainingHours(8, 10)).toBe(0);
    expect(remainingHours(0.3, 0.1)).toBe(0.2);
  });
});

describe('L3-10 queue order', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 9, 16, minute));
  const q = (ticketNumber: string, minute: number, rank: number | null = null, urgent = false) =>
    ({ ticketNumber, registeredAt: at(minute), rank, urgent }) satisfies Queued;
  const order = (items: Queued[]) => [...items].sort(compareQueued).map((i) => i.ticketNumber);

  it('is arrival order (then number) when the client ranked nothing', () => {
    expect(order([q('C', 3), q('A', 1), q('B2', 2), q('B1', 2)])).toEqual(['A', 'B1', 'B2', 'C']);
  });

  it('puts urgent tickets first, then ranked by rank, then the rest by arrival', () => {
    const items = [q('A', 1), q('B', 2, 2), q('C', 3, 1), q('D', 4, 3, true), q('E', 5)];
    expect(order(items)).toEqual(['D', 'C', 'B', 'A', 'E']);
  });

  it('ranksOf numbers the order from 1 and flags the urgent ones', () => {
    expect([...ranksOf(['X', 'Y', 'Z'], ['Z'])]).toEqual([
      ['X', { rank: 1, urgent: false }],
      ['Y', { rank: 2, urgent: false }],
      ['Z', { rank: 3, urgent: true }],
    ]);
  });
});

describe('L3-14 WhatsApp group link', () => {
  it('accepts an invite link and normalises it', () => {
    expect(whatsAppGroupUrl(' https://chat.whatsapp.com/AbCdEfGhIj1234567890Kl/ ')).toBe(
      'https://chat.whatsapp.com/AbCdEfGhIj1234567890Kl',
    );
  });

  it.each([
    'http://chat.whatsapp.com/AbCdEfGhIj1234567890Kl',
    'https://chat.whatsapp.com.evil.example/AbCdEfGhIj1234567890Kl',
    'https://wa.me/5215555555555',
    'https://chat.whatsapp.com/AbCdEfGhIj1234567890Kl?x=1',
    'https://chat.whatsapp.com/AbCdEfGhIj1234567890Kl#x',
    'https://user:pw@chat.whatsapp.com/AbCdEfGhIj1234567890Kl',
    'https://chat.whatsapp.com:8443/AbCdEfGhIj1234567890Kl',
    'https://chat.whatsapp.com/invite/AbCdEfGhIj1234567890Kl',
    'https://chat.whatsapp.com/short',
    'javascript:alert(1)',
    'grupo de whatsapp',
  ])('refuses %s with VALIDATION_FAILED', (url) => {
    expect(() => whatsAppGroupUrl(url)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as Error,
    );
  });
});

describe('L3-19 re-plan of a published release date (replannedReleaseDate)', () => {
  const d = (day: number) => new Date(Date.UTC(2026, 11, day, 0));
  const facts = (o: Partial<Parameters<typeof replannedReleaseDate>[0]>) => ({
    published: d(8),
    committed: d(8),
    plannedBefore: d(5),
    plannedAfter: d(5),
    positionBefore: 1,
    positionAfter: 1,
    ...o,
  });

  it('keeps the promise when a ticket moves down but its plan still fits (QA: 8 Dec stays, never 7 Dec)', () => {
    const moved = facts({ plannedAfter: d(7), positionAfter: 2 });
    expect(replannedReleaseDate(moved)).toBeNull();
  });

  it('moves the date later only when the plan needs a later date', () => {
    expect(replannedReleaseDate(facts({ plannedAfter: d(10), positionAfter: 3 }))).toEqual(d(10));
    expect(replannedReleaseDate(facts({ plannedAfter: d(8), positionAfter: 3 }))).toBeNull();
  });

  it('never publishes before the agent’s commitment when a ticket moves up', () => {
    expect(
      replannedReleaseDate(facts({ positionBefore: 3, plannedBefore: d(6), plannedAfter: d(2) })),
    ).toBeNull();
    // Pushed to 11 Dec by an earlier re-plan: it comes back to the committed 8 Dec, not the plan's 2 Dec.
    const pushed = facts({
      published: d(11),
      positionBefore: 3,
      plannedBefore: d(11),
      plannedAfter: d(2),
    });
    expect(replannedReleaseDate(pushed)).toEqual(d(8));
    // ...or to the plan when that is between the commitment and the published date.
    expect(replannedReleaseDate({ ...pushed, plannedAfter: d(9) })).toEqual(d(9));
  });

  it('a ticket that moves down never gets an earlier date, even if less work is ahead of it', () => {
    const pushed = facts({
      published: d(11),
      positionBefore: 2,
      positionAfter: 3,
      plannedBefore: d(11),
      plannedAfter: d(9),
    });
    expect(replannedReleaseDate(pushed)).toBeNull();
  });

  it('an unchanged plan changes nothing; an unknown commitment counts as the published date', () => {
    expect(
      replannedReleaseDate(facts({ published: d(4), plannedBefore: d(6), plannedAfter: d(6) })),
    ).toBeNull();
    const unknown = facts({
      committed: null,
      published: d(11),
      positionBefore: 2,
      plannedBefore: d(11),
      plannedAfter: d(2),
    });
    expect(replannedReleaseDate(unknown)).toBeNull();
  });
});
