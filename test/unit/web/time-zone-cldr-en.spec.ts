import { zoneGroups } from '../../../web/src/components/time-zone-choices';
import { ZONE_CITIES_EN, zoneCity, zoneIdWords } from '../../../src/shared/time-zone-names';
import { CLDR_EN_EXEMPLAR_CITIES, CLDR_EN_VERSION } from '../fixtures/cldr-en-exemplar-cities';

// L3-04 (S16): the English picker named zones by their IANA id's words, so an old id read as the
// place was once called («Coral Harbour» for Atikokan, «Kiev», «Calcutta», «Saigon») and Mexican
// cities lost their accents («Merida»). Its cities are now CLDR's English exemplar cities, frozen.

const JANUARY = new Date('2026-01-15T12:00:00Z');
const KNOWN = Intl.supportedValuesOf('timeZone');
const expected = (zone: string) => CLDR_EN_EXEMPLAR_CITIES[zone] ?? zoneIdWords(zone);

describe(`the English picker’s cities are CLDR ${CLDR_EN_VERSION}’s`, () => {
  const choices = zoneGroups('en', KNOWN, JANUARY)
    .flatMap((g) => g.choices)
    .filter((c) => c.zone !== 'UTC');

  it('names every zone it offers by CLDR’s English city', () => {
    expect(choices.length).toBe(KNOWN.length);
    const drifted = choices
      .filter((c) => zoneCity(c.zone, 'en') !== expected(c.zone))
      .map((c) => `${c.zone}: ${zoneCity(c.zone, 'en')} ≠ ${expected(c.zone)}`);
    expect(drifted).toEqual([]);
  });

  it('shows that city in the labels, an old id by its current name', () => {
    const drifted = choices.flatMap((c) => {
      const shown = / — (.+) \(UTC[^)]*\)$/.exec(c.label)?.[1];
      return shown === undefined || shown === expected(c.zone) ? [] : [`${c.zone}: ${c.label}`];
    });
    expect(drifted).toEqual([]);
    const label = (zone: string) => choices.find((c) => c.zone === zone)?.label ?? '';
    expect(label('America/Coral_Harbour')).toContain('Atikokan');
    expect(label('America/Coral_Harbour')).not.toContain('Coral');
    expect(label('Europe/Kiev')).not.toMatch(/Kiev/);
  });

  it('names a current id as CLDR names the old id Intl lists', () => {
    expect(zoneCity('Atlantic/Faroe', 'en')).toBe(CLDR_EN_EXEMPLAR_CITIES['Atlantic/Faeroe']);
    expect(zoneCity('Asia/Ho_Chi_Minh', 'en')).toBe(CLDR_EN_EXEMPLAR_CITIES['Asia/Saigon']);
    expect(zoneCity('Pacific/Kanton', 'en')).toBe(CLDR_EN_EXEMPLAR_CITIES['Pacific/Enderbury']);
    expect(zoneCity('Asia/Kolkata', 'en')).toBe(CLDR_EN_EXEMPLAR_CITIES['Asia/Calcutta']);
    expect(zoneCity('Europe/Kyiv', 'en')).toBe(CLDR_EN_EXEMPLAR_CITIES['Europe/Kiev']);
  });

  it('holds only names that differ from the id’s words', () => {
    const same = Object.entries(ZONE_CITIES_EN).filter(
      ([zone, city]) => zoneIdWords(zone) === city,
    );
    expect(same).toEqual([]);
  });
});
