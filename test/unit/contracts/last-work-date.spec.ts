import { lastWorkDate } from '../../../src/contracts/local-date';

// L3-12: the last work date time can be logged on is today in the ticket's calendar zone, or the
// agent's own today when their zone is already on the next day; never UTC's date.

describe('lastWorkDate (L3-12)', () => {
  // 20:30 on 2 December in Mexico City (UTC−6), 21:30 in Cancún (UTC−5), 18:30 in Tijuana.
  const evening = new Date('2026-12-03T02:30:00Z');

  it.each([
    ['Mexico City calendar and agent', 'America/Mexico_City', 'America/Mexico_City', '2026-12-02'],
    ['a Cancún calendar, in its own zone', 'America/Cancun', 'America/Cancun', '2026-12-02'],
    ['an agent west of the calendar', 'America/Mexico_City', 'America/Tijuana', '2026-12-02'],
    [
      'an agent whose zone is on the next day',
      'America/Mexico_City',
      'Europe/Madrid',
      '2026-12-03',
    ],
    [
      'an agent zone the runtime does not know',
      'America/Mexico_City',
      'Mars/Olympus',
      '2026-12-02',
    ],
  ])('%s: %s / %s → %s', (_label, calendarZone, agentZone, expected) => {
    expect(lastWorkDate(calendarZone, agentZone, evening)).toBe(expected);
  });

  it('follows the calendar zone, not a fixed one: 23:30 in Mexico City is already the 3rd in Cancún', () => {
    const late = new Date('2026-12-03T05:30:00Z');
    expect(lastWorkDate('America/Mexico_City', 'America/Mexico_City', late)).toBe('2026-12-02');
    expect(lastWorkDate('America/Cancun', 'America/Mexico_City', late)).toBe('2026-12-03');
  });
});
