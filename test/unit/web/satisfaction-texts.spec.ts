import { RATING_ANCHOR as SERVER_ANCHOR } from '../../../src/satisfaction/satisfaction-rules';
import { RATING_ANCHOR } from '../../../web/src/api/satisfaction';
import { type ErrorWords, serverErrorText } from '../../../web/src/i18n/error-text';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { formatPercent } from '../../../web/src/i18n/percent';

// Customer satisfaction in the web app: the closure email's link lands on the rating section,
// and a change refused after the 14-day window is worded in the UI language with its end date.

const words = (t: typeof esMX): ErrorWords => ({
  server: t.serverErrors,
  roleNames: t.users.roleNames,
  actionNames: t.tickets.actionNames,
  states: t.tickets.states,
  categories: t.tickets.categories,
});
const ctx = (language: string) => ({
  language,
  formatInstant: (iso: string) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/Mexico_City',
    }).format(new Date(iso)),
});
const refusal = {
  code: 'INVALID_TRANSITION',
  message: 'The rating of ticket L3-2026-000123 can no longer be changed',
  extensions: {
    code: 'INVALID_TRANSITION',
    reason: 'RATING_WINDOW_CLOSED',
    windowDays: 14,
    ratedAt: '2026-11-01T18:00:00.000Z',
    changeableUntil: '2026-11-15T18:00:00.000Z',
  },
};

describe('satisfaction in the web app', () => {
  // L3-11 (QA S17): the board's card said «por mes de la primera calificación, UTC», but the API
  // groups a rating by the month of its first rating and the response rate by the month of closure,
  // both in the zone of the ticket's calendar (satisfaction.service.ts, localMonthSql).
  it("the board card's intro says how the months are counted, in the calendar's zone", () => {
    expect(esMX.satisfaction.cardIntro(6)).toBe(
      'Calificaciones de los clientes en los últimos 6 meses: cada una cuenta en el mes en que se dio por primera vez, en la zona horaria del calendario de su cliente, con su valor más reciente. Satisfechos: 4 o 5. La tasa de respuesta cuenta los tickets cerrados en esos meses, por mes de cierre en la misma zona.',
    );
    expect(en.satisfaction.cardIntro(6)).toBe(
      'Clients’ ratings over the last 6 months: each counts in the month it was first given, in the time zone of its client’s calendar, with its latest score. Satisfied: 4 or 5. The response rate counts the tickets closed in those months, by month of closure in the same zone.',
    );
    for (const t of [esMX, en]) expect(t.satisfaction.cardIntro(6)).not.toMatch(/UTC/);
  });

  it('the rating section has the id the closure email links to', () => {
    expect(RATING_ANCHOR).toBe(SERVER_ANCHOR);
  });

  it('words a change after the window in Spanish and English, with the end in the user zone', () => {
    expect(serverErrorText(refusal, words(esMX), ctx('es-MX'))).toBe(
      'El plazo de 14 días para cambiar la calificación terminó el 15 nov 2026, 12:00 p.m.; ya no se puede cambiar.',
    );
    expect(serverErrorText(refusal, words(en), ctx('en'))).toBe(
      'The rating can no longer be changed: the 14 days ended on Nov 15, 2026, 12:00 PM.',
    );
  });

  it('names the rating in a wrong-state refusal', () => {
    const wrongState = {
      code: 'INVALID_TRANSITION',
      message: 'only a CLOSED ticket is rated',
      extensions: { reason: 'WRONG_STATE', action: 'rateTicket', state: 'CANCELLED' },
    };
    expect(serverErrorText(wrongState, words(esMX), ctx('es-MX'))).toBe(
      `«Calificar la atención» no es posible con el ticket en estado «${esMX.tickets.states.CANCELLED}».`,
    );
  });

  it('words the response rate (L3-11) in Spanish and English', () => {
    expect(esMX.satisfaction.responseRate(12, 40, formatPercent(30, 'es-MX'))).toBe(
      'Tasa de respuesta: 12 de 40 (30 %)',
    );
    expect(en.satisfaction.responseRate(12, 40, formatPercent(30, 'en'))).toBe(
      'Response rate: 12 of 40 (30%)',
    );
    expect(esMX.satisfaction.responseOf(1, 6, formatPercent(16.7, 'es-MX'))).toBe(
      '1 de 6 (16.7 %)',
    );
  });
});
