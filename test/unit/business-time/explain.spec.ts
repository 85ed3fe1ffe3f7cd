import {
  addBusinessDays,
  addBusinessHours,
  defaultMexicoCityCalendar,
  explainAddBusinessDays,
  explainAddBusinessHours,
  explainAddBusinessMinutes,
  type CalendarDefinition,
  type ConsumedStep,
} from '../../../src/business-time/engine';

const mx = (local: string): Date => new Date(`${local}:00-06:00`);
const calendar = defaultMexicoCityCalendar(2025, 2026);

describe('L3-06 explanation of an hours deadline ("why is my deadline X")', () => {
  test('Fri 2026-01-30 17:30 + 8 h: Friday, the weekend, the Feb 2 holiday, Tuesday', () => {
    const explanation = explainAddBusinessHours(calendar, mx('2026-01-30T17:30'), 8);
    expect(explanation).toEqual({
      timeZone: 'America/Mexico_City',
      from: mx('2026-01-30T17:30'),
      minutes: 480,
      clockStart: mx('2026-01-30T17:30'),
      deadline: mx('2026-02-03T16:30'),
      steps: [
        {
          type: 'consumed',
          date: '2026-01-30',
          weekday: 5,
          rule: 'weekly',
          localStart: '17:30',
          localEnd: '18:00',
          start: mx('2026-01-30T17:30'),
          end: mx('2026-01-30T18:00'),
          minutes: 30,
        },
        { type: 'skipped', date: '2026-01-31', weekday: 6, reason: 'weekend' },
        { type: 'skipped', date: '2026-02-01', weekday: 7, reason: 'weekend' },
        {
          type: 'skipped',
          date: '2026-02-02',
          weekday: 1,
          reason: 'holiday',
          holiday: { date: '2026-02-02', name: 'Día de la Constitución', source: 'MX_LFT_74' },
        },
        {
          type: 'consumed',
          date: '2026-02-03',
          weekday: 2,
          rule: 'weekly',
          localStart: '09:00',
          localEnd: '16:30',
          start: mx('2026-02-03T09:00'),
          end: mx('2026-02-03T16:30'),
          minutes: 450,
        },
      ],
    });
    expect(explanation.deadline).toEqual(addBusinessHours(calendar, mx('2026-01-30T17:30'), 8));
  });

  test('L3-05 registered on a holiday: the clock starts at the next opening', () => {
    const explanation = explainAddBusinessHours(calendar, mx('2026-03-16T10:15'), 4);
    expect(explanation.clockStart).toEqual(mx('2026-03-17T09:00'));
    expect(explanation.steps.map((step) => [step.type, step.date])).toEqual([
      ['skipped', '2026-03-16'],
      ['consumed', '2026-03-17'],
    ]);
  });

  test('ending exactly at closing is shown as 18:00 of the local date, not the UTC date', () => {
    const explanation = explainAddBusinessMinutes(calendar, mx('2025-12-10T16:00'), 120);
    expect(explanation.deadline.toISOString()).toBe('2025-12-11T00:00:00.000Z');
    expect(explanation.steps).toEqual([
      expect.objectContaining({
        date: '2025-12-10',
        localStart: '16:00',
        localEnd: '18:00',
        minutes: 120,
      }),
    ]);
  });

  test('a half-day override is named with its reason; consumed minutes add up to the request', () => {
    const halfDay: CalendarDefinition = {
      ...calendar,
      overrides: [
        { date: '2025-12-24', intervals: [{ start: '09:00', end: '14:00' }], reason: 'Nochebuena' },
        { date: '2025-12-31', intervals: [], reason: 'inventory' },
      ],
    };
    const explanation = explainAddBusinessHours(halfDay, mx('2025-12-23T16:00'), 9);
    expect(explanation.deadline).toEqual(mx('2025-12-26T11:00'));
    const consumed = explanation.steps.filter(
      (step): step is ConsumedStep => step.type === 'consumed',
    );
    expect(
      consumed.map((step) => [step.date, step.rule, step.localStart, step.localEnd, step.minutes]),
    ).toEqual([
      ['2025-12-23', 'weekly', '16:00', '18:00', 120],
      ['2025-12-24', 'override', '09:00', '14:00', 300],
      ['2025-12-26', 'weekly', '09:00', '11:00', 120],
    ]);
    expect(consumed[1]?.overrideReason).toBe('Nochebuena');
    expect(consumed.reduce((sum, step) => sum + step.minutes, 0)).toBe(9 * 60);
    expect(explanation.steps).toContainEqual({
      type: 'skipped',
      date: '2025-12-25',
      weekday: 4,
      reason: 'holiday',
      holiday: { date: '2025-12-25', name: 'Navidad', source: 'MX_LFT_74' },
    });

    const closedDay = explainAddBusinessHours(halfDay, mx('2025-12-30T17:00'), 2);
    expect(closedDay.steps).toContainEqual({
      type: 'skipped',
      date: '2025-12-31',
      weekday: 3,
      reason: 'override',
      overrideReason: 'inventory',
    });
  });

  test('QA S62 #1: 10:00:56 + 8 h ends at 18:00 with the engine, its last span ending there (L3-06, BUSINESS-TIME.md)', () => {
    const from = new Date(mx('2026-12-07T10:00').getTime() + 56_000);
    const explanation = explainAddBusinessHours(calendar, from, 8);
    expect(explanation.deadline).toEqual(mx('2026-12-07T18:00'));
    expect(explanation.deadline).toEqual(addBusinessHours(calendar, from, 8));
    // One span, to the closing; no «menos de 1 min» on Tuesday morning.
    expect(
      explanation.steps.map((step) =>
        step.type === 'consumed' ? [step.date, step.localStart, step.localEnd] : [step.type],
      ),
    ).toEqual([['2026-12-07', '10:00:56', '18:00']]);
  });

  test('0 minutes: no consumed segment, the deadline is the clock start', () => {
    const explanation = explainAddBusinessMinutes(calendar, mx('2026-01-31T12:00'), 0);
    expect(explanation.clockStart).toEqual(mx('2026-02-03T09:00'));
    expect(explanation.deadline).toEqual(mx('2026-02-03T09:00'));
    expect(explanation.steps.every((step) => step.type === 'skipped')).toBe(true);
  });
});

describe('L3-08/L3-09 explanation of a days deadline', () => {
  test('Mon 2025-12-22 + 5 days: 23, 24, (25 holiday), 26, (27, 28 weekend), 29, 30', () => {
    const explanation = explainAddBusinessDays(calendar, mx('2025-12-22T10:00'), 5);
    expect(explanation.startDate).toBe('2025-12-22');
    expect(explanation.days).toBe(5);
    expect(explanation.deadline).toEqual(mx('2025-12-30T18:00'));
    expect(explanation.deadline).toEqual(addBusinessDays(calendar, mx('2025-12-22T10:00'), 5));
    expect(
      explanation.steps.map((step) =>
        step.type === 'counted'
          ? `${step.date} #${step.ordinal} closes ${step.localClosing}`
          : `${step.date} skipped: ${step.reason}${step.holiday ? ` (${step.holiday.name}, ${step.holiday.source})` : ''}`,
      ),
    ).toEqual([
      '2025-12-23 #1 closes 18:00',
      '2025-12-24 #2 closes 18:00',
      '2025-12-25 skipped: holiday (Navidad, MX_LFT_74)',
      '2025-12-26 #3 closes 18:00',
      '2025-12-27 skipped: weekend',
      '2025-12-28 skipped: weekend',
      '2025-12-29 #4 closes 18:00',
      '2025-12-30 #5 closes 18:00',
    ]);
    const last = explanation.steps[explanation.steps.length - 1];
    expect(last).toMatchObject({
      type: 'counted',
      closing: mx('2025-12-30T18:00'),
      rule: 'weekly',
    });
  });

  test('L3-09 days = 0 after closing counts the next business date as ordinal 0', () => {
    const explanation = explainAddBusinessDays(calendar, mx('2026-01-30T19:00'), 0);
    expect(explanation.deadline).toEqual(mx('2026-02-03T18:00'));
    expect(explanation.steps.map((step) => [step.type, step.date])).toEqual([
      ['skipped', '2026-01-31'],
      ['skipped', '2026-02-01'],
      ['skipped', '2026-02-02'],
      ['counted', '2026-02-03'],
    ]);
  });
});
