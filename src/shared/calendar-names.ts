// A calendar's name as a reader sees it. The default calendar is seeded by a migration
// (1764317000000-calendars) with a Spanish name; English readers saw it verbatim (QA S14-F). Its
// seeded name is shown in the reader's language; any other name is the one an administrator
// wrote, shown as written (also the default calendar once an administrator renames it). Pure (no
// Node, DOM or Nest): Vite bundles it into the web app (web/src/i18n/calendar-name.ts) and tsc
// builds it into dist/src/shared for the server.

/** The languages a calendar name is shown in: the web app's `Language` and the server's `Locale`. */
export type CalendarNameLanguage = 'es-MX' | 'en';

/** The name the migration gives the default calendar (Spanish). Never change: rows hold it. */
export const SEEDED_DEFAULT_CALENDAR_NAME =
  'México (CDMX), lunes a viernes 09:00–18:00, LFT art. 74';

/** The seeded name in each language. */
const SEEDED_NAMES: Readonly<Record<CalendarNameLanguage, string>> = {
  'es-MX': SEEDED_DEFAULT_CALENDAR_NAME,
  en: 'Mexico (Mexico City), Monday to Friday 09:00–18:00, LFT art. 74',
};

/**
 * `name` for a reader of `language`: the seeded default calendar's name in their language; any
 * name an administrator wrote, as written.
 */
export function calendarDisplayName(name: string, language: CalendarNameLanguage): string {
  return name === SEEDED_DEFAULT_CALENDAR_NAME ? SEEDED_NAMES[language] : name;
}
