import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mexicoLft74HolidaysBetween } from '../../../src/business-time/engine/mexico-holidays';
import { holidayDisplayName, SEEDED_HOLIDAY_NAMES_EN } from '../../../src/shared/holiday-names';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-06: the LFT art. 74 rest days are generated with Spanish names, which the English calendar
// page showed verbatim («Año Nuevo», QA S15). Those exact generated names are shown in the
// reader's language; a holiday an administrator entered keeps the name written.

describe('holidayDisplayName (L3-06)', () => {
  const generated = mexicoLft74HolidaysBetween(2018, 2030);

  it('has English words for every name the art. 74 rules generate, and no others', () => {
    const names = [...new Set(generated.map((h) => h.name))].sort();
    expect(Object.keys(SEEDED_HOLIDAY_NAMES_EN).sort()).toEqual(names);
  });

  it('words the generated days in English, and keeps them in Spanish for Spanish readers', () => {
    for (const h of generated) {
      expect(holidayDisplayName(h.name, h.source, 'es-MX')).toBe(h.name);
      const english = holidayDisplayName(h.name, h.source, 'en');
      expect(english).not.toBe(h.name);
      expect(english).not.toMatch(/\b(día|de la|del|año|navidad|natalicio|transmisión)\b/i);
    }
    expect(holidayDisplayName('Año Nuevo', 'MX_LFT_74', 'en')).toBe('New Year’s Day');
    expect(holidayDisplayName('Navidad', 'MX_LFT_74', 'en')).toBe('Christmas Day');
  });

  it('keeps the names an administrator wrote, even one that reads like a generated day', () => {
    expect(holidayDisplayName('Aniversario de la empresa', 'CLIENT', 'en')).toBe(
      'Aniversario de la empresa',
    );
    expect(holidayDisplayName('Navidad', 'CLIENT', 'en')).toBe('Navidad');
    expect(holidayDisplayName('Navidad ', 'MX_LFT_74', 'en')).toBe('Navidad ');
    expect(holidayDisplayName('Año nuevo', 'MX_LFT_74', 'en')).toBe('Año nuevo');
  });

  it('the calendar page and the API text use the rule', () => {
    const read = (p: string) => readFileSync(join(__dirname, '../../..', p), 'utf8');
    expect(read('web/src/calendars/holidays-section.tsx')).toContain(
      'holidayDisplayName(h.name, h.source, language)',
    );
    expect(read('src/business-time/calendars/explanation-text.ts')).toContain(
      'holidayDisplayName(step.holiday.name, step.holiday.source, locale)',
    );
  });
});

describe('the art. 74 source line names the article once (L3-06; QA S15)', () => {
  it('the description alone says what the days are and names the article', () => {
    for (const t of [en, esMX]) {
      expect(t.calendars.lft74.match(/74/g)).toHaveLength(1);
      expect(t.calendars.lft74).toMatch(/LFT/);
    }
    const page = readFileSync(
      join(__dirname, '../../../web/src/calendars/calendar-detail-page.tsx'),
      'utf8',
    );
    expect(page).not.toContain('` — ${t.calendars.lft74}`');
    // Its own line says it, with its state; the list of sources leaves it out (QA S22 F9).
    expect(page).toContain('calendar.holidaySources.filter((s) => s !== LFT74)');
    expect(page).toContain('{t.calendars.lft74}: {enabled ? t.calendars.lft74On');
  });
});
