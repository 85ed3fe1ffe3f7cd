import { MEXICO_ZONES, zoneGroups } from '../../../web/src/components/time-zone-choices';
import {
  ZONE_CITIES_EN,
  ZONE_CITIES_ES,
  zoneCity,
  zoneIdWords,
} from '../../../src/shared/time-zone-names';
import { CLDR_EN_EXEMPLAR_CITIES, CLDR_EN_VERSION } from '../fixtures/cldr-en-exemplar-cities';
import { CLDR_ES_MX_EXEMPLAR_CITIES, CLDR_VERSION } from '../fixtures/cldr-es-mx-exemplar-cities';

// L3-04 (S16): the picker's city names, in both languages, checked against Unicode CLDR's exemplar
// cities and frozen: a label that drifts from CLDR fails here. The Spanish names (session 15,
// written from memory) against es-MX; the English ones, which were the IANA id's words («Coral
// Harbour» for Atikokan, «Kiev», «Calcutta», «Saigon», Mexican cities without their accents),
// against English. A zone CLDR does not list is named after its id («New_Salem» → «New Salem»).

const JANUARY = new Date('2026-01-15T12:00:00Z');
const KNOWN = Intl.supportedValuesOf('timeZone');

/** Current IANA ids the tables name for a stored zone, and the CLDR id Intl lists instead. */
const ALIASES: Readonly<Record<string, string>> = {
  'America/Nuuk': 'America/Godthab',
  'Atlantic/Faroe': 'Atlantic/Faeroe',
  'Asia/Kolkata': 'Asia/Calcutta',
  'Asia/Kathmandu': 'Asia/Katmandu',
  'Asia/Yangon': 'Asia/Rangoon',
  'Asia/Ho_Chi_Minh': 'Asia/Saigon',
  'Europe/Kyiv': 'Europe/Kiev',
  'Pacific/Chuuk': 'Pacific/Truk',
  'Pacific/Pohnpei': 'Pacific/Ponape',
  'Pacific/Kanton': 'Pacific/Enderbury',
};

/** One language of the picker, against its CLDR locale. */
interface Language {
  readonly locale: 'es-MX' | 'en';
  readonly name: string;
  readonly version: string;
  readonly cldr: Readonly<Record<string, string>>;
  readonly table: Readonly<Record<string, string>>;
  /** The names that differ from CLDR on purpose; src/shared/time-zone-names.ts says why. */
  readonly deliberate: Readonly<Record<string, string>>;
  /** Labels as the picker shows them, by zone. */
  readonly labels: Readonly<Record<string, string>>;
  /** Words some labels must hold (the current name), by zone. */
  readonly contains: Readonly<Record<string, string>>;
  /** Words some labels must not hold (an old id's name), by zone. */
  readonly notIn: Readonly<Record<string, RegExp>>;
  /** Current ids named as CLDR names the old id Intl lists, which CLDR must name itself. */
  readonly current: readonly string[];
}

const LANGUAGES: readonly Language[] = [
  {
    locale: 'es-MX',
    name: 'Spanish',
    version: `${CLDR_VERSION} (es-MX)`,
    cldr: CLDR_ES_MX_EXEMPLAR_CITIES,
    table: ZONE_CITIES_ES,
    deliberate: {
      'America/St_Thomas': 'Santo Tomás', // es-419's; es-MX says the English «St. Thomas»
      'Asia/Rangoon': 'Yangón', // CLDR's «Yangón (Rangún)» would put parentheses before «(UTC+6:30)»
    },
    labels: {
      'America/Belem': 'Hora estándar de Brasilia — Belén (UTC−3)',
      'America/Indianapolis': 'Hora oriental — Indianápolis (UTC−5)',
      'America/Nassau': 'Hora oriental — Nasáu (UTC−5)',
      'Europe/Vatican': 'Hora de Europa central — El Vaticano (UTC+1)',
      // Intl's name already holds the place: it is not said twice.
      'Indian/Christmas': 'Hora de la isla de Navidad (UTC+7)',
      // QA S43: the names of the day the picker is built (here January 2026), not of 1970's,
      // when Kyiv and Riga read «Hora estándar de Moscú», Lisbon «de Europa central» and Almaty
      // «Hora de Almatý» (Kazakhstan has one zone since 2024).
      'Europe/Kiev': 'Hora de Europa oriental — Kiev (UTC+2)',
      'Europe/Riga': 'Hora de Europa oriental — Riga (UTC+2)',
      'Europe/Lisbon': 'Hora de Europa occidental — Lisboa (UTC+0)',
      'Asia/Almaty': 'Hora de Kazajistán — Almatý (UTC+5)',
      'Asia/Anadyr': 'Hora estándar de Kamchatka — Anádyr (UTC+12)',
    },
    contains: {},
    notIn: {},
    current: [],
  },
  {
    locale: 'en',
    name: 'English',
    version: CLDR_EN_VERSION,
    cldr: CLDR_EN_EXEMPLAR_CITIES,
    table: ZONE_CITIES_EN,
    deliberate: {},
    labels: {},
    contains: { 'America/Coral_Harbour': 'Atikokan' },
    notIn: { 'America/Coral_Harbour': /Coral/, 'Europe/Kiev': /Kiev/ },
    current: [
      'Atlantic/Faroe',
      'Asia/Ho_Chi_Minh',
      'Pacific/Kanton',
      'Asia/Kolkata',
      'Europe/Kyiv',
    ],
  },
];

describe.each(LANGUAGES)('the $name picker’s cities are CLDR $version’s', (language) => {
  const { locale, cldr, table, deliberate } = language;
  const expected = (zone: string) => deliberate[zone] ?? cldr[zone] ?? zoneIdWords(zone);
  const choices = zoneGroups(locale, KNOWN, JANUARY)
    .flatMap((g) => g.choices)
    .filter((c) => c.zone !== 'UTC');
  const label = (zone: string) => choices.find((c) => c.zone === zone)?.label ?? '';

  it('names every zone it offers by CLDR’s city', () => {
    expect(choices.length).toBe(KNOWN.length);
    const drifted = choices
      .filter((c) => zoneCity(c.zone, locale) !== expected(c.zone))
      .map((c) => `${c.zone}: ${zoneCity(c.zone, locale)} ≠ ${expected(c.zone)}`);
    expect(drifted).toEqual([]);
  });

  it('shows that city in every label that names one, an old id by its current name', () => {
    const drifted = choices.flatMap((c) => {
      const shown = / — (.+) \(UTC[^)]*\)$/.exec(c.label)?.[1];
      return shown === undefined || shown === expected(c.zone) ? [] : [`${c.zone}: ${c.label}`];
    });
    expect(drifted).toEqual([]);
    for (const [zone, shown] of Object.entries(language.labels)) expect(label(zone)).toBe(shown);
    for (const [zone, name] of Object.entries(language.contains)) {
      expect(label(zone)).toContain(name);
    }
    for (const [zone, old] of Object.entries(language.notIn)) {
      expect(label(zone)).not.toBe('');
      expect(label(zone)).not.toMatch(old);
    }
  });

  it('keeps its deliberate differences few, still different, and in the table', () => {
    expect(Object.keys(deliberate).length).toBeLessThanOrEqual(2);
    for (const [zone, name] of Object.entries(deliberate)) {
      expect(cldr[zone]).not.toBe(name);
      expect(table[zone]).toBe(name);
    }
  });

  it('names a stored zone’s current id as CLDR names the id Intl lists', () => {
    const listed = new Set(KNOWN);
    const current = new Set([
      ...Object.keys(table).filter((z) => !listed.has(z)),
      ...language.current,
    ]);
    for (const zone of current) {
      const canonical = ALIASES[zone];
      expect([zone, canonical && listed.has(canonical)]).toEqual([zone, true]);
      expect([zone, zoneCity(zone, locale)]).toEqual([zone, expected(canonical)]);
    }
    for (const zone of language.current) {
      expect([zone, zoneCity(zone, locale)]).toEqual([zone, cldr[ALIASES[zone]]]);
    }
  });
});

it('Spanish: spells Mexico’s cities as CLDR does in their zone names (L3-04)', () => {
  const choices = zoneGroups('es-MX', KNOWN, JANUARY).flatMap((g) => g.choices);
  // «la Ciudad de México»: its article, as it is said (ZONE_NAMES).
  for (const zone of MEXICO_ZONES) {
    const name = choices.find((c) => c.zone === zone)?.label.replace(/ \(UTC[^)]*\)$/, '');
    const article = zone === 'America/Mexico_City' ? 'la ' : '';
    expect(name).toBe(`Hora de ${article}${CLDR_ES_MX_EXEMPLAR_CITIES[zone] ?? zoneIdWords(zone)}`);
  }
});

it('English: the table holds only names that differ from the id’s words (L3-04)', () => {
  const same = Object.entries(ZONE_CITIES_EN).filter(([zone, city]) => zoneIdWords(zone) === city);
  expect(same).toEqual([]);
});
