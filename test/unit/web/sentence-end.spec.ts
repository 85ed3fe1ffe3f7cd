import { satisfactionEn } from '../../../web/src/i18n/satisfaction.en';
import { satisfactionEsMX } from '../../../web/src/i18n/satisfaction.es-mx';
import { serverErrorsEn } from '../../../web/src/i18n/server-errors.en';
import { endSentence } from '../../../web/src/i18n/sentence';

// L3-11: sentences that end in a formatted date end with one period, also when the date itself
// ends with one (es-MX writes «5:47 p.m.»): «… 5:47 p.m.», never «… 5:47 p.m..».

const ZONE = 'America/Mexico_City';
const EVENING = '2026-11-28T23:47:00Z'; // 17:47 in Mexico City
const MORNING = '2026-11-28T15:05:00Z'; // 09:05
/** As the app formats an instant (`web/src/i18n/format.ts` formatInstant). */
const formatInstant = (iso: string, language: string, timeZone: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );

describe('a sentence ends with one period (L3-11)', () => {
  it('adds a period only when the text has none', () => {
    expect(endSentence('Listo')).toBe('Listo.');
    expect(endSentence('a las 5:47 p.m.')).toBe('a las 5:47 p.m.');
    expect(endSentence('Espera…')).toBe('Espera…');
  });

  it('the history’s first rating date, in Spanish and English', () => {
    const es = formatInstant(EVENING, 'es-MX', ZONE);
    expect(es).toMatch(/p\.\s?m\.$/);
    const line = satisfactionEsMX.timelineFirstRated(es);
    expect(line).toBe(`Calificada por primera vez el ${es}`);
    expect(line).not.toContain('..');
    expect(
      satisfactionEsMX.timelineFirstRated(formatInstant(MORNING, 'es-MX', ZONE)),
    ).not.toContain('..');
    const en = formatInstant(EVENING, 'en', ZONE);
    expect(satisfactionEn.timelineFirstRated(en)).toBe(`First rated on ${en}.`);
  });

  it('the rating window’s end in an English refusal', () => {
    expect(serverErrorsEn.ratingWindowClosed('Dec 12, 2026, 5:47 p.m.')).toBe(
      'The rating can no longer be changed: the 14 days ended on Dec 12, 2026, 5:47 p.m.',
    );
    expect(serverErrorsEn.ratingWindowClosed('Dec 12, 2026, 5:47 PM')).toBe(
      'The rating can no longer be changed: the 14 days ended on Dec 12, 2026, 5:47 PM.',
    );
  });
});
