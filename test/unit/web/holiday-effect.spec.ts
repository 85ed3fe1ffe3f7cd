import {
  deliveriesNote,
  deliveriesOn,
  holidayWithoutEffect,
} from '../../../web/src/calendars/holiday-effect';
import { calendarEditorEsMX } from '../../../web/src/i18n/calendar-editor.es-mx';

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

describe('the release dates published on a day a holiday closes (L3-19; QA S53)', () => {
  const usage = {
    clients: 1,
    clientNames: ['Comercializadora Aurora'],
    openTickets: 3,
    publishedDeliveries: [
      // Thursday 10 Dec 2026, 12:00 and 18:00 (its closing) in Mexico City.
      { ticketNumber: 'L3-2026-000003', releaseDate: '2026-12-10T18:00:00.000Z' },
      { ticketNumber: 'L3-2026-000008', releaseDate: '2026-12-11T00:00:00.000Z' },
      // Friday 11 Dec, 09:00.
      { ticketNumber: 'L3-2026-000009', releaseDate: '2026-12-11T15:00:00.000Z' },
    ],
  };
  const zoned = { timeZone: 'America/Mexico_City', usage };

  it('picks them by the local date in the calendar’s zone, not UTC’s', () => {
    expect(deliveriesOn('2026-12-10', zoned).map((d) => d.ticketNumber)).toEqual([
      'L3-2026-000003',
      'L3-2026-000008',
    ]);
    expect(deliveriesOn('2026-12-12', zoned)).toEqual([]);
    expect(deliveriesOn('2026-12-10', { ...zoned, usage: null })).toEqual([]);
  });

  it('names them in the confirmation, or says nothing when none falls that day', () => {
    const format = (iso: string) => `<${iso.slice(5, 16)}>`;
    const m = calendarEditorEsMX;
    expect(deliveriesNote('2026-12-11', zoned, m.deliveriesOnDay, format)).toBe(
      'Ese día cae la entrega publicada de L3-2026-000009 (<12-11T15:00>): esa fecha no se mueve sola; ajústela en el ticket para avisar al cliente.',
    );
    expect(deliveriesNote('2026-12-10', zoned, m.deliveriesOnDay, format)).toMatch(
      /^Ese día caen las entregas publicadas de L3-2026-000003 \(<12-10T18:00>\), L3-2026-000008 \(<12-11T00:00>\): esas fechas no se mueven solas/,
    );
    expect(deliveriesNote('2026-12-14', zoned, m.deliveriesOnDay, format)).toBe('');
  });
});
