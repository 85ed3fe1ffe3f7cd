import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  BusinessCalendar,
  businessMinutesBetween,
  defaultMexicoCityCalendar,
  localDateOf,
  type CalendarDefinition,
} from '../../../src/business-time/engine';

// The "Worked examples" table at the end of BUSINESS-TIME.md, row by row. Mexico City has
// been fixed UTC−6 since 2022-10-30, so local times are written with an explicit -06:00 offset.
const mx = (local: string): Date => new Date(`${local}:00-06:00`);

const calendar = defaultMexicoCityCalendar(2025, 2026);

describe('BUSINESS-TIME.md worked examples (Mon–Fri 09:00–18:00, America/Mexico_City, art. 74)', () => {
  describe('L3-06 triage target of 8 business hours', () => {
    test('Fri 2026-01-30 17:30 + 8 h crosses the weekend and the Feb 2 holiday → Tue 02-03 16:30', () => {
      const deadline = addBusinessHours(calendar, mx('2026-01-30T17:30'), 8);
      expect(deadline.toISOString()).toBe('2026-02-03T22:30:00.000Z');
      expect(deadline).toEqual(mx('2026-02-03T16:30'));
    });

    test('Fri 2026-01-23 17:30 + 8 h, no holiday → Mon 2026-01-26 16:30', () => {
      expect(addBusinessHours(calendar, mx('2026-01-23T17:30'), 8)).toEqual(mx('2026-01-26T16:30'));
    });
  });

  describe('L3-05 registration outside business time starts the clock at the next opening', () => {
    test('Mon 2026-03-16 10:15 (a holiday) + 4 h → Tue 2026-03-17 13:00', () => {
      expect(addBusinessHours(calendar, mx('2026-03-16T10:15'), 4)).toEqual(mx('2026-03-17T13:00'));
    });

    test('Sat 2026-05-02 11:00 + 2 h → Mon 2026-05-04 11:00', () => {
      expect(addBusinessHours(calendar, mx('2026-05-02T11:00'), 2)).toEqual(mx('2026-05-04T11:00'));
    });

    test('Wed 2025-12-10 18:00 + 1 h: the closing instant is outside business time → Thu 10:00', () => {
      expect(addBusinessHours(calendar, mx('2025-12-10T18:00'), 1)).toEqual(mx('2025-12-11T10:00'));
    });
  });

  test('L3-06 Wed 2025-12-10 16:00 + 2 h ends exactly at closing → 2025-12-11T00:00Z, local date 12-10', () => {
    const deadline = addBusinessHours(calendar, mx('2025-12-10T16:00'), 2);
    expect(deadline.toISOString()).toBe('2025-12-11T00:00:00.000Z');
    // The UTC string says Dec 11; the local date is still Dec 10.
    expect(localDateOf(calendar, deadline)).toBe('2025-12-10');
    expect(addBusinessMinutes(calendar, mx('2025-12-10T16:00'), 120)).toEqual(deadline);
  });

  test('L3-08 Mon 2025-12-22 10:00 + 5 business days → Tue 2025-12-30 18:00 (23, 24, 26, 29, 30)', () => {
    const deadline = addBusinessDays(calendar, mx('2025-12-22T10:00'), 5);
    expect(deadline).toEqual(mx('2025-12-30T18:00'));
    expect(deadline.toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });

  test('L3-06 Fri 2026-04-03 17:00 (Good Friday works) + 4 h, no DST on Apr 5 → Mon 12:00 (18:00Z)', () => {
    const deadline = addBusinessHours(calendar, mx('2026-04-03T17:00'), 4);
    expect(deadline.toISOString()).toBe('2026-04-06T18:00:00.000Z');
  });

  test('L3-06 Tue 2025-12-23 16:00 with Dec 24 overridden to 09:00–14:00 + 9 h → Fri 12-26 11:00', () => {
    const halfDay: CalendarDefinition = {
      ...calendar,
      overrides: [
        { date: '2025-12-24', intervals: [{ start: '09:00', end: '14:00' }], reason: 'half day' },
      ],
    };
    expect(addBusinessHours(halfDay, mx('2025-12-23T16:00'), 9)).toEqual(mx('2025-12-26T11:00'));
    // Without the override the same 9 hours end on Dec 24 at 16:00.
    expect(addBusinessHours(calendar, mx('2025-12-23T16:00'), 9)).toEqual(mx('2025-12-24T16:00'));
  });

  test('L3-09 scheduling target of 2 business days from an authorization on Fri 2026-01-30', () => {
    // Sat, Sun and Mon 02-02 (holiday) do not count: Tue 02-03 and Wed 02-04.
    expect(addBusinessDays(calendar, mx('2026-01-30T11:00'), 2)).toEqual(mx('2026-02-04T18:00'));
    // However late on the day, the same deadline.
    expect(addBusinessDays(calendar, mx('2026-01-30T23:59'), 2)).toEqual(mx('2026-02-04T18:00'));
  });

  test('a compiled BusinessCalendar gives the same answers as the plain definition', () => {
    const compiled = new BusinessCalendar(calendar);
    const from = mx('2026-01-30T17:30');
    expect(addBusinessHours(compiled, from, 8)).toEqual(addBusinessHours(calendar, from, 8));
    expect(addBusinessDays(compiled, from, 5)).toEqual(addBusinessDays(calendar, from, 5));
    expect(businessMinutesBetween(compiled, from, mx('2026-02-03T16:30'))).toBe(480);
  });
});
