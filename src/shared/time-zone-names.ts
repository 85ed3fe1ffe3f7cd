// A time zone in words for people, never its IANA code (QA: headers read «AMERICA/MEXICO_CITY»).
// The one rule for it: the web app (web/src/i18n/zone-name.ts), the emails
// (src/notifications/templates/format.ts) and the API's «¿Por qué esta fecha?» lines
// (src/business-time/calendars/explanation-text.ts) all name a zone here, so a reader sees one
// name for a zone everywhere. Pure (Intl only, no Node, DOM or Nest): Vite bundles it into the
// web app by a relative path and tsc builds it into dist/src/shared for the server.

/** The languages zones are named in: the web app's `Language` and the server's `Locale` values. */
export type ZoneLanguage = 'es-MX' | 'en';

/**
 * The zones the clients use, named as people there say it (Intl's «hora estándar central» is
 * not): Mexico's zones by their city, the rest of Latin America by its country. [es-MX, en].
 */
export const ZONE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  'America/Mexico_City': ['hora de la Ciudad de México', 'Mexico City time'],
  'America/Monterrey': ['hora de Monterrey', 'Monterrey time'],
  'America/Merida': ['hora de Mérida', 'Mérida time'],
  'America/Cancun': ['hora de Cancún', 'Cancún time'],
  'America/Chihuahua': ['hora de Chihuahua', 'Chihuahua time'],
  'America/Ciudad_Juarez': ['hora de Ciudad Juárez', 'Ciudad Juárez time'],
  'America/Mazatlan': ['hora de Mazatlán', 'Mazatlán time'],
  'America/Hermosillo': ['hora de Hermosillo', 'Hermosillo time'],
  'America/Tijuana': ['hora de Tijuana', 'Tijuana time'],
  'America/Matamoros': ['hora de Matamoros', 'Matamoros time'],
  'America/Guatemala': ['hora de Guatemala', 'Guatemala time'],
  'America/El_Salvador': ['hora de El Salvador', 'El Salvador time'],
  'America/Tegucigalpa': ['hora de Honduras', 'Honduras time'],
  'America/Managua': ['hora de Nicaragua', 'Nicaragua time'],
  'America/Costa_Rica': ['hora de Costa Rica', 'Costa Rica time'],
  'America/Panama': ['hora de Panamá', 'Panama time'],
  'America/Havana': ['hora de Cuba', 'Cuba time'],
  'America/Santo_Domingo': ['hora de República Dominicana', 'Dominican Republic time'],
  'America/Puerto_Rico': ['hora de Puerto Rico', 'Puerto Rico time'],
  'America/Bogota': ['hora de Colombia', 'Colombia time'],
  'America/Caracas': ['hora de Venezuela', 'Venezuela time'],
  'America/Guayaquil': ['hora de Ecuador', 'Ecuador time'],
  'America/Lima': ['hora de Perú', 'Peru time'],
  'America/La_Paz': ['hora de Bolivia', 'Bolivia time'],
  'America/Santiago': ['hora de Chile', 'Chile time'],
  'America/Argentina/Buenos_Aires': ['hora de Argentina', 'Argentina time'],
  'America/Buenos_Aires': ['hora de Argentina', 'Argentina time'],
  'America/Montevideo': ['hora de Uruguay', 'Uruguay time'],
  'America/Asuncion': ['hora de Paraguay', 'Paraguay time'],
  'America/Sao_Paulo': ['hora de Brasilia', 'Brasília time'],
  UTC: ['hora UTC', 'UTC'],
  'Etc/UTC': ['hora UTC', 'UTC'],
};

/**
 * The zone's name: the table's for the zones above, else Intl's generic long name in the
 * language («hora del Pacífico» / «Pacific Time»), else its city («hora de Kolkata»). Spanish
 * starts lower case, to sit inside a sentence; {@link zoneTitle} for a label of its own.
 */
export function zoneName(timeZone: string, language: ZoneLanguage): string {
  const en = language === 'en';
  const known = ZONE_NAMES[timeZone];
  if (known) return en ? known[1] : known[0];
  const intl = zonePart(timeZone, language, 'longGeneric');
  if (intl && !/^(GMT|UTC)/.test(intl)) return intl;
  const city = zoneCity(timeZone);
  return en ? `${city} time` : `hora de ${city}`;
}

/** The last part of the IANA id in words: `America/Argentina/Buenos_Aires` → «Buenos Aires». */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}

/**
 * The zone's offset from UTC at `at` («UTC−6», «UTC+5:30», «UTC»), with a true minus sign. A
 * zone with daylight saving time has the offset of that moment.
 */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  const gmt = zonePart(timeZone, 'en', 'shortOffset', at) ?? 'GMT';
  return gmt.replace(/^GMT/, 'UTC').replace('-', '−');
}

/** The ids of UTC itself. */
const UTC_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC']);

/**
 * Whether the zone is UTC itself, which every label names «UTC» alone: it has no offset from
 * itself, and «hora UTC (UTC)» says it twice.
 */
export function isUtcZone(timeZone: string): boolean {
  return UTC_ZONES.has(timeZone);
}

/** «hora de la Ciudad de México (UTC−6)» / «Mexico City time (UTC−6)»; UTC itself is «UTC». */
export function zoneLabel(timeZone: string, language: ZoneLanguage, at: Date = new Date()): string {
  if (isUtcZone(timeZone)) return 'UTC';
  return `${zoneName(timeZone, language)} (${zoneOffset(timeZone, at)})`;
}

/** {@link zoneLabel} starting upper case, for a label or heading of its own. */
export function zoneTitle(timeZone: string, language: ZoneLanguage, at: Date = new Date()): string {
  const label = zoneLabel(timeZone, language, at);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function zonePart(
  timeZone: string,
  language: string,
  style: 'longGeneric' | 'shortOffset',
  at: Date = new Date(0),
): string | undefined {
  try {
    return new Intl.DateTimeFormat(language, { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    // Not a zone this runtime knows: the caller words it from the name.
    return undefined;
  }
}
