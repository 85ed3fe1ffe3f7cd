import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  BusinessCalendar,
  BusinessTimeError,
  BusinessTimeInputError,
  businessMinutesBetween,
  CalendarValidationError,
  defaultMexicoCityCalendar,
  explainAddBusinessMinutes,
  findCalendarIssues,
  isBusinessTime,
  NO_WORKING_TIME_HORIZON_DAYS,
  nextBusinessMoment,
  NoWorkingTimeError,
  lastBusinessMoment,
  validateCalendar,
  workingIntervalsOn,
  type CalendarDefinition,
} from '../../../src/business-time/engine';

const valid = defaultMexicoCityCalendar(2026);
const from = new Date('2026-01-27T16:00:00Z');

function issuesOf(definition: unknown): Array<{ code: string; path: string }> {
  return findCalendarIssues(definition).map(({ code, path }) => ({ code, path }));
}

describe('calendar validation (CalendarValidationError lists every issue)', () => {
  test('the default calendar is valid', () => {
    expect(findCalendarIssues(valid)).toEqual([]);
    expect(() => validateCalendar(valid)).not.toThrow();
    // Absent weekdays are closed.
    expect(findCalendarIssues({ ...valid, weekly: { 1: undefined, 3: [] } })).toEqual([]);
  });

  test('unknown IANA zones and fixed offsets are refused', () => {
    for (const timeZone of ['Mars/Olympus_Mons', 'Mexico City', '+06:00', '-06:00', '', 42]) {
      expect(issuesOf({ ...valid, timeZone })).toEqual([
        { code: 'UNKNOWN_TIME_ZONE', path: 'timeZone' },
      ]);
    }
  });

  test('malformed HH:MM, 24:00 as a start, end <= start', () => {
    const definition = {
      ...valid,
      weekly: {
        1: [{ start: '9:00', end: '18:00' }],
        2: [{ start: '09:00', end: '18:60' }],
        3: [{ start: '24:00', end: '24:00' }],
        4: [{ start: '18:00', end: '09:00' }],
        5: [{ start: '09:00', end: '09:00' }],
      },
    };
    expect(issuesOf(definition)).toEqual([
      { code: 'MALFORMED_TIME', path: 'weekly.1[0].start' },
      { code: 'MALFORMED_TIME', path: 'weekly.2[0].end' },
      { code: 'MALFORMED_TIME', path: 'weekly.3[0].start' },
      { code: 'END_NOT_AFTER_START', path: 'weekly.4[0]' },
      { code: 'END_NOT_AFTER_START', path: 'weekly.5[0]' },
    ]);
  });

  test('overlapping intervals on a weekday or an override; touching ones are fine', () => {
    const definition: CalendarDefinition = {
      ...valid,
      weekly: {
        1: [
          { start: '09:00', end: '14:00' },
          { start: '13:59', end: '18:00' },
        ],
        2: [
          { start: '09:00', end: '18:00' },
          { start: '10:00', end: '11:00' },
          { start: '12:00', end: '13:00' },
        ],
        3: [
          { start: '09:00', end: '14:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
      overrides: [
        {
          date: '2026-01-31',
          intervals: [
            { start: '10:00', end: '12:00' },
            { start: '08:00', end: '10:30' },
          ],
        },
      ],
    };
    expect(issuesOf(definition)).toEqual([
      { code: 'OVERLAPPING_INTERVALS', path: 'weekly.1[1]' },
      { code: 'OVERLAPPING_INTERVALS', path: 'weekly.2[1]' },
      { code: 'OVERLAPPING_INTERVALS', path: 'weekly.2[2]' },
      { code: 'OVERLAPPING_INTERVALS', path: 'overrides[0].intervals[0]' },
    ]);
  });

  test('duplicate holiday dates, duplicate overrides, malformed dates, missing names/sources', () => {
    const definition = {
      ...valid,
      holidays: [
        { date: '2026-06-07', name: 'Jornada electoral', source: 'ELECTION' },
        { date: '2026-06-07', name: 'Again', source: 'CLIENT' },
        { date: '2026-02-30', name: 'No such day', source: 'CLIENT' },
        { date: '2026-6-8', name: 'Sloppy', source: 'CLIENT' },
        { date: '2026-06-09', name: ' ', source: '' },
      ],
      overrides: [
        { date: '2026-12-24', intervals: [] },
        { date: '2026-12-24', intervals: [{ start: '09:00', end: '14:00' }] },
        { date: '24/12/2026', intervals: [] },
      ],
    };
    expect(issuesOf(definition)).toEqual([
      { code: 'DUPLICATE_HOLIDAY', path: 'holidays[1].date' },
      { code: 'MALFORMED_DATE', path: 'holidays[2].date' },
      { code: 'MALFORMED_DATE', path: 'holidays[3].date' },
      { code: 'MISSING_TEXT', path: 'holidays[4].name' },
      { code: 'MISSING_TEXT', path: 'holidays[4].source' },
      { code: 'DUPLICATE_OVERRIDE', path: 'overrides[1].date' },
      { code: 'MALFORMED_DATE', path: 'overrides[2].date' },
    ]);
  });

  test('bad shapes and weekday keys outside 1–7', () => {
    expect(issuesOf(null)).toEqual([{ code: 'INVALID_SHAPE', path: '' }]);
    expect(
      issuesOf({
        timeZone: 'UTC',
        weekly: { 0: [], 8: [], mon: [] },
        holidays: {},
        overrides: null,
      }),
    ).toEqual([
      { code: 'INVALID_WEEKDAY', path: 'weekly.0' },
      { code: 'INVALID_WEEKDAY', path: 'weekly.8' },
      { code: 'INVALID_WEEKDAY', path: 'weekly.mon' },
      { code: 'INVALID_SHAPE', path: 'holidays' },
      { code: 'INVALID_SHAPE', path: 'overrides' },
    ]);
  });

  test('validateCalendar and every engine entry point throw the typed error with all issues', () => {
    const broken = {
      ...valid,
      timeZone: 'Nowhere/Special',
      weekly: { 1: [{ start: '18:00', end: '09:00' }] },
    } as CalendarDefinition;
    let caught: unknown;
    try {
      validateCalendar(broken);
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarValidationError);
    expect(caught).toBeInstanceOf(BusinessTimeError);
    const error = caught as CalendarValidationError;
    expect(error.code).toBe('CALENDAR_INVALID');
    expect(error.name).toBe('CalendarValidationError');
    expect(error.issues.map((issue) => issue.code)).toEqual([
      'UNKNOWN_TIME_ZONE',
      'END_NOT_AFTER_START',
    ]);
    expect(error.message).toContain('timeZone');

    expect(() => new BusinessCalendar(broken)).toThrow(CalendarValidationError);
    expect(() => addBusinessHours(broken, from, 8)).toThrow(CalendarValidationError);
    expect(() => addBusinessDays(broken, from, 5)).toThrow(CalendarValidationError);
    expect(() => workingIntervalsOn(broken, '2026-01-27')).toThrow(CalendarValidationError);
  });
});

describe('argument validation (BusinessTimeInputError)', () => {
  test.each([
    ['negative minutes', () => addBusinessMinutes(valid, from, -1), 'minutes'],
    ['fractional minutes', () => addBusinessMinutes(valid, from, 1.5), 'minutes'],
    ['NaN minutes', () => addBusinessMinutes(valid, from, Number.NaN), 'minutes'],
    [
      'infinite minutes',
      () => addBusinessMinutes(valid, from, Number.POSITIVE_INFINITY),
      'minutes',
    ],
    ['absurd minutes', () => addBusinessMinutes(valid, from, 1e12), 'minutes'],
    ['fractional hours', () => addBusinessHours(valid, from, 0.5), 'hours'],
    ['negative days', () => addBusinessDays(valid, from, -2), 'days'],
    ['fractional days', () => addBusinessDays(valid, from, 2.5), 'days'],
    ['invalid Date', () => addBusinessHours(valid, new Date('not a date'), 8), 'from'],
    ['not a Date', () => addBusinessHours(valid, '2026-01-27' as unknown as Date, 8), 'from'],
    [
      'Date out of range',
      () => addBusinessHours(valid, new Date('1850-01-01T00:00:00Z'), 8),
      'from',
    ],
    ['invalid between bound', () => businessMinutesBetween(valid, from, new Date(Number.NaN)), 'b'],
    ['malformed local date', () => workingIntervalsOn(valid, '2026-02-30'), 'localDate'],
    ['explain with a negative amount', () => explainAddBusinessMinutes(valid, from, -5), 'minutes'],
  ])('%s', (_label, call, field) => {
    expect(call).toThrow(BusinessTimeInputError);
    try {
      call();
    } catch (error: unknown) {
      expect(error).toMatchObject({ code: 'BUSINESS_TIME_INPUT_INVALID', field });
    }
  });
});

describe('L3-05 guard against calendars without working time', () => {
  const closed: CalendarDefinition = {
    timeZone: 'America/Mexico_City',
    weekly: {},
    holidays: [],
    overrides: [],
  };

  test('adding time or days throws NoWorkingTimeError instead of looping forever', () => {
    for (const call of [
      () => addBusinessMinutes(closed, from, 60),
      () => addBusinessMinutes(closed, from, 0),
      () => addBusinessDays(closed, from, 1),
      () => addBusinessDays(closed, from, 0),
      () => nextBusinessMoment(closed, from),
    ]) {
      expect(call).toThrow(NoWorkingTimeError);
    }
    try {
      addBusinessHours(closed, from, 8);
    } catch (error: unknown) {
      expect(error).toMatchObject({
        code: 'NO_WORKING_TIME',
        timeZone: 'America/Mexico_City',
        searchedFrom: '2026-01-27',
        horizonDays: NO_WORKING_TIME_HORIZON_DAYS,
      });
    }
  });

  test('searching backwards for the last business moment throws too, naming its direction', () => {
    expect(() => lastBusinessMoment(closed, from)).toThrow(NoWorkingTimeError);
    expect(() => lastBusinessMoment(closed, from)).toThrow(
      `No working time in America/Mexico_City within ${NO_WORKING_TIME_HORIZON_DAYS} days before 2026-01-27`,
    );
  });

  test('questions with a bounded answer still answer: not business time, 0 minutes between', () => {
    expect(isBusinessTime(closed, from)).toBe(false);
    expect(businessMinutesBetween(closed, from, new Date('2030-01-01T00:00:00Z'))).toBe(0);
  });

  test('working time within the three-year horizon is found; beyond it is not', () => {
    const withOneDay = (date: string): CalendarDefinition => ({
      ...closed,
      overrides: [{ date, intervals: [{ start: '09:00', end: '10:00' }] }],
    });
    expect(addBusinessMinutes(withOneDay('2028-06-01'), from, 30)).toEqual(
      new Date('2028-06-01T09:30:00-06:00'),
    );
    expect(addBusinessDays(withOneDay('2028-06-01'), from, 1)).toEqual(
      new Date('2028-06-01T10:00:00-06:00'),
    );
    expect(() => addBusinessMinutes(withOneDay('2030-06-01'), from, 30)).toThrow(
      NoWorkingTimeError,
    );
    // Once the only working day is consumed, asking for more runs out of calendar.
    expect(() => addBusinessMinutes(withOneDay('2028-06-01'), from, 61)).toThrow(
      NoWorkingTimeError,
    );
  });
});
