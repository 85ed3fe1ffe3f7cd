import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  businessMinutesBetween,
  explainAddBusinessDays,
  explainAddBusinessHours,
  isBusinessTime,
  localDateOf,
  workingIntervalsOn,
  type CalendarDefinition,
  type TimeInterval,
} from '../../../src/business-time/engine';

const office: readonly TimeInterval[] = [{ start: '09:00', end: '18:00' }];
const allDay: readonly TimeInterval[] = [{ start: '00:00', end: '24:00' }];

function calendarIn(
  timeZone: string,
  hours: readonly TimeInterval[],
  weekdays: ReadonlyArray<1 | 2 | 3 | 4 | 5 | 6 | 7> = [1, 2, 3, 4, 5],
  overrides: CalendarDefinition['overrides'] = [],
): CalendarDefinition {
  return {
    timeZone,
    weekly: Object.fromEntries(weekdays.map((day) => [day, hours])),
    holidays: [],
    overrides,
  };
}

const at = (iso: string): Date => new Date(iso);

// US rules in 2026: spring forward Sun 03-08 02:00 (PST −8 → PDT −7), fall back Sun 11-01 02:00.
describe('L3-06 DST zones: America/Tijuana (follows US DST)', () => {
  const tijuana = calendarIn('America/Tijuana', office);

  test('weekday intervals resolve with the offset of their own date', () => {
    expect(workingIntervalsOn(tijuana, '2026-03-06').intervals[0]?.start).toEqual(
      at('2026-03-06T09:00:00-08:00'),
    );
    expect(workingIntervalsOn(tijuana, '2026-03-09').intervals[0]?.start).toEqual(
      at('2026-03-09T09:00:00-07:00'),
    );
    expect(workingIntervalsOn(tijuana, '2026-11-02').intervals[0]?.end).toEqual(
      at('2026-11-02T18:00:00-08:00'),
    );
  });

  test('8 business hours across the spring-forward weekend: Fri 17:00 PST → Mon 16:00 PDT', () => {
    const deadline = addBusinessHours(tijuana, at('2026-03-06T17:00:00-08:00'), 8);
    expect(deadline.toISOString()).toBe('2026-03-09T23:00:00.000Z');
  });

  test('8 business hours across the fall-back weekend: Fri 17:00 PDT → Mon 16:00 PST', () => {
    const deadline = addBusinessHours(tijuana, at('2026-10-30T17:00:00-07:00'), 8);
    expect(deadline.toISOString()).toBe('2026-11-03T00:00:00.000Z');
  });

  test('L3-08 business days across the transition end at 18:00 local of the new offset', () => {
    expect(addBusinessDays(tijuana, at('2026-03-06T10:00:00-08:00'), 1)).toEqual(
      at('2026-03-09T18:00:00-07:00'),
    );
  });

  test('a worked Sunday across spring-forward counts real elapsed minutes (00:00–06:00 = 5 h)', () => {
    const sundayShift = calendarIn(
      'America/Tijuana',
      office,
      [1, 2, 3, 4, 5],
      [{ date: '2026-03-08', intervals: [{ start: '00:00', end: '06:00' }], reason: 'inventory' }],
    );
    const sunday = workingIntervalsOn(sundayShift, '2026-03-08').intervals[0];
    expect(sunday?.start.toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(sunday?.end.toISOString()).toBe('2026-03-08T13:00:00.000Z');
    // 8 h from Saturday evening: 5 real hours on Sunday, 3 on Monday.
    expect(addBusinessHours(sundayShift, at('2026-03-07T20:00:00-08:00'), 8)).toEqual(
      at('2026-03-09T12:00:00-07:00'),
    );
    expect(
      businessMinutesBetween(
        sundayShift,
        at('2026-03-08T00:00:00-08:00'),
        at('2026-03-09T00:00:00-07:00'),
      ),
    ).toBe(300);
  });

  test('a worked Sunday across fall-back counts 7 real hours for 00:00–06:00', () => {
    const sundayShift = calendarIn(
      'America/Tijuana',
      office,
      [1, 2, 3, 4, 5],
      [{ date: '2026-11-01', intervals: [{ start: '00:00', end: '06:00' }] }],
    );
    expect(
      businessMinutesBetween(
        sundayShift,
        at('2026-11-01T00:00:00-07:00'),
        at('2026-11-02T00:00:00-08:00'),
      ),
    ).toBe(420);
    expect(addBusinessMinutes(sundayShift, at('2026-11-01T00:00:00-07:00'), 420)).toEqual(
      at('2026-11-01T06:00:00-08:00'),
    );
  });

  test('a wall time in the spring-forward gap maps to the instant after the gap', () => {
    const gap = calendarIn(
      'America/Tijuana',
      office,
      [],
      [
        {
          date: '2026-03-08',
          intervals: [
            { start: '02:00', end: '02:45' }, // wholly inside the gap: no real time, dropped
            { start: '02:50', end: '04:00' },
          ],
        },
      ],
    );
    const day = workingIntervalsOn(gap, '2026-03-08');
    expect(day.intervals).toHaveLength(1);
    expect(day.intervals[0]?.localStart).toBe('02:50');
    // 02:50 does not exist; the first instant after the gap is 03:00 PDT = 10:00Z.
    expect(day.intervals[0]?.start.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(day.intervals[0]?.end.toISOString()).toBe('2026-03-08T11:00:00.000Z');
  });

  test('an ambiguous fall-back wall time maps to the earlier instant', () => {
    const overlap = calendarIn(
      'America/Tijuana',
      office,
      [],
      [{ date: '2026-11-01', intervals: [{ start: '01:30', end: '03:00' }] }],
    );
    const interval = workingIntervalsOn(overlap, '2026-11-01').intervals[0];
    expect(interval?.start.toISOString()).toBe('2026-11-01T08:30:00.000Z'); // 01:30 PDT
    expect(interval?.end.toISOString()).toBe('2026-11-01T11:00:00.000Z'); // 03:00 PST
    expect(
      businessMinutesBetween(overlap, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z')),
    ).toBe(150);
    // The repeated 01:45 PST (09:45Z) is inside the interval and still on local date Nov 1.
    expect(isBusinessTime(overlap, at('2026-11-01T09:45:00Z'))).toBe(true);
    expect(localDateOf(overlap, at('2026-11-01T09:45:00Z'))).toBe('2026-11-01');
  });

  test('a 24/7 calendar: the spring-forward Sunday has 23 h and the fall-back Sunday 25 h', () => {
    const always = calendarIn('America/Tijuana', allDay, [1, 2, 3, 4, 5, 6, 7]);
    expect(
      businessMinutesBetween(
        always,
        at('2026-03-07T00:00:00-08:00'),
        at('2026-03-09T00:00:00-07:00'),
      ),
    ).toBe(47 * 60);
    expect(
      businessMinutesBetween(
        always,
        at('2026-10-31T00:00:00-07:00'),
        at('2026-11-02T00:00:00-08:00'),
      ),
    ).toBe(49 * 60);
    expect(addBusinessHours(always, at('2026-03-08T00:00:00-08:00'), 24)).toEqual(
      at('2026-03-09T01:00:00-07:00'),
    );
  });

  test('the explanation shows local wall times on both sides of the transition', () => {
    const explanation = explainAddBusinessHours(tijuana, at('2026-03-06T17:00:00-08:00'), 8);
    const consumed = explanation.steps.filter((step) => step.type === 'consumed');
    expect(
      consumed.map((step) => [step.date, step.localStart, step.localEnd, step.minutes]),
    ).toEqual([
      ['2026-03-06', '17:00', '18:00', 60],
      ['2026-03-09', '09:00', '16:00', 420],
    ]);
  });
});

// Chile moves its clocks at midnight: Sat 2026-04-04 24:00 −03 falls back to 23:00 −04, and
// Sat 2026-09-05 24:00 −04 springs forward to Sun 01:00 −03.
describe('L3-06 transitions at midnight: America/Santiago', () => {
  const nightly = calendarIn(
    'America/Santiago',
    [{ start: '20:00', end: '24:00' }],
    [1, 2, 3, 4, 5, 6, 7],
  );

  test('an interval ending at 24:00 on the fall-back night lasts 5 real hours', () => {
    const interval = workingIntervalsOn(nightly, '2026-04-04').intervals[0];
    expect(interval?.start.toISOString()).toBe('2026-04-04T23:00:00.000Z');
    expect(interval?.end.toISOString()).toBe('2026-04-05T04:00:00.000Z');
    // The repeated 23:30 (−04) is still Saturday and inside the interval.
    expect(isBusinessTime(nightly, at('2026-04-05T03:30:00Z'))).toBe(true);
    expect(localDateOf(nightly, at('2026-04-05T03:30:00Z'))).toBe('2026-04-04');
    expect(addBusinessMinutes(nightly, at('2026-04-04T23:00:00Z'), 300)).toEqual(
      at('2026-04-05T04:00:00Z'),
    );
    expect(addBusinessMinutes(nightly, at('2026-04-04T23:00:00Z'), 301)).toEqual(
      at('2026-04-05T20:01:00-04:00'),
    );
  });

  test('an interval ending at a 24:00 that does not exist ends at the transition (4 h)', () => {
    const interval = workingIntervalsOn(nightly, '2026-09-05').intervals[0];
    expect(interval?.start.toISOString()).toBe('2026-09-06T00:00:00.000Z');
    expect(interval?.end.toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  test('a 24/7 calendar counts 49 h over the fall-back weekend', () => {
    const always = calendarIn('America/Santiago', allDay, [1, 2, 3, 4, 5, 6, 7]);
    expect(
      businessMinutesBetween(
        always,
        at('2026-04-04T00:00:00-03:00'),
        at('2026-04-06T00:00:00-04:00'),
      ),
    ).toBe(49 * 60);
  });
});

describe('L3-08 a local date that never existed: Pacific/Apia skipped 2011-12-30', () => {
  const apia = calendarIn('Pacific/Apia', office, [1, 2, 3, 4, 5, 6, 7]);

  test('the missing date has no working time and is not counted as a business date', () => {
    expect(workingIntervalsOn(apia, '2011-12-30').intervals).toEqual([]);
    expect(localDateOf(apia, at('2011-12-30T09:59:59Z'))).toBe('2011-12-29');
    expect(localDateOf(apia, at('2011-12-30T10:00:00Z'))).toBe('2011-12-31');
    const explanation = explainAddBusinessDays(apia, at('2011-12-29T20:00:00Z'), 1);
    expect(explanation.deadline).toEqual(at('2011-12-31T18:00:00+14:00'));
    expect(explanation.steps[0]).toEqual({
      type: 'skipped',
      date: '2011-12-30',
      weekday: 5,
      reason: 'clock-change-gap',
    });
  });
});

// Until 2011 Newfoundland fell back at 00:01: on 2010-11-07 the clock showed 00:00 of Nov 7,
// then went back to 23:01 of Nov 6. The Nov 7 interval begins while the clock still shows Nov 6.
describe('L3-06 a fall-back across midnight: America/St_Johns, 2010-11-07', () => {
  const earlyShift = calendarIn(
    'America/St_Johns',
    [],
    [],
    [{ date: '2010-11-07', intervals: [{ start: '00:00', end: '01:00' }] }],
  );

  test('the interval starts at the first 00:00 and lasts 2 real hours', () => {
    const interval = workingIntervalsOn(earlyShift, '2010-11-07').intervals[0];
    expect(interval?.start.toISOString()).toBe('2010-11-07T02:30:00.000Z');
    expect(interval?.end.toISOString()).toBe('2010-11-07T04:30:00.000Z');
  });

  test('an instant showing Nov 6 23:30 (second time) is business time of Nov 7', () => {
    const repeated = at('2010-11-07T03:00:00Z');
    expect(localDateOf(earlyShift, repeated)).toBe('2010-11-06');
    expect(isBusinessTime(earlyShift, repeated)).toBe(true);
    expect(addBusinessMinutes(earlyShift, at('2010-11-07T02:00:00Z'), 30)).toEqual(repeated);
    expect(businessMinutesBetween(earlyShift, at('2010-11-07T02:00:00Z'), repeated)).toBe(30);
  });

  test('a 24/7 calendar counts the repeated hour once, in real time', () => {
    const always = calendarIn('America/St_Johns', allDay, [1, 2, 3, 4, 5, 6, 7]);
    expect(
      businessMinutesBetween(always, at('2010-11-07T02:00:00Z'), at('2010-11-07T03:00:00Z')),
    ).toBe(60);
    expect(
      businessMinutesBetween(always, at('2010-11-06T00:00:00Z'), at('2010-11-09T00:00:00Z')),
    ).toBe(3 * 24 * 60);
  });
});

describe('L3-06 DST zone: America/New_York', () => {
  const newYork = calendarIn('America/New_York', [{ start: '09:00', end: '17:00' }]);

  test('8 business hours from Fri 2026-03-06 12:00 EST → Mon 12:00 EDT', () => {
    expect(addBusinessHours(newYork, at('2026-03-06T12:00:00-05:00'), 8)).toEqual(
      at('2026-03-09T12:00:00-04:00'),
    );
  });

  test('L3-09 2 business days from Fri 2026-10-30 → Tue 2026-11-03 17:00 EST', () => {
    expect(addBusinessDays(newYork, at('2026-10-30T10:00:00-04:00'), 2)).toEqual(
      at('2026-11-03T17:00:00-05:00'),
    );
  });
});

describe('L3-06 Mexican zones other than Mexico City', () => {
  test('America/Cancun is fixed UTC−5 all year', () => {
    const cancun = calendarIn('America/Cancun', office);
    expect(addBusinessHours(cancun, at('2026-01-26T09:00:00-05:00'), 8).toISOString()).toBe(
      '2026-01-26T22:00:00.000Z',
    );
    expect(workingIntervalsOn(cancun, '2026-07-06').intervals[0]?.start.toISOString()).toBe(
      '2026-07-06T14:00:00.000Z',
    );
    // Same wall-clock calendar, one hour earlier than Mexico City in UTC.
    const mexicoCity = calendarIn('America/Mexico_City', office);
    expect(workingIntervalsOn(mexicoCity, '2026-07-06').intervals[0]?.start.toISOString()).toBe(
      '2026-07-06T15:00:00.000Z',
    );
  });

  test('America/Mexico_City still had DST in 2022 (ended 2022-10-30); the zone database knows', () => {
    const mexicoCity = calendarIn('America/Mexico_City', office);
    expect(workingIntervalsOn(mexicoCity, '2022-10-28').intervals[0]?.start.toISOString()).toBe(
      '2022-10-28T14:00:00.000Z',
    );
    expect(workingIntervalsOn(mexicoCity, '2022-10-31').intervals[0]?.start.toISOString()).toBe(
      '2022-10-31T15:00:00.000Z',
    );
    // From 2023 on, no DST: April 2026 keeps UTC−6.
    expect(workingIntervalsOn(mexicoCity, '2026-04-06').intervals[0]?.start.toISOString()).toBe(
      '2026-04-06T15:00:00.000Z',
    );
  });
});

describe('results never depend on the host time zone (process.env.TZ)', () => {
  const engineIndex = join(__dirname, '../../../src/business-time/engine/index.ts');

  // Runs in a child node process, because jest sandboxes process.env and TZ must be set at
  // process level. Transpiles the engine on the fly with the installed TypeScript.
  const childScript = `
    const fs = require('node:fs');
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      module._compile(outputText, filename);
    };
    const e = require(${JSON.stringify(engineIndex)});
    const office = [{ start: '09:00', end: '18:00' }];
    const weekly = { 1: office, 2: office, 3: office, 4: office, 5: office };
    const mexicoCity = e.defaultMexicoCityCalendar(2025, 2026);
    const tijuana = { timeZone: 'America/Tijuana', weekly, holidays: [], overrides: [] };
    const at = (iso) => new Date(iso);
    const results = [
      e.addBusinessHours(mexicoCity, at('2026-01-30T23:30:00Z'), 8).toISOString(),
      e.addBusinessDays(mexicoCity, at('2025-12-22T16:00:00Z'), 5).toISOString(),
      e.addBusinessHours(tijuana, at('2026-03-07T01:00:00Z'), 8).toISOString(),
      e.localDateOf(mexicoCity, at('2025-12-11T00:00:00Z')),
      e.businessMinutesBetween(tijuana, at('2026-10-30T00:00:00Z'), at('2026-11-04T00:00:00Z')),
      e.workingIntervalsOn(tijuana, '2026-11-01').weekday,
    ];
    process.stdout.write(JSON.stringify({ hostOffset: new Date(0).getTimezoneOffset(), results }));
  `;

  const expected = [
    '2026-02-03T22:30:00.000Z',
    '2025-12-31T00:00:00.000Z',
    '2026-03-09T23:00:00.000Z',
    '2025-12-10',
    // Thu 10-29 17:00–18:00 PDT, Fri 9 h, Mon 9 h, Tue 09:00–16:00 PST.
    (1 + 9 + 9 + 7) * 60,
    7,
  ];

  test.each([
    ['UTC', 0],
    ['Asia/Tokyo', -540],
    ['Pacific/Chatham', -765],
    ['America/Los_Angeles', 480],
  ])('same answers with the host in %s', (hostZone, hostOffset) => {
    const output = execFileSync(process.execPath, ['-e', childScript], {
      env: { ...process.env, TZ: hostZone },
      encoding: 'utf8',
    });
    // The host zone really is different in each run, and the answers are not.
    expect(JSON.parse(output)).toEqual({ hostOffset, results: expected });
  });

  test('the engine source uses no local-time Date API and never reads process.env', () => {
    const engineDir = join(__dirname, '../../../src/business-time/engine');
    const forbidden =
      /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)\(|process\.env|Date\.parse|toLocale\w*\(|console\./;
    const files = readdirSync(engineDir).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const offending = readFileSync(join(engineDir, file), 'utf8')
        .split('\n')
        .filter((line) => forbidden.test(line));
      expect({ file, offending }).toEqual({ file, offending: [] });
    }
  });
});
