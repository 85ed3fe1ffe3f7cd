// A holiday's name as a reader sees it. The rest days of LFT art. 74 are generated from rules
// (src/business-time/engine/mexico-holidays.ts) with Spanish names; English readers saw them
// verbatim («Año Nuevo», QA S15). Those exact generated names, from the MX_LFT_74 source, are shown
// in the reader's language; any holiday an administrator entered keeps the name written, even one
// that happens to read «Navidad». Pure (no Node, DOM or Nest), like calendar-names.ts: Vite
// bundles it into the web app and tsc builds it into dist/src/shared for the server.

import type { CalendarNameLanguage } from './calendar-names';

/** The source of the generated art. 74 days (MX_LFT_74 in the engine). */
const GENERATED_SOURCE = 'MX_LFT_74';

/** The generated names (Spanish, as the engine writes them) and their English words. */
export const SEEDED_HOLIDAY_NAMES_EN: Readonly<Record<string, string>> = {
  'Año Nuevo': 'New Year’s Day',
  'Día de la Constitución': 'Constitution Day',
  'Natalicio de Benito Juárez': 'Benito Juárez’s Birthday',
  'Día del Trabajo': 'Labor Day',
  'Día de la Independencia': 'Independence Day',
  'Día de la Revolución': 'Revolution Day',
  Navidad: 'Christmas Day',
  'Transmisión del Poder Ejecutivo Federal': 'Transfer of the Federal Executive Power',
};

const ENGLISH = new Map(Object.entries(SEEDED_HOLIDAY_NAMES_EN));

/**
 * `name` of a holiday from `source` for a reader of `language`: a generated art. 74 day's name in
 * their language; any other name as written.
 */
export function holidayDisplayName(
  name: string,
  source: string | null | undefined,
  language: CalendarNameLanguage,
): string {
  if (language !== 'en' || source !== GENERATED_SOURCE) return name;
  return ENGLISH.get(name) ?? name;
}
