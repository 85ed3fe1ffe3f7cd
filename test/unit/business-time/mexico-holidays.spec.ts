import {
  BusinessTimeInputError,
  defaultMexicoCityCalendar,
  mexicoLft74Holidays,
  mexicoLft74HolidaysBetween,
  MX_LFT_74,
  workingIntervalsOn,
} from '../../../src/business-time/engine';

const datesOf = (year: number): string[] =>
  mexicoLft74Holidays(year).map((holiday) => holiday.date);

describe('L3-06/L3-08 business time excludes Mexico LFT art. 74 rest days', () => {
  // The table in BUSINESS-TIME.md "Facts (checked 2026-11)", exactly.
  test.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-02-03',
        '2025-03-17',
        '2025-05-01',
        '2025-09-16',
        '2025-11-17',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-02-02',
        '2026-03-16',
        '2026-05-01',
        '2026-09-16',
        '2026-11-16',
        '2026-12-25',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-02-01',
        '2027-03-15',
        '2027-05-01',
        '2027-09-16',
        '2027-11-15',
        '2027-12-25',
      ],
    ],
  ])('%i matches the spec table', (year, expected) => {
    expect(datesOf(year)).toEqual(expected);
  });

  test('names are the Spanish ones and every source is MX_LFT_74', () => {
    expect(mexicoLft74Holidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Año Nuevo', source: MX_LFT_74 },
      { date: '2026-02-02', name: 'Día de la Constitución', source: MX_LFT_74 },
      { date: '2026-03-16', name: 'Natalicio de Benito Juárez', source: MX_LFT_74 },
      { date: '2026-05-01', name: 'Día del Trabajo', source: MX_LFT_74 },
      { date: '2026-09-16', name: 'Día de la Independencia', source: MX_LFT_74 },
      { date: '2026-11-16', name: 'Día de la Revolución', source: MX_LFT_74 },
      { date: '2026-12-25', name: 'Navidad', source: MX_LFT_74 },
    ]);
    expect(MX_LFT_74).toBe('MX_LFT_74');
  });

  test('October 1 in transition years from 2024 (2024, 2030, 2036), never December 1', () => {
    for (const year of [2024, 2030, 2036]) {
      const holidays = mexicoLft74Holidays(year);
      expect(holidays).toContainEqual({
        date: `${year}-10-01`,
        name: 'Transmisión del Poder Ejecutivo Federal',
        source: MX_LFT_74,
      });
      expect(holidays.map((holiday) => holiday.date)).not.toContain(`${year}-12-01`);
      expect(holidays).toHaveLength(8);
    }
  });

  test('no transfer holiday in non-transition years', () => {
    for (const year of [2025, 2026, 2027, 2028, 2029, 2031]) {
      const dates = datesOf(year);
      expect(dates).toHaveLength(7);
      expect(dates).not.toContain(`${year}-10-01`);
      expect(dates).not.toContain(`${year}-12-01`);
    }
  });

  test('before the 2024 decree the transfer was December 1 (2018, 2012, 2006)', () => {
    for (const year of [2006, 2012, 2018]) {
      expect(datesOf(year)).toContain(`${year}-12-01`);
      expect(datesOf(year)).not.toContain(`${year}-10-01`);
    }
  });

  test('no substitute day when a holiday falls on a weekend (Sat 2027-05-01, Sat 2027-12-25)', () => {
    const dates = datesOf(2027);
    expect(dates).toContain('2027-05-01');
    expect(dates).not.toContain('2027-04-30');
    expect(dates).not.toContain('2027-05-03');
    expect(dates).not.toContain('2027-12-24');
    expect(dates).not.toContain('2027-12-27');
  });

  test('bank closing days and election days are not generated', () => {
    const dates = datesOf(2026);
    for (const notALabourHoliday of ['2026-04-02', '2026-04-03', '2026-11-02', '2026-12-12']) {
      expect(dates).not.toContain(notALabourHoliday);
    }
    expect(dates).not.toContain('2026-06-07'); // Coahuila election day: user data, source ELECTION
  });

  test('mexicoLft74HolidaysBetween concatenates the years in date order', () => {
    const holidays = mexicoLft74HolidaysBetween(2029, 2030);
    expect(holidays).toHaveLength(7 + 8);
    expect(holidays[0]?.date).toBe('2029-01-01');
    expect(holidays[holidays.length - 1]?.date).toBe('2030-12-25');
    const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date));
    expect(holidays).toEqual(sorted);
  });

  test('years outside 2006–9999 and reversed ranges are refused with a typed error', () => {
    expect(() => mexicoLft74Holidays(2005)).toThrow(BusinessTimeInputError);
    expect(() => mexicoLft74Holidays(2026.5)).toThrow(BusinessTimeInputError);
    expect(() => mexicoLft74HolidaysBetween(2027, 2026)).toThrow(BusinessTimeInputError);
  });

  test('the default calendar: America/Mexico_City, Mon–Fri 09:00–18:00, art. 74 of the given years', () => {
    const calendar = defaultMexicoCityCalendar(2025, 2027);
    expect(calendar.timeZone).toBe('America/Mexico_City');
    expect(calendar.holidays).toHaveLength(21);
    expect(calendar.overrides).toEqual([]);
    for (const weekday of [1, 2, 3, 4, 5] as const) {
      expect(calendar.weekly[weekday]).toEqual([{ start: '09:00', end: '18:00' }]);
    }
    expect(calendar.weekly[6]).toEqual([]);
    expect(calendar.weekly[7]).toEqual([]);

    const holiday = workingIntervalsOn(calendar, '2026-02-02');
    expect(holiday.rule).toBe('holiday');
    expect(holiday.holiday).toEqual({
      date: '2026-02-02',
      name: 'Día de la Constitución',
      source: MX_LFT_74,
    });
    expect(holiday.intervals).toEqual([]);
  });
});
