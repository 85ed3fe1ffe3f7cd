import { Locale } from '../../../src/identity/locale.enum';
import { RecipientDates, zoneName } from '../../../src/notifications/templates/format';

// L3-11 (QA): a deadline in an email names its zone in words, not by its IANA code
// («AMERICA/MEXICO_CITY»): one helper, used by every template through RecipientDates.

describe('zoneName (emails)', () => {
  it('names the seed zones as people there say them, es-MX and en', () => {
    expect(zoneName('America/Mexico_City', Locale.ES_MX)).toBe('hora de la Ciudad de México');
    expect(zoneName('America/Mexico_City', Locale.EN)).toBe('Mexico City time');
    expect(zoneName('America/Cancun', Locale.ES_MX)).toBe('hora de Cancún');
    expect(zoneName('America/Tijuana', Locale.EN)).toBe('Tijuana time');
    expect(zoneName('UTC', Locale.ES_MX)).toBe('hora UTC');
  });

  it('falls back to Intl’s generic long name, and to the city when Intl has none', () => {
    expect(zoneName('Asia/Tokyo', Locale.EN)).toBe('Japan Standard Time');
    expect(zoneName('Asia/Tokyo', Locale.ES_MX)).toBe('hora estándar de Japón');
    for (const locale of [Locale.ES_MX, Locale.EN]) {
      for (const zone of ['Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT+5']) {
        const name = zoneName(zone, locale);
        expect(name).not.toContain('/');
        expect(name).not.toMatch(/_/);
        expect(name.length).toBeGreaterThan(2);
      }
    }
  });

  it('every instant an email shows carries the name, never the IANA code', () => {
    const es = new RecipientDates(Locale.ES_MX, 'America/Mexico_City');
    expect(es.instant('2026-02-03T22:30:00Z')).toBe(
      'martes, 3 de febrero de 2026, 4:30 p.m. (hora de la Ciudad de México)',
    );
    const en = new RecipientDates(Locale.EN, 'America/Mexico_City');
    expect(en.instant('2026-02-03T22:30:00Z')).toMatch(
      /^Tuesday, February 3, 2026 at 4:30\sPM \(Mexico City time\)$/,
    );
  });
});
