import { MEXICO_ZONES, zoneGroups } from '../../../web/src/components/time-zone-choices';
import { ZONE_CITIES_ES, zoneCity } from '../../../src/shared/time-zone-names';
import { CLDR_ES_MX_EXEMPLAR_CITIES, CLDR_VERSION } from '../fixtures/cldr-es-mx-exemplar-cities';

// L3-04 (S16): the Spanish picker's city names (session 15, written from memory) checked against
// Unicode CLDR's es-MX exemplar cities, and frozen: a label that drifts from CLDR fails here.

const JANUARY = new Date('2026-01-15T12:00:00Z');
const KNOWN = Intl.supportedValuesOf('timeZone');

/** The names that differ from CLDR on purpose; src/shared/time-zone-names.ts says why. */
const DELIBERATE: Readonly<Record<string, string>> = {
  'America/St_Thomas': 'Santo Tomás', // es-419's; es-MX says the English «St. Thomas»
  'Asia/Rangoon': 'Yangón', // CLDR's «Yangón (Rangún)» would put parentheses before «(UTC+6:30)»
};

/** Current IANA ids the table names for a stored zone, and the CLDR id Intl lists instead. */
const ALIASES: Readonly<Record<string, string>> = {
  'America/Nuuk': 'America/Godthab',
  'Atlantic/Faroe': 'Atlantic/Faeroe',
  'Asia/Kolkata': 'Asia/Calcutta',
  'Asia/Kathmandu': 'Asia/Katmandu',
  'Asia/Yangon': 'Asia/Rangoon',
  'Asia/Ho_Chi_Minh': 'Asia/Saigon',
  'Pacific/Chuuk': 'Pacific/Truk',
  'Pacific/Pohnpei': 'Pacific/Ponape',
  'Pacific/Kanton': 'Pacific/Enderbury',
};

/** CLDR's name for a zone it does not list: the id's last part («New_Salem» → «New Salem»). */
const idWords = (zone: string) => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
const expected = (zone: string) =>
  DELIBERATE[zone] ?? CLDR_ES_MX_EXEMPLAR_CITIES[zone] ?? idWords(zone);

describe(`the Spanish picker’s cities are CLDR ${CLDR_VERSION}’s (es-MX)`, () => {
  const choices = zoneGroups('es-MX', KNOWN, JANUARY)
    .flatMap((g) => g.choices)
    .filter((c) => c.zone !== 'UTC');

  it('names every zone it offers by CLDR’s city', () => {
    expect(choices.length).toBe(KNOWN.length);
    const drifted = choices
      .filter((c) => zoneCity(c.zone, 'es-MX') !== expected(c.zone))
      .map((c) => `${c.zone}: ${zoneCity(c.zone, 'es-MX')} ≠ ${expected(c.zone)}`);
    expect(drifted).toEqual([]);
  });

  it('shows that city in every label that names one', () => {
    const drifted = choices.flatMap((c) => {
      const shown = / — (.+) \(UTC[^)]*\)$/.exec(c.label)?.[1];
      return shown === undefined || shown === expected(c.zone) ? [] : [`${c.zone}: ${c.label}`];
    });
    expect(drifted).toEqual([]);
    const label = (zone: string) => choices.find((c) => c.zone === zone)?.label;
    expect(label('America/Belem')).toBe('Hora estándar de Brasilia — Belén (UTC−3)');
    expect(label('America/Indianapolis')).toBe('Hora oriental — Indianápolis (UTC−5)');
    expect(label('America/Nassau')).toBe('Hora oriental — Nasáu (UTC−5)');
    expect(label('Europe/Vatican')).toBe('Hora de Europa central — El Vaticano (UTC+1)');
    // Intl's name already holds the place: it is not said twice.
    expect(label('Asia/Almaty')).toBe('Hora de Almatý (UTC+5)');
    expect(label('Indian/Christmas')).toBe('Hora de la isla de Navidad (UTC+7)');
    expect(label('Asia/Anadyr')).toBe('Hora estándar de Anadyr (UTC+12)');
  });

  it('spells Mexico’s cities as CLDR does in their zone names', () => {
    // «la Ciudad de México»: its article, as it is said (ZONE_NAMES).
    for (const zone of MEXICO_ZONES) {
      const name = choices.find((c) => c.zone === zone)?.label.replace(/ \(UTC[^)]*\)$/, '');
      const article = zone === 'America/Mexico_City' ? 'la ' : '';
      expect(name).toBe(`Hora de ${article}${expected(zone)}`);
    }
  });

  it('keeps its deliberate differences few, still different, and in the table', () => {
    for (const [zone, name] of Object.entries(DELIBERATE)) {
      expect(CLDR_ES_MX_EXEMPLAR_CITIES[zone]).not.toBe(name);
      expect(ZONE_CITIES_ES[zone]).toBe(name);
    }
  });

  it('names a stored zone’s current id as CLDR names the id Intl lists', () => {
    const listed = new Set(KNOWN);
    for (const zone of Object.keys(ZONE_CITIES_ES).filter((z) => !listed.has(z))) {
      const canonical = ALIASES[zone];
      expect([zone, canonical && listed.has(canonical)]).toEqual([zone, true]);
      expect([zone, zoneCity(zone, 'es-MX')]).toEqual([zone, expected(canonical)]);
    }
  });
});
