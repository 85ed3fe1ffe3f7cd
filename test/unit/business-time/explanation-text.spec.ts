import {
  type CalendarDefinition,
  defaultMexicoCityCalendar,
  explainAddBusinessDays,
  explainAddBusinessHours,
} from '../../../src/business-time/engine';
import {
  explainDaysText,
  explainMinutesText,
} from '../../../src/business-time/calendars/explanation-text';

// L3-06 «¿Por qué esta fecha?» (clients read it, QA): a holiday by its name and its kind in words
// (never «MX_LFT_74» or «(CLIENT)»), every line starting upper case, one date format throughout
// (the web app's medium date, 24-hour time, the weekday in front).

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
    expect(explainMinutesText('es-MX', e, false)).toEqual([
      'Inicio: sáb, 31 ene 2026, 10:00 (hora de la Ciudad de México, UTC−6)',
      'El reloj empieza a contar: mar, 3 feb 2026, 09:00',
      'Sáb, 31 ene 2026: sin horario laboral (fin de semana)',
      'Dom, 1 feb 2026: sin horario laboral (fin de semana)',
      'Lun, 2 feb 2026: Día de la Constitución, descanso obligatorio (LFT)',
      'Mar, 3 feb 2026, 09:00–18:00: 9 h (horario semanal)',
      'Mié, 4 feb 2026: Aniversario de la empresa, feriado del cliente',
      'Jue, 5 feb 2026, 09:00–16:00: 7 h (horario semanal)',
      'Vencimiento: jue, 5 feb 2026, 16:00 (hora de la Ciudad de México, UTC−6) — total 16 h',
    ]);
  });

  it('business days in English: the same format for dates and instants, kinds in words', () => {
    const e = explainAddBusinessDays(calendar, mx('2025-12-22T10:00'), 5);
    const lines = explainDaysText('en', e, false);
    expect(lines).toContain(
      'Thu, Dec 25, 2025: Christmas Day, mandatory rest day (Federal Labor Law)',
    );
    // QA: the zone in words with its offset, never its IANA code.
    expect(lines[0]).toBe('Start: Mon, Dec 22, 2025, 10:00 (Mexico City time, UTC−6)');
    expect(lines.at(-1)).toBe('Deadline: Tue, Dec 30, 2025, 18:00 (Mexico City time, UTC−6)');
    for (const line of lines) {
      expect(line).not.toMatch(/MX_LFT_74|CLIENT|\d{4}-\d{2}-\d{2}|America\//);
      expect(line.charAt(0)).toBe(line.charAt(0).toUpperCase());
    }
  });
});
