import { BusinessCalendar, defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import { computeClock } from '../../../src/tickets/clock-computation';
import { explainClock } from '../../../src/tickets/clock-explanation';

// "Why this date?" for a ticket's clock (BUSINESS-TIME.md; L3-06 triage, L3-09 scheduling):
// the explanation walks the same calendar and lands on the deadline the clock computes.

const engine = new BusinessCalendar(defaultMexicoCityCalendar(2025, 2028));
const now = new Date('2026-02-10T00:00:00Z');

describe('explainClock (BUSINESS-TIME.md, L3-06, L3-09)', () => {
  it('L3-06: registered Saturday noon, 8 business hours: weekend skipped, counting starts Monday 09:00, due 17:00', () => {
    const e = explainClock(
      engine,
      'es-MX',
      { startedAt: new Date('2026-05-02T18:00:00Z'), amount: 480, unit: 'minutes', pauses: [] },
      now,
    );
    expect(e.clockStart?.toISOString()).toBe('2026-05-04T15:00:00.000Z');
    expect(e.deadline?.toISOString()).toBe('2026-05-04T23:00:00.000Z');
    expect(e.pausedBusinessMinutes).toBe(0);
    expect(e.lines[0]).toBe('Objetivo: 8 horas hábiles');
    expect(e.lines.filter((l) => l.includes('fin de semana'))).toHaveLength(2);
    expect(e.lines).toContain('Lun, 4 may 2026, 9:00 a.m.–5:00 p.m.: 8 h (horario semanal)');
    // The last line is the deadline in the calendar's time and zone, with no UTC instant.
    // The zone in words with its offset, never its IANA code (QA).
    expect(e.lines[e.lines.length - 1]).toMatch(
      /5:00 p\.m\. \(hora de la Ciudad de México, UTC−6\) — total 8 h$/,
    );
    expect(e.lines.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('names the holiday it skips, in English too', () => {
    const e = explainClock(
      engine,
      'en',
      { startedAt: new Date('2026-01-30T23:30:00Z'), amount: 480, unit: 'minutes', pauses: [] },
      now,
    );
    expect(e.lines[0]).toBe('Target: 8 business hours');
    // By its name and kind in words, not the source's code (QA).
    expect(e.lines).toContain(
      'Mon, Feb 2, 2026: Constitution Day, mandatory rest day (Federal Labor Law)',
    );
    expect(e.deadline?.toISOString()).toBe('2026-02-03T22:30:00.000Z');
  });

  it('L3-09: a days clock counts business dates after the start date', () => {
    const e = explainClock(
      engine,
      'es-MX',
      { startedAt: new Date('2025-12-22T16:00:00Z'), amount: 5, unit: 'days', pauses: [] },
      now,
    );
    expect(e.lines[0]).toBe('Objetivo: 5 días hábiles');
    expect(e.lines.some((l) => l.includes('Navidad') || l.includes('día festivo'))).toBe(true);
    expect(e.deadline?.toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });

  it('a paused and resumed clock: says how much business time was paused and ends on the computed deadline', () => {
    const pauses = [{ from: '2026-01-26T17:00:00.000Z', to: '2026-01-27T17:30:00.000Z' }];
    const startedAt = '2026-01-26T15:00:00.000Z'; // Mon 09:00 local
    const e = explainClock(
      engine,
      'es-MX',
      { startedAt: new Date(startedAt), amount: 480, unit: 'minutes', pauses },
      now,
    );
    const computed = computeClock(engine, 1, {
      calendarId: 'mx',
      startedAt,
      amount: 480,
      unit: 'minutes',
      pauses,
      atRiskFraction: 0.75,
    });
    expect(e.deadline?.toISOString()).toBe(computed.deadline);
    // Mon 11:00 → Tue 11:30: 7 h Monday + 2 h 30 Tuesday of business time waiting on the client.
    expect(e.pausedBusinessMinutes).toBe(570);
    expect(e.lines).toContain('Tiempo hábil en pausa (del cliente): 9 h 30 min');
    expect(
      e.lines.some((l) => l.startsWith('Se reanudó') && l.endsWith('quedan 6 h hábiles')),
    ).toBe(true);
  });

  it('a clock still paused has no deadline and counts the pause up to now', () => {
    const e = explainClock(
      engine,
      'en',
      {
        startedAt: new Date('2026-02-09T15:00:00Z'),
        amount: 480,
        unit: 'minutes',
        pauses: [{ from: '2026-02-09T16:00:00Z', to: null }],
      },
      new Date('2026-02-09T18:00:00Z'),
    );
    expect(e.deadline).toBeNull();
    expect(e.pausedBusinessMinutes).toBe(120);
    expect(e.lines.some((l) => l.startsWith('Paused (waiting on the client) since'))).toBe(true);
  });

  it('a paused clock names its zone in words, never its IANA code (QA S16, L3-06)', () => {
    // QA S16: the client's «¿Por qué esta fecha?» of a paused clock read
    // «Inicio: dom, 29 nov 2026, 15:33 (America/Mexico_City)», unlike the running one.
    const pauses = [{ from: '2026-01-26T17:00:00.000Z', to: '2026-01-27T17:30:00.000Z' }];
    const clock = {
      startedAt: new Date('2026-01-26T15:00:00Z'),
      amount: 480,
      unit: 'minutes' as const,
    };
    const resumed = explainClock(engine, 'es-MX', { ...clock, pauses }, now);
    expect(resumed.lines[1]).toBe(
      'Inicio: lun, 26 ene 2026, 9:00 a.m. (hora de la Ciudad de México, UTC−6)',
    );
    // Tue 11:30 + the 6 h left: the deadline line the engine's walk writes too, in either language.
    expect(resumed.lines.at(-1)).toBe(
      'Vencimiento: mar, 27 ene 2026, 5:30 p.m. (hora de la Ciudad de México, UTC−6)',
    );
    expect(explainClock(engine, 'en', { ...clock, pauses }, now).lines.at(-1)).toBe(
      'Deadline: Tue, Jan 27, 2026, 5:30 PM (Mexico City time, UTC−6)',
    );
    const open = explainClock(
      engine,
      'en',
      { ...clock, pauses: [{ from: '2026-01-26T17:00:00Z', to: null }] },
      now,
    );
    expect(open.lines[1]).toBe('Start: Mon, Jan 26, 2026, 9:00 AM (Mexico City time, UTC−6)');
    for (const line of [...resumed.lines, ...open.lines]) expect(line).not.toMatch(/America\//);
  });

  // QA S60b #11: a pause off the whole minute read «Corrió hasta …: 1 h 8.4 min hábiles usados».
  it.each([
    [
      'es-MX',
      [
        'Corrió hasta lun, 26 ene 2026, 10:08 a.m.: 1 h 8 min hábiles usados',
        'En pausa (esperando al cliente) de lun, 26 ene 2026, 10:08 a.m. a lun, 26 ene 2026, 11:00 a.m.: 52 min hábiles que no cuentan',
        'Tiempo hábil en pausa (del cliente): 52 min',
        'Se reanudó lun, 26 ene 2026, 11:00 a.m.: quedan 6 h 52 min hábiles',
        'Lun, 26 ene 2026, 11:00 a.m.–5:52 p.m.: 6 h 52 min (horario semanal)',
      ],
    ],
    [
      'en',
      [
        'Ran until Mon, Jan 26, 2026, 10:08 AM: 1 h 8 min of business time used',
        'Paused (waiting on the client) from Mon, Jan 26, 2026, 10:08 AM to Mon, Jan 26, 2026, 11:00 AM: 52 min of business time not counted',
        "Business time paused (the client's): 52 min",
        'Resumed Mon, Jan 26, 2026, 11:00 AM: 6 h 52 min of business time left',
        'Mon, Jan 26, 2026, 11:00 AM–5:52 PM: 6 h 52 min (weekly schedule)',
      ],
    ],
  ] as const)(
    'a pause off the whole minute in %s: whole minutes, used + left = the 8 h target (QA S60b #11, L3-06)',
    (locale, expected) => {
      const e = explainClock(
        engine,
        locale,
        {
          startedAt: new Date('2026-01-26T15:00:00Z'), // Mon 09:00
          amount: 480,
          unit: 'minutes',
          // 68.4 business minutes run, then 51.6 paused; 411.6 left.
          pauses: [{ from: '2026-01-26T16:08:24Z', to: '2026-01-26T17:00:00Z' }],
        },
        now,
      );
      expect(e.lines.slice(2, 7)).toEqual(expected);
      // The clock itself stays exact: due at 17:51:36, 411.6 minutes after the resume.
      expect(e.deadline?.toISOString()).toBe('2026-01-26T23:51:36.000Z');
      expect(e.pausedBusinessMinutes).toBeCloseTo(51.6, 9);
      for (const line of e.lines) expect(line).not.toMatch(/\d[.,]\d+ min/);
    },
  );

  it('a 24-second pause reads «menos de 1 min»; 59.6 minutes run read «1 h», 7 h left (QA S60b #11)', () => {
    const e = explainClock(
      engine,
      'es-MX',
      {
        startedAt: new Date('2026-01-26T15:00:00Z'), // Mon 09:00
        amount: 480,
        unit: 'minutes',
        // 59.6 business minutes run, 0.4 paused, 420.4 left: due Mon 17:00:24.
        pauses: [{ from: '2026-01-26T15:59:36Z', to: '2026-01-26T16:00:00Z' }],
      },
      now,
    );
    expect(e.lines.slice(2)).toEqual([
      'Corrió hasta lun, 26 ene 2026, 9:59 a.m.: 1 h hábiles usados',
      'En pausa (esperando al cliente) de lun, 26 ene 2026, 9:59 a.m. a lun, 26 ene 2026, 10:00 a.m.: menos de 1 min hábiles que no cuentan',
      'Tiempo hábil en pausa (del cliente): menos de 1 min',
      'Se reanudó lun, 26 ene 2026, 10:00 a.m.: quedan 7 h hábiles',
      'Lun, 26 ene 2026, 10:00 a.m.–5:00 p.m.: 7 h (horario semanal)',
      'Vencimiento: lun, 26 ene 2026, 5:00 p.m. (hora de la Ciudad de México, UTC−6)',
    ]);
    expect(e.deadline?.toISOString()).toBe('2026-01-26T23:00:24.000Z');
  });
});
