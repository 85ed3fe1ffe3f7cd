// The zones a time-zone picker offers, in words, in groups: Mexico's first, then the common
// Latin-American ones, then every other zone this browser knows. Pure (Intl only), so the unit
// tier tests it; the picker (time-zone-picker.tsx) only draws it.
import { foldForSearch } from './fold-for-search';
import {
  isUtcZone,
  ZONE_NAMES,
  zoneCity,
  zoneIdWords,
  type ZoneLanguage as Language,
  zoneOffset,
  zoneTitle,
} from '../i18n/zone-name';

export const MEXICO_ZONES: readonly string[] = [
  'America/Mexico_City',
  'America/Monterrey',
  'America/Merida',
  'America/Cancun',
  'America/Chihuahua',
  'America/Ciudad_Juarez',
  'America/Mazatlan',
  'America/Hermosillo',
  'America/Tijuana',
  'America/Matamoros',
];

/** Mexico's zones that the picker does not list first, and the old ids of some (tzdata aliases). */
const OTHER_MEXICO_ZONES = new Set([
  'America/Bahia_Banderas',
  'America/Ojinaga',
  'America/Ensenada',
  'America/Santa_Isabel',
  'Mexico/General',
  'Mexico/BajaNorte',
  'Mexico/BajaSur',
]);

/**
 * Whether `timeZone` is one of Mexico's: a new calendar there has Mexico's mandatory rest days (LFT
 * art. 74) ticked by default, one elsewhere not (QA S60: a Colombian calendar got them).
 */
export function isMexicoZone(timeZone: string): boolean {
  return MEXICO_ZONES.includes(timeZone) || OTHER_MEXICO_ZONES.has(timeZone);
}

export const LATIN_AMERICA_ZONES: readonly string[] = [
  'America/Guatemala',
  'America/El_Salvador',
  'America/Tegucigalpa',
  'America/Managua',
  'America/Costa_Rica',
  'America/Panama',
  'America/Havana',
  'America/Santo_Domingo',
  'America/Puerto_Rico',
  'America/Bogota',
  'America/Caracas',
  'America/Guayaquil',
  'America/Lima',
  'America/La_Paz',
  'America/Santiago',
  'America/Buenos_Aires',
  'America/Montevideo',
  'America/Asuncion',
  'America/Sao_Paulo',
];

export type ZoneGroupKey = 'current' | 'mexico' | 'latinAmerica' | 'other';

export interface ZoneChoice {
  /** The IANA id the API stores. */
  readonly zone: string;
  /** What the person reads: «Hora de Colombia (UTC−5)», «Hora central — Chicago (UTC−6)». */
  readonly label: string;
  /** Lower case, without accents: the label, the IANA id and the city, for the search. */
  readonly search: string;
}

export interface ZoneGroup {
  readonly key: ZoneGroupKey;
  readonly choices: readonly ZoneChoice[];
}

/**
 * A zone's words in a picker. The table's names are unique; Intl's are not (Chicago, Winnipeg and
 * Guatemala all say «hora central»), so those carry the zone's city too.
 */
export function zoneChoiceLabel(zone: string, language: Language, at: Date = new Date()): string {
  return labelOf(zone, language, at, zoneOffset(zone, at));
}

/**
 * {@link zoneTitle}, with the city before the offset when the name is Intl's shared one. A name
 * that already holds the place, in CLDR's spelling or the id's («Hora estándar de Anadyr» for
 * Anádyr, «Hora de Wallis y Futuna»), does not repeat it.
 */
function labelOf(zone: string, language: Language, at: Date, offset: string): string {
  const title = zoneTitle(zone, language, at);
  const city = zoneCity(zone, language);
  const own = ` (${offset})`;
  const named = title.includes(city) || title.includes(zoneIdWords(zone));
  if (isUtcZone(zone) || ZONE_NAMES[zone] || named || !title.endsWith(own)) return title;
  return `${title.slice(0, -own.length)} — ${city}${own}`;
}

// The list has some 420 zones: the offset is worded once for the label and the order.
function choice(zone: string, language: Language, at: Date): ZoneChoice & { east: number } {
  const offset = zoneOffset(zone, at);
  const label = labelOf(zone, language, at, offset);
  return { zone, label, search: foldForSearch(`${label} ${zone}`), east: minutesEast(offset) };
}

/** «UTC−5» → −300, «UTC+5:30» → 330: to order the other zones from west to east. */
function minutesEast(offset: string): number {
  const m = /^UTC([+−])(\d{1,2})(?::(\d{2}))?$/.exec(offset);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '−' ? -minutes : minutes;
}

/**
 * The picker's groups: Mexico's zones, Latin America's, then the others from `known` (every zone
 * the browser knows, `Intl.supportedValuesOf('timeZone')`), west to east. Costly (some 840 Intl
 * formatters): build once per language, then {@link withStoredZone} per value.
 */
export function zoneGroups(
  language: Language,
  known: readonly string[],
  at: Date = new Date(),
): ZoneGroup[] {
  const first = new Set([...MEXICO_ZONES, ...LATIN_AMERICA_ZONES]);
  const other = ['UTC', ...known.filter((z) => !first.has(z) && z !== 'UTC')]
    .map((z) => choice(z, language, at))
    .sort((a, b) => a.east - b.east || a.label.localeCompare(b.label, language));
  return [
    { key: 'mexico', choices: MEXICO_ZONES.map((z) => choice(z, language, at)) },
    { key: 'latinAmerica', choices: LATIN_AMERICA_ZONES.map((z) => choice(z, language, at)) },
    { key: 'other', choices: other },
  ];
}

/**
 * `groups` with the stored zone first (group `current`) when none has it: an old alias such as
 * `America/Argentina/Buenos_Aires`, or a zone this browser does not list. A form shows it and
 * keeps it.
 */
export function withStoredZone(
  groups: readonly ZoneGroup[],
  current: string,
  language: Language,
  at: Date = new Date(),
): ZoneGroup[] {
  const listed = groups.some((g) => g.choices.some((c) => c.zone === current));
  if (listed || !current) return [...groups];
  return [{ key: 'current', choices: [choice(current, language, at)] }, ...groups];
}

/** Whether a choice's words hold every word of the folded `words`. */
function matchesWords(choice: ZoneChoice, words: readonly string[]): boolean {
  return words.every((w) => choice.search.includes(w));
}

function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/**
 * The groups with only the choices whose words hold every word of `query` («hora colombia»,
 * «utc-5», «bogota»), how many match and the first that does. The chosen zone always stays, so
 * the list never loses the form's value.
 */
export function filterZoneGroups(
  groups: readonly ZoneGroup[],
  query: string,
  chosen: string,
): { groups: ZoneGroup[]; matches: number; first: string | undefined } {
  const words = searchWords(query);
  const matches = (c: ZoneChoice) => matchesWords(c, words);
  const kept = groups
    .map((g) => ({ key: g.key, choices: g.choices.filter((c) => c.zone === chosen || matches(c)) }))
    .filter((g) => g.choices.length > 0);
  const matching = kept.flatMap((g) => g.choices.filter(matches));
  return { groups: kept, matches: matching.length, first: matching[0]?.zone };
}

/**
 * What the text of a picker's search box picks (QA S60 #1: «colombia» typed, the form sent
 * without Enter, and Mexico City saved): nothing typed; the one zone it matches, which the
 * picker then chooses; or no zone or several, which a form must not be sent with.
 */
export type TypedZone =
  | { readonly kind: 'empty' }
  | { readonly kind: 'one'; readonly zone: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'several'; readonly matches: number };

export function typedZone(groups: readonly ZoneGroup[], query: string): TypedZone {
  const words = searchWords(query);
  if (words.length === 0) return { kind: 'empty' };
  const zones = new Set(
    groups.flatMap((g) => g.choices.filter((c) => matchesWords(c, words)).map((c) => c.zone)),
  );
  const [first] = zones;
  if (zones.size === 1) return { kind: 'one', zone: first };
  return zones.size === 0 ? { kind: 'none' } : { kind: 'several', matches: zones.size };
}
