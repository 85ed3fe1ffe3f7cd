import {
  filterZoneGroups,
  LATIN_AMERICA_ZONES,
  MEXICO_ZONES,
  typedZone,
  withStoredZone,
  zoneGroups,
} from '../../../web/src/components/time-zone-choices';
import { ZONE_CITIES_ES, zoneCity, zoneName } from '../../../src/shared/time-zone-names';

// L3-04 (QA): an admin typed a user's zone as an IANA code in a free-text field. The picker
// offers every zone in words, Mexico's and Latin America's first, with a search; a stored zone
// outside the list is kept. The API still validates the id (integration: user-administration).

const JANUARY = new Date('2026-01-15T12:00:00Z');
const KNOWN = Intl.supportedValuesOf('timeZone');

describe('the time-zone picker’s choices', () => {
  it('offers Mexico’s zones, then Latin America’s, then every other zone, in words', () => {
    const groups = zoneGroups('es-MX', KNOWN, JANUARY);
    expect(groups.map((g) => g.key)).toEqual(['mexico', 'latinAmerica', 'other']);
    expect(groups[0].choices.map((c) => c.zone)).toEqual(MEXICO_ZONES);
    expect(groups[0].choices[0].label).toBe('Hora de la Ciudad de México (UTC−6)');
    expect(groups[1].choices.map((c) => c.zone)).toEqual(LATIN_AMERICA_ZONES);
    expect(groups[1].choices.find((c) => c.zone === 'America/Bogota')?.label).toBe(
      'Hora de Colombia (UTC−5)',
    );
    const en = zoneGroups('en', KNOWN, JANUARY);
    expect(en[0].choices[0].label).toBe('Mexico City time (UTC−6)');

    // Every zone the browser knows is offered once, UTC among them, never as a code; zones
    // Intl names alike («hora central») carry their city.
    const all = groups.flatMap((g) => g.choices);
    expect(new Set(all.map((c) => c.zone))).toEqual(new Set([...KNOWN, 'UTC']));
    expect(all).toHaveLength(new Set([...KNOWN, 'UTC']).size);
    for (const c of all) expect(c.label).not.toMatch(/[/_]/);
    expect(all.find((c) => c.zone === 'America/Chicago')?.label).toBe(
      'Hora central — Chicago (UTC−6)',
    );
    expect(new Set(all.map((c) => c.label)).size).toBe(all.length);
  });

  it('shows a stored zone the list lacks first, and keeps it', () => {
    const all = zoneGroups('es-MX', KNOWN, JANUARY);
    const groups = withStoredZone(all, 'Etc/GMT+5', 'es-MX', JANUARY);
    expect(groups[0]).toEqual({
      key: 'current',
      choices: [expect.objectContaining({ zone: 'Etc/GMT+5' })],
    });
    expect(groups[0].choices[0].label).not.toContain('/');
    expect(groups.slice(1)).toEqual(all);
    expect(withStoredZone(all, 'America/Bogota', 'es-MX')).toEqual(all);
  });

  it('finds a zone by its name, its city or its offset, without accents, keeping the chosen one', () => {
    const groups = zoneGroups('es-MX', KNOWN, JANUARY);
    const zones = (query: string) =>
      filterZoneGroups(groups, query, 'America/Mexico_City').groups.flatMap((g) =>
        g.choices.map((c) => c.zone),
      );
    expect(zones('colombia')).toEqual(['America/Mexico_City', 'America/Bogota']);
    expect(zones('Bogotá')).toEqual(['America/Mexico_City', 'America/Bogota']);
    expect(zones('merida')).toEqual(['America/Mexico_City', 'America/Merida']);
    expect(zones('madrid')).toEqual(['America/Mexico_City', 'Europe/Madrid']);
    expect(zones('utc−5')).toContain('America/Bogota');
    expect(zones('utc-5')).toContain('America/Lima');
    expect(zones('atlantis')).toEqual(['America/Mexico_City']);

    const found = filterZoneGroups(groups, 'hora de colombia', 'America/Mexico_City');
    expect(found.matches).toBe(1);
    expect(found.first).toBe('America/Bogota');
    expect(filterZoneGroups(groups, 'atlantis', 'America/Mexico_City').matches).toBe(0);
    expect(filterZoneGroups(groups, '  ', 'America/Mexico_City').groups).toEqual(groups);
  });

  // QA S60 #1: «colombia» typed and the form sent without Enter saved Mexico City. The text picks
  // the one zone it matches; none or several is no zone, for the form to refuse.
  it('says which zone a typed search picks: one, none or several (QA S60 #1)', () => {
    const groups = zoneGroups('es-MX', KNOWN, JANUARY);
    expect(typedZone(groups, 'colombia')).toEqual({ kind: 'one', zone: 'America/Bogota' });
    expect(typedZone(groups, 'cancún')).toEqual({ kind: 'one', zone: 'America/Cancun' });
    expect(typedZone(groups, '  Hora de Mérida ')).toEqual({
      kind: 'one',
      zone: 'America/Merida',
    });
    expect(typedZone(groups, 'atlantis')).toEqual({ kind: 'none' });
    expect(typedZone(groups, '')).toEqual({ kind: 'empty' });
    expect(typedZone(groups, '   ')).toEqual({ kind: 'empty' });
    // «utc−5»: Bogotá, Lima, Cancún… as many as the search box's hint counts.
    const several = typedZone(groups, 'utc−5');
    expect(several).toEqual({
      kind: 'several',
      matches: filterZoneGroups(groups, 'utc−5', 'America/Mexico_City').matches,
    });
    expect(several.kind === 'several' && several.matches).toBeGreaterThan(1);
    // A stored zone the list lacks is found too, and counted once.
    const stored = withStoredZone(groups, 'Etc/GMT+5', 'es-MX', JANUARY);
    expect(typedZone(stored, 'etc/gmt+5')).toEqual({ kind: 'one', zone: 'Etc/GMT+5' });
    // English labels are searched in English.
    expect(typedZone(zoneGroups('en', KNOWN, JANUARY), 'mexico city')).toEqual({
      kind: 'one',
      zone: 'America/Mexico_City',
    });
  });
});

// QA S15 (L3-04): the Spanish picker read some cities in English («… — Port of Spain», «… — Isle
// of Man»). A Spanish label names its city in Spanish; English labels keep the English words.
describe('the Spanish picker names cities in Spanish', () => {
  const ENGLISH_WORDS =
    /\b(Port of|Isle of|St|Saint|Island|Islands|Cape|South|North|New York|London|Lisbon|Rome|Vienna|Prague|Warsaw|Moscow|Brussels|Copenhagen|Athens|Easter|Canary|Faeroe|Christmas|Vatican|Cayman|Grand)\b/;
  const spanish = zoneGroups('es-MX', KNOWN, JANUARY).flatMap((g) => g.choices);
  const english = zoneGroups('en', KNOWN, JANUARY).flatMap((g) => g.choices);

  it('no Spanish label carries a known English city word', () => {
    const offending = spanish.filter((c) => ENGLISH_WORDS.test(c.label)).map((c) => c.label);
    expect(offending).toEqual([]);
    expect(spanish.find((c) => c.zone === 'America/Port_of_Spain')?.label).toMatch(
      / — Puerto España \(UTC−4\)$/,
    );
    expect(spanish.find((c) => c.zone === 'Europe/Isle_of_Man')?.label).toContain(
      'Isla de Man (UTC+0)',
    );
  });

  it('never shows the English word of a city that has a Spanish one', () => {
    for (const [zone, city] of Object.entries(ZONE_CITIES_ES)) {
      const label = spanish.find((c) => c.zone === zone)?.label;
      const word = zoneCity(zone);
      // CLDR's own Spanish name of a zone may keep the id's word («hora de Syowa», whose city
      // CLDR calls Showa): that is Intl's, not an English city left in (S16, L3-04).
      const own = zoneName(zone, 'es-MX');
      if (!label || word === city || city.includes(word) || own.includes(word)) continue;
      expect(label).not.toContain(word);
    }
  });

  it('keeps the English words in English, and finds a zone by its English city too', () => {
    expect(english.find((c) => c.zone === 'America/Port_of_Spain')?.label).toMatch(
      / — Port of Spain \(UTC−4\)$/,
    );
    const london = filterZoneGroups(zoneGroups('es-MX', KNOWN, JANUARY), 'london', '');
    expect(london.first).toBe('Europe/London');
  });
});
