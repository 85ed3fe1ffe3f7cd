import { holidayWithoutEffect } from '../../../web/src/calendars/holiday-effect';

// QA S52 (L3-06, BUSINESS-TIME.md): adding a holiday on a date long past, or on a Saturday the
// calendar already closes, was confirmed with «sus plazos en curso se recalculan». Such a day
// moves no deadline, and the confirmation now says why.

const office = { start: '09:00', end: '18:00' };
const calendar = {
  timeZone: 'America/Mexico_City',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [office] })),
  overrides: [
    { date: '2026-12-19', reason: 'Inventario', intervals: [office] },
    { date: '2026-12-21', reason: 'Mantenimiento', intervals: [] },
  ],
};
// Friday 11 Dec 2026, 23:30 in Mexico City (05:30 UTC on the 12th): today is still the 11th there.
const now = new Date('2026-12-12T05:30:00Z');

describe('a holiday that moves no deadline (holidayWithoutEffect)', () => {
  it('a day before today in the calendar’s zone has passed', () => {
    expect(holidayWithoutEffect('2025-03-01', calendar, now)).toBe('past');
    expect(holidayWithoutEffect('2026-12-10', calendar, now)).toBe('past');
    // Today, in Mexico City, though UTC is a day ahead: a working day still to come in part.
    expect(holidayWithoutEffect('2026-12-11', calendar, now)).toBeNull();
  });

  it('a weekday the week closes, or an exception closes, is already not a business day', () => {
    expect(holidayWithoutEffect('2026-12-12', calendar, now)).toBe('closed'); // Saturday
    expect(holidayWithoutEffect('2026-12-13', calendar, now)).toBe('closed'); // Sunday
    expect(holidayWithoutEffect('2026-12-21', calendar, now)).toBe('closed'); // closed exception
    // A Monday: the holiday takes working time away.
    expect(holidayWithoutEffect('2026-12-14', calendar, now)).toBeNull();
  });

  it('a day with its own hours keeps them: an exception wins over a holiday (BUSINESS-TIME.md; QA S53)', () => {
    // A Saturday an exception opens: the holiday changes nothing there.
    expect(holidayWithoutEffect('2026-12-19', calendar, now)).toBe('exception');
  });
});
