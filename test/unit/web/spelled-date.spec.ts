import { spelledDateInput } from '../../../web/src/i18n/format';

// A native date control is drawn in the browser's language and order (an English browser shows
// 1 December 2026 as «12/01/2026» on a Spanish page): the form spells the day it holds in the UI
// language. The unit tier runs in the machine's zone and in Tokyo's: the day never shifts.

describe('spelledDateInput: the day a date control holds, in words', () => {
  it('spells a date in Spanish (es-MX) and in English, the day as typed in any zone', () => {
    expect(spelledDateInput('2026-12-01', 'es-MX')).toBe('martes, 1 de diciembre de 2026');
    expect(spelledDateInput('2026-12-01', 'en')).toBe('Tuesday, December 1, 2026');
    expect(spelledDateInput('2027-01-01', 'es-MX')).toBe('viernes, 1 de enero de 2027');
  });

  it('spells a date and time as the app writes times', () => {
    const es = spelledDateInput('2026-12-01T09:30', 'es-MX');
    expect(es).toMatch(/^martes, 1 de diciembre de 2026, 9:30\sa\.\s?m\.$/);
    expect(spelledDateInput('2026-12-01T21:05', 'en')).toMatch(
      /^Tuesday, December 1, 2026 at 9:05\sPM$/,
    );
    // A control with seconds (a step under a minute) holds the same minute.
    expect(spelledDateInput('2026-12-01T09:30:15', 'es-MX')).toBe(es);
  });

  it('spells a year under 100 as typed, not as 19xx (QA S54: «0001» read «1901»)', () => {
    expect(spelledDateInput('0001-01-01T00:00', 'es-MX')).toMatch(/ de 1, 12:00\sa\.\s?m\.$/);
    expect(spelledDateInput('0202-03-04', 'en')).toMatch(/March 4, 202$/);
  });

  it('says nothing for an empty control or a date no calendar has', () => {
    for (const value of ['', '2026-02-30', '2026-13-01', '2026-12-01T24:00', '1/12/2026', 'x']) {
      expect(spelledDateInput(value, 'es-MX')).toBeNull();
    }
  });
});
