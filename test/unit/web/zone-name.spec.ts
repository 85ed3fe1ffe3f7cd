import { zoneLabel, zoneName, zoneOffset, zoneTitle } from '../../../web/src/i18n/zone-name';

// QA: the web app showed zones as IANA codes («AMERICA/MEXICO_CITY», «America/Mexico_City») in
// the clocks' header, the deadline explanation and the calendar pages. One helper names them for
// people, with the offset: «Hora de la Ciudad de México (UTC−6)» / «Mexico City time (UTC−6)».

const JANUARY = new Date('2026-01-15T12:00:00Z');
const JULY = new Date('2026-07-15T12:00:00Z');

describe('zone names in the web app', () => {
  it('names the clients’ zones in Spanish and English, with the offset', () => {
    expect(zoneLabel('America/Mexico_City', 'es-MX', JANUARY)).toBe(
      'hora de la Ciudad de México (UTC−6)',
    );
    expect(zoneTitle('America/Mexico_City', 'es-MX', JANUARY)).toBe(
      'Hora de la Ciudad de México (UTC−6)',
    );
    expect(zoneLabel('America/Mexico_City', 'en', JANUARY)).toBe('Mexico City time (UTC−6)');
    expect(zoneLabel('America/Cancun', 'es-MX', JANUARY)).toBe('hora de Cancún (UTC−5)');
  });

  it('gives a zone with daylight saving time the offset of the moment', () => {
    expect(zoneOffset('America/Tijuana', JANUARY)).toBe('UTC−8');
    expect(zoneOffset('America/Tijuana', JULY)).toBe('UTC−7');
    expect(zoneOffset('Asia/Kolkata', JANUARY)).toBe('UTC+5:30');
  });

  it('names any other zone without its code: Intl’s name, else its city', () => {
    for (const zone of ['Europe/Madrid', 'America/Argentina/Buenos_Aires', 'Asia/Tokyo']) {
      for (const language of ['es-MX', 'en'] as const) {
        const name = zoneName(zone, language);
        expect(name).not.toMatch(/[/_]/);
        expect(name).not.toMatch(/^(GMT|UTC)/);
      }
    }
    expect(zoneLabel('UTC', 'es-MX')).toBe('UTC');
    expect(zoneLabel('Etc/UTC', 'en')).toBe('UTC');
  });
});
