import {
  type CalendarDefinition,
  defaultMexicoCityCalendar,
  explainAddBusinessDays,
  explainAddBusinessHours,
  explainAddBusinessMinutes,
} from '../../../src/business-time/engine';
import {
  explainDaysText,
  explainMinutesText,
  localFormat,
  minutesText,
  partsText,
  partsTotalText,
  wallTimeText,
} from '../../../src/business-time/calendars/explanation-text';

// L3-06 «¿Por qué esta fecha?» (clients read it, QA): a holiday by its name and its kind in words
// (never «MX_LFT_74» or «(CLIENT)»), every line starting upper case, one date format throughout
// (the web app's medium date and short time, the weekday in front). QA S16: the times were
// 24-hour («15:32») while the page around them reads «3:32 p.m.» / «3:32 PM».

const mx = (local: string): Date => new Date(`${local}:00-06:00`);
const base = defaultMexicoCityCalendar(2025, 2026);
const calendar: CalendarDefinition = {
  ...base,
  holidays: [
    ...base.holidays,
    { date: '2026-02-04', name: 'Aniversario de la empresa', source: 'CLIENT' },
  ],
};

describe('explanation text for clients (L3-06)', () => {
  it('hours over a weekend, an art. 74 rest day and a client holiday, in Spanish', () => {
    const e = explainAddBusinessHours(calendar, mx('2026-01-31T10:00'), 16);
    expect(explainMinutesText('es-MX', e)).toEqual([
      'Inicio: sáb, 31 ene 2026, 10:00 a.m. (hora de la Ciudad de México, UTC−6)',
      'El reloj empieza a contar: mar, 3 feb 2026, 9:00 a.m.',
      'Sáb, 31 ene 2026: sin horario laboral (fin de semana)',
      'Dom, 1 feb 2026: sin horario laboral (fin de semana)',
      'Lun, 2 feb 2026: Día de la Constitución, descanso obligatorio (LFT)',
      'Mar, 3 feb 2026, 9:00 a.m.–6:00 p.m.: 9 h (horario semanal)',
      'Mié, 4 feb 2026: Aniversario de la empresa, festivo del cliente',
      'Jue, 5 feb 2026, 9:00 a.m.–4:00 p.m.: 7 h (horario semanal)',
      'Vencimiento: jue, 5 feb 2026, 4:00 p.m. (hora de la Ciudad de México, UTC−6) — total 16 h',
    ]);
  });

  it('business days in English: the same format for dates and instants, kinds in words', () => {
    const e = explainAddBusinessDays(calendar, mx('2025-12-22T10:00'), 5);
    const lines = explainDaysText('en', e);
    expect(lines).toContain(
      'Thu, Dec 25, 2025: Christmas Day, mandatory rest day (Federal Labor Law)',
    );
    // QA: the zone in words with its offset, never its IANA code.
    expect(lines[0]).toBe('Start: Mon, Dec 22, 2025, 10:00 AM (Mexico City time, UTC−6)');
    expect(lines.at(-1)).toBe('Deadline: Tue, Dec 30, 2025, 6:00 PM (Mexico City time, UTC−6)');
    for (const line of lines) {
      expect(line).not.toMatch(/MX_LFT_74|CLIENT|\d{4}-\d{2}-\d{2}|America\//);
      expect(line.charAt(0)).toBe(line.charAt(0).toUpperCase());
    }
  });

  // QA S20: the deadline calculator's last line ended «= 2026-12-14T21:30:00.000Z — total 8 h».
  it.each([
    [
      'es-MX',
      'Vencimiento: lun, 14 dic 2026, 3:30 p.m. (hora de la Ciudad de México, UTC−6) — total 8 h',
      'Vencimiento: lun, 14 dic 2026, 6:00 p.m. (hora de la Ciudad de México, UTC−6)',
    ],
    [
      'en',
      'Deadline: Mon, Dec 14, 2026, 3:30 PM (Mexico City time, UTC−6) — total 8 h',
      'Deadline: Mon, Dec 14, 2026, 6:00 PM (Mexico City time, UTC−6)',
    ],
  ] as const)(
    'the deadline in %s ends the explanation in words, no UTC instant',
    (locale, hours, days) => {
      const from = mx('2026-12-11T16:30');
      const e = explainAddBusinessHours(calendar, from, 8);
      expect(e.deadline.toISOString()).toBe('2026-12-14T21:30:00.000Z');
      expect(explainMinutesText(locale, e).at(-1)).toBe(hours);
      expect(explainDaysText(locale, explainAddBusinessDays(calendar, from, 1)).at(-1)).toBe(days);
    },
  );

  it('the days walk in English: closing times in the 12-hour clock', () => {
    const e = explainAddBusinessDays(calendar, mx('2025-12-22T10:00'), 5);
    expect(explainDaysText('en', e)).toContain(
      'Tue, Dec 23, 2025: business day 1, closing 6:00 PM (weekly schedule)',
    );
  });

  // QA S16: «¿Por qué esta fecha?» wrote «15:32» where the page around it wrote «3:32 p.m.».
  it.each([
    ['es-MX', '3:32 p.m.'],
    ['en', '3:32 PM'],
  ] as const)('an instant in %s reads the time as the web page does', (locale, time) => {
    const at = new Date('2026-02-03T21:32:00Z');
    const text = localFormat(locale, 'America/Mexico_City')(at);
    expect(text.endsWith(`, ${time}`)).toBe(true);
    // The page's own format (web/src/i18n/format.ts formatInstant: medium date, short time).
    const page = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/Mexico_City',
    });
    expect(page.format(at)).toMatch(new RegExp(`, ${time.replace(/\./g, '\\.')}$`));
    expect(text).not.toMatch(/15:32/);
  });

  // QA F4: seconds were kept («12:22:37 p.m.–1:22:37 p.m.») between a start and a deadline
  // written in minutes; one precision now, minutes, dropped as the start and deadline lines do.
  it('wall times of the engine in both clocks: the day end is midnight, minutes only', () => {
    expect(wallTimeText('es-MX', '09:00')).toBe('9:00 a.m.');
    expect(wallTimeText('es-MX', '18:00')).toBe('6:00 p.m.');
    expect(wallTimeText('en', '24:00')).toBe('12:00 AM');
    expect(wallTimeText('es-MX', '24:00')).toBe('12:00 a.m.');
    expect(wallTimeText('en', '13:05:30')).toBe('1:05 PM');
    expect(wallTimeText('es-MX', '23:59:59')).toBe('11:59 p.m.');
  });

  it('hours from an instant with seconds: every line of the walk in minutes (QA F4)', () => {
    const from = new Date('2026-11-30T18:22:37Z');
    const lines = explainMinutesText('es-MX', explainAddBusinessHours(calendar, from, 1));
    expect(lines).toEqual([
      'Inicio: lun, 30 nov 2026, 12:22 p.m. (hora de la Ciudad de México, UTC−6)',
      'Lun, 30 nov 2026, 12:22 p.m.–1:22 p.m.: 1 h (horario semanal)',
      'Vencimiento: lun, 30 nov 2026, 1:22 p.m. (hora de la Ciudad de México, UTC−6) — total 1 h',
    ]);
  });

  // QA S60b #11: «¿Por qué esta fecha?» read «1 h 8.4 min». Whole minutes, to the nearest one;
  // some time that rounds to nothing is not «0 min».
  it.each([
    ['es-MX', 68.4, '1 h 8 min'],
    ['es-MX', 59.6, '1 h'],
    ['es-MX', 0.4, 'menos de 1 min'],
    ['es-MX', 0, '0 min'],
    ['es-MX', 150, '2 h 30 min'],
    ['en', 68.4, '1 h 8 min'],
    ['en', 59.6, '1 h'],
    ['en', 0.4, 'less than 1 min'],
    ['en', 0.6, '1 min'],
  ] as const)('business time in %s: %d min reads «%s» (QA S60b #11)', (locale, minutes, text) => {
    expect(minutesText(locale, minutes)).toBe(text);
  });

  it.each([
    ['es-MX', [68.4, 411.6], ['1 h 8 min', '6 h 52 min'], '8 h'],
    ['es-MX', [59.6, 0.4], ['1 h', 'menos de 1 min'], '1 h'],
    ['en', [0.4, 0.4, 0.4], ['less than 1 min', '1 min', 'less than 1 min'], '1 min'],
    ['en', [30.5, 29.5], ['31 min', '29 min'], '1 h'],
  ] as const)(
    'parts in %s still add up to their total once in whole minutes (QA S60b #11)',
    (locale, parts, texts, total) => {
      // Each part rounded alone would read 31 + 30 min = «1 h» for [30.5, 29.5], or 0 + 0 + 0 min
      // for three 24-second pauses totalling «1 min».
      expect(partsText(locale, parts)).toEqual(texts);
      expect(partsTotalText(locale, parts)).toBe(total);
    },
  );

  it.each([
    [
      'es-MX',
      [
        'Lun, 30 nov 2026, 5:22 p.m.–6:00 p.m.: 38 min (horario semanal)',
        'Mar, 1 dic 2026, 9:00 a.m.–9:22 a.m.: 22 min (horario semanal)',
      ],
      / — total 1 h$/,
    ],
    [
      'en',
      [
        'Mon, Nov 30, 2026, 5:22 PM–6:00 PM: 38 min (weekly schedule)',
        'Tue, Dec 1, 2026, 9:00 AM–9:22 AM: 22 min (weekly schedule)',
      ],
      / — total 1 h$/,
    ],
  ] as const)(
    'a walk from an instant with seconds in %s: each span the whole minutes between its printed times, adding up to the total (QA S60b #11)',
    (locale, spans, total) => {
      // Mon 17:22:37: 37 min 23 s on Monday, 22 min 37 s on Tuesday; they read «37.38 min» and
      // «22.62 min».
      const from = new Date('2026-11-30T23:22:37Z');
      const lines = explainMinutesText(locale, explainAddBusinessHours(calendar, from, 1));
      expect(lines.slice(1, 3)).toEqual(spans);
      expect(lines.at(-1)).toMatch(total);
    },
  );

  it('the spans of any walk add up to its total, whatever second it starts on (QA S60b #11)', () => {
    const minutesOf = (line: string): number => {
      const m = /: (?:(\d+) h)? ?(?:(\d+) min)? \(/.exec(line);
      return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : 0;
    };
    for (const second of [0, 1, 24, 30, 36, 59]) {
      for (const minutes of [1, 59, 61, 68, 600]) {
        const from = new Date(Date.UTC(2026, 10, 30, 23, 59, second, 400));
        const e = explainAddBusinessMinutes(calendar, from, minutes);
        const lines = explainMinutesText('es-MX', e);
        const spans = lines.filter((l) => /[ap]\.m\.–/.test(l));
        expect(spans.reduce((sum, l) => sum + minutesOf(l), 0)).toBe(minutes);
        for (const line of lines) expect(line).not.toMatch(/\d[.,]\d+ min/);
      }
    }
  });
});
