import {
  BusinessCalendar,
  businessMillisecondsBetween,
  defaultMexicoCityCalendar,
} from '../../../src/business-time/engine';
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
      e.lines.some((l) => l.startsWith('Se reanudó') && l.endsWith('resta 6 h de tiempo hábil')),
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
  // Then the last span ended at 5:52 p.m., a minute after the deadline line (17:51:36): the time
  // left is the whole minutes from the resume to the deadline as printed (6 h 51 min). QA S62 #12:
  // every time is cut to its minute and every duration is the time between the times its line
  // writes: 9:00 → 10:08 is 1 h 8 min (it read 1 h 9 min to make the target), and the line after
  // the resume says that the seconds left out make up the missing minute.
  it.each([
    [
      'es-MX',
      [
        'Corrió hasta lun, 26 ene 2026, 10:08 a.m.: 1 h 8 min de tiempo hábil usado',
        'En pausa (esperando al cliente) de lun, 26 ene 2026, 10:08 a.m. a lun, 26 ene 2026, 11:00 a.m.: 52 min de tiempo hábil que no cuenta',
        'Tiempo hábil en pausa (del cliente): 52 min',
        'Se reanudó lun, 26 ene 2026, 11:00 a.m.: resta 6 h 51 min de tiempo hábil',
        'Las horas se escriben sin segundos: el tiempo usado y el que resta suman 7 h 59 min; con los segundos suman exactamente el objetivo',
        'Lun, 26 ene 2026, 11:00 a.m.–5:51 p.m.: 6 h 51 min (horario semanal)',
        'Vencimiento: lun, 26 ene 2026, 5:51 p.m. (hora de la Ciudad de México, UTC−6)',
      ],
    ],
    [
      'en',
      [
        'Ran until Mon, Jan 26, 2026, 10:08 AM: 1 h 8 min of business time used',
        'Paused (waiting on the client) from Mon, Jan 26, 2026, 10:08 AM to Mon, Jan 26, 2026, 11:00 AM: 52 min of business time not counted',
        "Business time paused (the client's): 52 min",
        'Resumed Mon, Jan 26, 2026, 11:00 AM: 6 h 51 min of business time left',
        'Times are written without seconds: time used and time left add up to 7 h 59 min; with the seconds they make exactly the target',
        'Mon, Jan 26, 2026, 11:00 AM–5:51 PM: 6 h 51 min (weekly schedule)',
        'Deadline: Mon, Jan 26, 2026, 5:51 PM (Mexico City time, UTC−6)',
      ],
    ],
  ] as const)(
    'a pause off the whole minute in %s: whole minutes between the times written, the seconds left out said, the last span ending on the deadline (QA S60b #11, QA S62 #12, L3-06)',
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
      expect(e.lines.slice(2)).toEqual(expected);
      // The clock itself stays exact: due at 17:51:36, 411.6 minutes after the resume.
      expect(e.deadline?.toISOString()).toBe('2026-01-26T23:51:36.000Z');
      expect(e.pausedBusinessMinutes).toBeCloseTo(51.6, 9);
      for (const line of e.lines) expect(line).not.toMatch(/\d[.,]\d+ min/);
    },
  );

  it('a 24-second pause across a minute reads as its times, 9:59 a.m. to 10:00 a.m.: «1 min»; 59 min run, 7 h left (QA S60b #11, QA S62 #12)', () => {
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
      'Corrió hasta lun, 26 ene 2026, 9:59 a.m.: 59 min de tiempo hábil usado',
      'En pausa (esperando al cliente) de lun, 26 ene 2026, 9:59 a.m. a lun, 26 ene 2026, 10:00 a.m.: 1 min de tiempo hábil que no cuenta',
      'Tiempo hábil en pausa (del cliente): 1 min',
      'Se reanudó lun, 26 ene 2026, 10:00 a.m.: resta 7 h de tiempo hábil',
      'Las horas se escriben sin segundos: el tiempo usado y el que resta suman 7 h 59 min; con los segundos suman exactamente el objetivo',
      'Lun, 26 ene 2026, 10:00 a.m.–5:00 p.m.: 7 h (horario semanal)',
      'Vencimiento: lun, 26 ene 2026, 5:00 p.m. (hora de la Ciudad de México, UTC−6)',
    ]);
    expect(e.deadline?.toISOString()).toBe('2026-01-26T23:00:24.000Z');
  });

  it('a pause within one minute reads «menos de 1 min» (QA S60b #11)', () => {
    const e = explainClock(
      engine,
      'es-MX',
      {
        startedAt: new Date('2026-01-26T15:00:00Z'), // Mon 09:00
        amount: 480,
        unit: 'minutes',
        pauses: [{ from: '2026-01-26T16:00:10Z', to: '2026-01-26T16:00:50Z' }],
      },
      now,
    );
    expect(e.lines).toContain(
      'En pausa (esperando al cliente) de lun, 26 ene 2026, 10:00 a.m. a lun, 26 ene 2026, 10:00 a.m.: menos de 1 min de tiempo hábil que no cuenta',
    );
    expect(e.lines).toContain('Tiempo hábil en pausa (del cliente): menos de 1 min');
  });

  // QA S62 #12: a 3 min 40 s pause read «10:00 a.m. a 10:03 a.m.: 4 min» (rounded) while its times
  // are cut, so the start, the 8 h target and the pause (9:00 + 8 h + 4 min = 5:04 p.m.) did not
  // read as the deadline shown (5:03 p.m.).
  it.each([
    [
      'es-MX',
      [
        'Corrió hasta lun, 26 ene 2026, 10:00 a.m.: 1 h de tiempo hábil usado',
        'En pausa (esperando al cliente) de lun, 26 ene 2026, 10:00 a.m. a lun, 26 ene 2026, 10:03 a.m.: 3 min de tiempo hábil que no cuenta',
        'Tiempo hábil en pausa (del cliente): 3 min',
        'Se reanudó lun, 26 ene 2026, 10:03 a.m.: resta 7 h de tiempo hábil',
        'Lun, 26 ene 2026, 10:03 a.m.–5:03 p.m.: 7 h (horario semanal)',
        'Vencimiento: lun, 26 ene 2026, 5:03 p.m. (hora de la Ciudad de México, UTC−6)',
      ],
    ],
    [
      'en',
      [
        'Ran until Mon, Jan 26, 2026, 10:00 AM: 1 h of business time used',
        'Paused (waiting on the client) from Mon, Jan 26, 2026, 10:00 AM to Mon, Jan 26, 2026, 10:03 AM: 3 min of business time not counted',
        "Business time paused (the client's): 3 min",
        'Resumed Mon, Jan 26, 2026, 10:03 AM: 7 h of business time left',
        'Mon, Jan 26, 2026, 10:03 AM–5:03 PM: 7 h (weekly schedule)',
        'Deadline: Mon, Jan 26, 2026, 5:03 PM (Mexico City time, UTC−6)',
      ],
    ],
  ] as const)(
    'L3-06: a 3 min 40 s pause in %s reads 3 min, as its times say: 9:00 + 8 h + 3 min is the 5:03 deadline shown (QA S62 #12)',
    (locale, expected) => {
      const e = explainClock(
        engine,
        locale,
        {
          startedAt: new Date('2026-01-26T15:00:00Z'), // Mon 09:00
          amount: 480,
          unit: 'minutes',
          pauses: [{ from: '2026-01-26T16:00:10Z', to: '2026-01-26T16:03:50Z' }],
        },
        now,
      );
      expect(e.lines.slice(2)).toEqual(expected);
      // The deadline itself is unchanged: 17:03:40, exactly 3 min 40 s after 17:00.
      expect(e.deadline?.toISOString()).toBe('2026-01-26T23:03:40.000Z');
      expect(e.pausedBusinessMinutes).toBeCloseTo(220 / 60, 9);
    },
  );
  // QA S60b #11 (session 61's leftover): on a paused clock whose times carry seconds, the last span
  // listed could end a minute after the deadline line, the minutes left being the target less the
  // minutes written as used. A reader checks (BUSINESS-TIME.md): the spans add up to the time left,
  // used + left = the target, and the last span ends on the deadline line's minute.
  const LUNCH = { start: '09:00', end: '14:00' };
  const AFTERNOON = { start: '15:00', end: '18:00' };
  const withLunch = new BusinessCalendar({
    timeZone: 'America/Mexico_City',
    weekly: {
      1: [LUNCH, AFTERNOON],
      2: [LUNCH, AFTERNOON],
      3: [LUNCH, AFTERNOON],
      4: [LUNCH, AFTERNOON],
      5: [LUNCH, AFTERNOON],
      6: [],
      7: [],
    },
    holidays: [],
    overrides: [],
  });

  it('L3-06: a pause with seconds, resumed before lunch: the last span ends on the deadline line, the seconds left out said (QA S60b #11, QA S62 #12)', () => {
    const e = explainClock(
      withLunch,
      'es-MX',
      {
        startedAt: new Date('2026-01-26T15:00:00Z'), // Mon 09:00
        amount: 480,
        unit: 'minutes',
        // 68.4 business minutes run (to 10:08:24); resumed 13:20:10; 411.6 minutes left.
        pauses: [{ from: '2026-01-26T16:08:24Z', to: '2026-01-26T19:20:10Z' }],
      },
      now,
    );
    // Due Tue 12:11:46: 39 min 50 s before lunch, 3 h in the afternoon, 3 h 11 min 46 s Tuesday.
    expect(e.deadline?.toISOString()).toBe('2026-01-27T18:11:46.000Z');
    expect(e.lines.slice(2)).toEqual([
      'Corrió hasta lun, 26 ene 2026, 10:08 a.m.: 1 h 8 min de tiempo hábil usado',
      'En pausa (esperando al cliente) de lun, 26 ene 2026, 10:08 a.m. a lun, 26 ene 2026, 1:20 p.m.: 3 h 12 min de tiempo hábil que no cuenta',
      'Tiempo hábil en pausa (del cliente): 3 h 12 min',
      'Se reanudó lun, 26 ene 2026, 1:20 p.m.: resta 6 h 51 min de tiempo hábil',
      'Las horas se escriben sin segundos: el tiempo usado y el que resta suman 7 h 59 min; con los segundos suman exactamente el objetivo',
      'Lun, 26 ene 2026, 1:20 p.m.–2:00 p.m.: 40 min (horario semanal)',
      'Lun, 26 ene 2026, 3:00 p.m.–6:00 p.m.: 3 h (horario semanal)',
      // It read «9:00 a.m.–12:12 p.m.: 3 h 12 min» with 6 h 52 min left, due 12:11 p.m.
      'Mar, 27 ene 2026, 9:00 a.m.–12:11 p.m.: 3 h 11 min (horario semanal)',
      'Vencimiento: mar, 27 ene 2026, 12:11 p.m. (hora de la Ciudad de México, UTC−6)',
    ]);
  });

  it('L3-06: a pause with seconds, resumed Friday afternoon over the weekend: the last span ends on the deadline line (QA S60b #11)', () => {
    const e = explainClock(
      engine,
      'en',
      {
        startedAt: new Date('2026-01-23T21:00:00Z'), // Fri 15:00
        amount: 240,
        unit: 'minutes',
        // 90 min 20 s run (to 16:30:20); resumed 17:10:05; 149 min 40 s left.
        pauses: [{ from: '2026-01-23T22:30:20Z', to: '2026-01-23T23:10:05Z' }],
      },
      now,
    );
    // Due Mon 10:39:45: 49 min 55 s on Friday, the weekend, 1 h 39 min 45 s on Monday.
    expect(e.deadline?.toISOString()).toBe('2026-01-26T16:39:45.000Z');
    expect(e.lines.slice(2)).toEqual([
      'Ran until Fri, Jan 23, 2026, 4:30 PM: 1 h 30 min of business time used',
      'Paused (waiting on the client) from Fri, Jan 23, 2026, 4:30 PM to Fri, Jan 23, 2026, 5:10 PM: 40 min of business time not counted',
      "Business time paused (the client's): 40 min",
      'Resumed Fri, Jan 23, 2026, 5:10 PM: 2 h 29 min of business time left',
      'Times are written without seconds: time used and time left add up to 3 h 59 min; with the seconds they make exactly the target',
      'Fri, Jan 23, 2026, 5:10 PM–6:00 PM: 50 min (weekly schedule)',
      'Sat, Jan 24, 2026: no working hours (weekend)',
      'Sun, Jan 25, 2026: no working hours (weekend)',
      // It read «9:00 AM–10:40 AM: 1 h 40 min» with 2 h 30 min left, due 10:39 AM.
      'Mon, Jan 26, 2026, 9:00 AM–10:39 AM: 1 h 39 min (weekly schedule)',
      'Deadline: Mon, Jan 26, 2026, 10:39 AM (Mexico City time, UTC−6)',
    ]);
  });

  // QA S62 #1 (L3-06, BUSINESS-TIME.md): less than a minute left at a closing ends there, so the
  // explanation's last span and its deadline line end on the same minute as the clock.
  it('L3-06: registered Mon 10:00:56, 8 h: one span to 6:00 p.m. and due 6:00 p.m. the same day, not Tue 9:00 a.m. (QA S62 #1)', () => {
    const startedAt = '2026-12-07T16:00:56.000Z'; // Mon 10:00:56
    const e = explainClock(
      engine,
      'es-MX',
      { startedAt: new Date(startedAt), amount: 480, unit: 'minutes', pauses: [] },
      now,
    );
    const computed = computeClock(engine, 1, {
      calendarId: 'mx',
      startedAt,
      amount: 480,
      unit: 'minutes',
      pauses: [],
      atRiskFraction: 0.75,
    });
    expect(computed.deadline).toBe('2026-12-08T00:00:00.000Z'); // Mon 18:00 local
    expect(e.deadline?.toISOString()).toBe(computed.deadline);
    expect(e.lines.slice(2)).toEqual([
      'Lun, 7 dic 2026, 10:00 a.m.–6:00 p.m.: 8 h (horario semanal)',
      'Vencimiento: lun, 7 dic 2026, 6:00 p.m. (hora de la Ciudad de México, UTC−6) — total 8 h',
    ]);
  });

  it('L3-06: resumed with 20 s more left than fit before lunch: due at 2:00 p.m., where the last span ends, not 3:00:20 p.m. (QA S62 #1)', () => {
    const clock = {
      startedAt: '2026-01-26T15:00:00.000Z', // Mon 09:00
      amount: 240,
      unit: 'minutes',
      // 1 h 15 min 20 s run (to 10:15:20), resumed 11:15:40: 2 h 44 min 40 s left, 2 h 44 min 20 s
      // of them before the 14:00 closing.
      pauses: [{ from: '2026-01-26T16:15:20.000Z', to: '2026-01-26T17:15:40.000Z' }],
    } as const;
    const e = explainClock(
      withLunch,
      'es-MX',
      { ...clock, startedAt: new Date(clock.startedAt) },
      now,
    );
    const computed = computeClock(withLunch, 1, {
      ...clock,
      pauses: [...clock.pauses],
      calendarId: 'lunch',
      atRiskFraction: 0.75,
    });
    expect(computed.deadline).toBe('2026-01-26T20:00:00.000Z'); // Mon 14:00 local
    expect(e.deadline?.toISOString()).toBe(computed.deadline);
    expect(e.lines.slice(-3)).toEqual([
      'Se reanudó lun, 26 ene 2026, 11:15 a.m.: resta 2 h 45 min de tiempo hábil',
      'Lun, 26 ene 2026, 11:15 a.m.–2:00 p.m.: 2 h 45 min (horario semanal)',
      'Vencimiento: lun, 26 ene 2026, 2:00 p.m. (hora de la Ciudad de México, UTC−6)',
    ]);
  });

  /** «3 h 11 min», «40 min», «3 h», «menos de 1 min» (0) in minutes. */
  const minutesIn = (text: string): number => {
    const m = /(?:(\d+) h)?\s*(?:(\d+) min)?/.exec(text.trim())!;
    return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  };
  const TIME = String.raw`\d{1,2}:\d\d [ap]\.m\.`;

  it.each([
    ['a lunch break', withLunch],
    ['a weekend', engine],
  ] as const)(
    'over %s, whatever the seconds of the start, the pause and the resume: each duration is the time between the times written, start + run + paused + left = the deadline shown, spans = left, and used + left is the target or the seconds are said (QA S60b #11, QA S62 #12)',
    (_, calendar) => {
      const cut = (iso: string) => new Date(`${iso.slice(0, 16)}:00Z`);
      const shown = (a: Date, b: Date) => businessMillisecondsBetween(calendar, a, b) / 60_000;
      for (let startedSecond = 0; startedSecond < 60; startedSecond += 29) {
        for (let pausedAt = 0; pausedAt < 60; pausedAt += 11) {
          for (let resumedAt = 0; resumedAt < 60; resumedAt += 7) {
            const second = (s: number) => String(s).padStart(2, '0');
            // Fri 09:00:ss, 8 h; paused 11:17:ss, resumed 13:41:ss: due the next business day.
            const startedAt = new Date(`2026-01-23T15:00:${second(startedSecond)}Z`);
            const pauses = [
              {
                from: `2026-01-23T17:17:${second(pausedAt)}Z`,
                to: `2026-01-23T19:41:${second(resumedAt)}Z`,
              },
            ];
            const e = explainClock(
              calendar,
              'es-MX',
              { startedAt, amount: 480, unit: 'minutes', pauses },
              now,
            );
            const used = e.lines.find((l) => l.startsWith('Corrió hasta'))!;
            const paused = e.lines.find((l) => l.startsWith('En pausa'))!;
            const left = e.lines.find((l) => l.startsWith('Se reanudó'))!;
            const usedMinutes = minutesIn(/: (.+) de tiempo hábil usado$/.exec(used)![1]);
            const pausedMinutes = minutesIn(
              /: (.+) de tiempo hábil que no cuenta$/.exec(paused)![1],
            );
            const leftMinutes = minutesIn(/resta (.+) de tiempo hábil$/.exec(left)![1]);
            const [start, from, to, due] = [
              startedAt.toISOString(),
              pauses[0].from,
              pauses[0].to,
              e.deadline!.toISOString(),
            ].map(cut);
            expect(usedMinutes).toBe(shown(start, from));
            expect(pausedMinutes).toBe(shown(from, to));
            expect(leftMinutes).toBe(shown(to, due));
            expect(usedMinutes + pausedMinutes + leftMinutes).toBe(shown(start, due));
            const note = e.lines.find((l) => l.startsWith('Las horas se escriben sin segundos'));
            if (usedMinutes + leftMinutes === 480) expect(note).toBeUndefined();
            else {
              expect(Math.abs(usedMinutes + leftMinutes - 480)).toBe(1);
              expect(minutesIn(/ suman (.+); con los segundos/.exec(note!)![1])).toBe(
                usedMinutes + leftMinutes,
              );
            }
            const spans = e.lines.filter((l) => new RegExp(`${TIME}–${TIME}: `).test(l));
            expect(
              spans.reduce(
                (sum, l) => sum + minutesIn(new RegExp(`–${TIME}: (.+) \\(`).exec(l)![1]),
                0,
              ),
            ).toBe(leftMinutes);
            const [, lastDay, lastEnd] = new RegExp(`^(.+), ${TIME}–(${TIME}):`).exec(
              spans.at(-1)!,
            )!;
            const [, dueDay, dueAt] = new RegExp(`^Vencimiento: (.+), (${TIME}) \\(`).exec(
              e.lines.at(-1)!,
            )!;
            expect(`${lastDay.toLowerCase()} ${lastEnd}`).toBe(`${dueDay.toLowerCase()} ${dueAt}`);
          }
        }
      }
    },
  );
});
