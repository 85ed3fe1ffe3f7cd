import { zonedWallTimeToUtc } from '../../../web/src/i18n/zoned-time';

// The deadline calculator's «Desde» (/plazos) is read in the calendar's zone. QA S54: a year 0–99
// («0001-01-01 00:00») became 1901, silently, so the answer was about another date than the one
// typed; now the instant keeps the year typed and the API's own range check answers it.

describe('a wall time read in a zone', () => {
  it('keeps a year under 100 as typed, in UTC and in a zone', () => {
    expect(zonedWallTimeToUtc('0001-01-01T00:00', 'UTC').toISOString()).toBe(
      '0001-01-01T00:00:00.000Z',
    );
    expect(zonedWallTimeToUtc('0099-06-30T12:00', 'America/Mexico_City').getUTCFullYear()).toBe(99);
  });

  it('reads an ordinary wall time with the zone’s offset', () => {
    expect(zonedWallTimeToUtc('2026-12-07T09:00', 'America/Mexico_City').toISOString()).toBe(
      '2026-12-07T15:00:00.000Z',
    );
  });
});
