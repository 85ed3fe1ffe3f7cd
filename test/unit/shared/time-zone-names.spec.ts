import { Locale } from '../../../src/identity/locale.enum';
import { zoneText } from '../../../src/business-time/calendars/explanation-text';
import {
  RecipientDates,
  zoneName as emailZoneName,
} from '../../../src/notifications/templates/format';
import { isUtcZone, ZONE_NAMES } from '../../../src/shared/time-zone-names';
import { zoneChoiceLabel } from '../../../web/src/components/time-zone-choices';
import { zoneLabel, zoneName as webZoneName } from '../../../web/src/i18n/zone-name';

// L3-11 (QA): the web app and the emails named one zone two ways (the app «hora de Mérida», the
// emails Intl's «hora estándar central»): two tables. One rule now serves the web app, the emails
// and the API's «¿Por qué esta fecha?» lines (L3-06, L3-08), in es-MX and en.

const LANGUAGES = [
  [Locale.ES_MX, 'es-MX'],
  [Locale.EN, 'en'],
] as const;
const JANUARY = new Date('2026-01-15T12:00:00Z');
const ZONES = [
  ...Object.keys(ZONE_NAMES),
  'Europe/Madrid',
  'America/New_York',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Etc/GMT+5',
];

describe('one name for a time zone, everywhere', () => {
  it('the web app, the emails and the explanations give each zone the same name', () => {
    for (const zone of ZONES) {
      for (const [locale, language] of LANGUAGES) {
        const name = webZoneName(zone, language);
        expect(emailZoneName(zone, locale)).toBe(name);
        expect(new RecipientDates(locale, zone).instant('2026-01-15T18:00:00Z')).toMatch(
          new RegExp(`\\(${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`),
        );
        const offset = zoneLabel(zone, language, JANUARY).match(/\((UTC[^)]*)\)$/)?.[1];
        expect(zoneText(language, zone, JANUARY)).toBe(offset ? `${name}, ${offset}` : 'UTC');
      }
    }
  });

  it('UTC itself is «UTC» alone wherever a zone is labelled (one isUtcZone rule)', () => {
    for (const zone of ['UTC', 'Etc/UTC']) {
      expect(isUtcZone(zone)).toBe(true);
      for (const [, language] of LANGUAGES) {
        expect(zoneLabel(zone, language, JANUARY)).toBe('UTC');
        expect(zoneText(language, zone, JANUARY)).toBe('UTC');
        expect(zoneChoiceLabel(zone, language, JANUARY)).toBe('UTC');
      }
    }
    // A zone at UTC+0 is not UTC: it keeps its name and offset.
    expect(isUtcZone('Africa/Abidjan')).toBe(false);
    expect(isUtcZone('Europe/London')).toBe(false);
    expect(zoneLabel('Etc/GMT+5', 'en', JANUARY)).toMatch(/ \(UTC−5\)$/);
  });

  it('names the zones the app used to name alone the same way in emails (Mérida, Chihuahua, Mazatlán)', () => {
    expect(emailZoneName('America/Merida', Locale.ES_MX)).toBe('hora de Mérida');
    expect(emailZoneName('America/Chihuahua', Locale.EN)).toBe('Chihuahua time');
    expect(emailZoneName('America/Mazatlan', Locale.ES_MX)).toBe('hora de Mazatlán');
    expect(webZoneName('America/Bogota', 'es-MX')).toBe('hora de Colombia');
    expect(emailZoneName('America/Guatemala', Locale.EN)).toBe('Guatemala time');
  });

  it('every zone of the table has a Spanish and an English name, neither an IANA code', () => {
    for (const [zone, [es, en]] of Object.entries(ZONE_NAMES)) {
      for (const name of [es, en]) {
        expect(name.trim()).not.toBe('');
        expect(name).not.toMatch(/[/_]/);
      }
      // Spanish sits inside a sentence: lower case, «hora …»; English is its own.
      expect(es).toMatch(/^hora /);
      expect(en).not.toMatch(/^hora /);
      // The table names real zones (a typo would never be used).
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }
  });

  it('names a zone by its place as called now when the runtime names it by its old id (QA S60 #10)', () => {
    // Chromium's ICU named America/Godthab «hora de Godthab» in the zone picker; Node's says Nuuk.
    const parts = jest
      .spyOn(Intl.DateTimeFormat.prototype, 'formatToParts')
      .mockImplementation(function (this: Intl.DateTimeFormat) {
        const en = this.resolvedOptions().locale.startsWith('en');
        return [{ type: 'timeZoneName', value: en ? 'Godthab Time' : 'hora de Godthab' }];
      });
    try {
      expect(webZoneName('America/Godthab', 'es-MX', JANUARY)).toBe('hora de Nuuk');
      expect(webZoneName('America/Godthab', 'en', JANUARY)).toBe('Nuuk Time');
      // QA S60b: a place the city's name holds is not named twice.
      parts.mockReturnValue([{ type: 'timeZoneName', value: 'hora de Fernando de Noronha' }]);
      expect(webZoneName('America/Noronha', 'es-MX', JANUARY)).toBe('hora de Fernando de Noronha');
      parts.mockReturnValue([{ type: 'timeZoneName', value: 'hora de Wallis y Futuna' }]);
      expect(webZoneName('Pacific/Wallis', 'es-MX', JANUARY)).toBe('hora de Wallis y Futuna');
      // A name without the old place is left as the runtime gives it.
      parts.mockReturnValue([{ type: 'timeZoneName', value: 'hora de Groenlandia' }]);
      expect(webZoneName('America/Godthab', 'es-MX', JANUARY)).toBe('hora de Groenlandia');
    } finally {
      parts.mockRestore();
    }
  });
});
