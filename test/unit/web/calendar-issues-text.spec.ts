import { type ErrorWords, serverErrorText } from '../../../web/src/i18n/error-text';
import { serverErrorsEn } from '../../../web/src/i18n/server-errors.en';
import { serverErrorsEsMX } from '../../../web/src/i18n/server-errors.es-mx';

// BUSINESS-TIME.md: the engine refuses a calendar it cannot use and lists every issue
// (`extensions.issues`); the web app words them in the UI language, Spanish first, naming the
// weekday and interval, so a manager editing the week knows what to fix.

const words = (server: ErrorWords['server']): ErrorWords => ({
  server,
  roleNames: {},
  actionNames: {},
  states: {},
  categories: {},
});
const ctx = (language: string) => ({ language, formatInstant: (iso: string) => iso });
const refusal = (issues: unknown[]) => ({
  code: 'VALIDATION_FAILED',
  message: 'Invalid calendar: …',
  extensions: { code: 'VALIDATION_FAILED', issues },
});

const BAD_WEEK = [
  {
    code: 'END_NOT_AFTER_START',
    path: 'weekly.1[0]',
    message: 'end 08:00 must be after start 17:00',
  },
  { code: 'OVERLAPPING_INTERVALS', path: 'weekly.6[1]', message: 'overlaps weekly.6[0]' },
  {
    code: 'UNKNOWN_TIME_ZONE',
    path: 'timeZone',
    message: '"America/Atlantis" is not an IANA time zone known to the zone database',
  },
];

describe('calendar refusals in the UI language', () => {
  it('names the weekday and interval in Spanish', () => {
    expect(serverErrorText(refusal(BAD_WEEK), words(serverErrorsEsMX), ctx('es-MX'))).toBe(
      'Lunes, intervalo 1: el fin (08:00) debe ser posterior al inicio (17:00). ' +
        'Sábado, intervalo 2: se traslapa con otro intervalo del mismo día. ' +
        '«America/Atlantis» no es una zona horaria IANA conocida (por ejemplo, America/Mexico_City).',
    );
  });

  it('and in English', () => {
    expect(serverErrorText(refusal(BAD_WEEK.slice(0, 1)), words(serverErrorsEn), ctx('en'))).toBe(
      'Monday, interval 1: the end (08:00) must be after the start (17:00).',
    );
  });

  it("words an override's interval too", () => {
    const issue = {
      code: 'END_NOT_AFTER_START',
      path: 'overrides[3].intervals[0]',
      message: 'end 09:00 must be after start 14:00',
    };
    expect(serverErrorText(refusal([issue]), words(serverErrorsEsMX), ctx('es-MX'))).toBe(
      'Excepción, intervalo 1: el fin (09:00) debe ser posterior al inicio (14:00).',
    );
  });

  it('says which day is already a non-working day when a holiday is entered twice', () => {
    const duplicate = {
      code: 'VALIDATION_FAILED',
      message: '2026-09-16 is already a holiday: Día de la Independencia (MX_LFT_74)',
      extensions: {
        code: 'VALIDATION_FAILED',
        reason: 'DUPLICATE_HOLIDAY',
        date: '2026-09-16',
        issues: [{ code: 'DUPLICATE_HOLIDAY', path: 'holiday.date', message: 'already a holiday' }],
      },
    };
    expect(serverErrorText(duplicate, words(serverErrorsEsMX), ctx('es-MX'))).toBe(
      'El miércoles, 16 de septiembre de 2026 ya es un día inhábil de este calendario.',
    );
    expect(serverErrorText(duplicate, words(serverErrorsEn), ctx('en'))).toBe(
      'Wednesday, September 16, 2026 is already a non-working day in this calendar.',
    );
  });

  it('says which client already has its own calendar', () => {
    const taken = {
      code: 'CONFLICT',
      message: 'Organization Comercializadora Aurora already has a calendar',
      extensions: {
        code: 'CONFLICT',
        reason: 'CALENDAR_TAKEN',
        organization: 'Comercializadora Aurora',
      },
    };
    expect(serverErrorText(taken, words(serverErrorsEsMX), ctx('es-MX'))).toBe(
      'Comercializadora Aurora ya tiene su propio calendario: cámbielo en lugar de crear otro.',
    );
    expect(serverErrorText(taken, words(serverErrorsEn), ctx('en'))).toBe(
      'Comercializadora Aurora already has its own calendar: edit it instead of creating another.',
    );
  });

  it('falls back to the server text when an issue is of a kind it does not word', () => {
    const issues = [
      ...BAD_WEEK,
      { code: 'DUPLICATE_HOLIDAY', path: 'holidays[1].date', message: 'x' },
    ];
    expect(serverErrorText(refusal(issues), words(serverErrorsEsMX), ctx('es-MX'))).toBeUndefined();
  });
});
