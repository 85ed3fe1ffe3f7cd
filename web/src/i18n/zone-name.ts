// A time zone in words for people, never its IANA code (QA: headers read «AMERICA/MEXICO_CITY»).
// The one helper of the web app for it; emails have theirs (src/notifications/templates/format.ts).
// Pure (Intl only), so the unit tier tests it.

/** The UI languages (`Language` of i18n-context.tsx, kept here so the unit tier reads no JSX). */
type Language = 'es-MX' | 'en';

/** The zones the clients use, named as people there say it (Intl's «hora estándar central» is not). */
const ZONE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
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
  UTC: ['hora UTC', 'UTC'],
  'Etc/UTC': ['hora UTC', 'UTC'],
};

/**
 * The zone's name: the table's for the zones above, else Intl's generic long name in the
 * language («hora del Pacífico» / «Pacific Time»), else its city («hora de Kolkata»). Spanish
 * starts lower case, to sit inside a sentence; {@link zoneTitle} for a label of its own.
 */
export function zoneName(timeZone: string, language: Language): string {
  const en = language === 'en';
  const known = ZONE_NAMES[timeZone];
  if (known) return en ? known[1] : known[0];
  const intl = zonePart(timeZone, language, 'longGeneric');
  if (intl && !/^(GMT|UTC)/.test(intl)) return intl;
  const city = (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
  return en ? `${city} time` : `hora de ${city}`;
}

/**
 * The zone's offset from UTC at `at` («UTC−6», «UTC+5:30», «UTC»), with a true minus sign. A
 * zone with daylight saving time has the offset of that moment.
 */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  const gmt = zonePart(timeZone, 'en', 'shortOffset', at) ?? 'GMT';
  return gmt.replace(/^GMT/, 'UTC').replace('-', '−');
}

/** «hora de la Ciudad de México (UTC−6)» / «Mexico City time (UTC−6)»; UTC itself is «UTC». */
export function zoneLabel(timeZone: string, language: Language, at: Date = new Date()): string {
  const name = zoneName(timeZone, language);
  const offset = zoneOffset(timeZone, at);
  return name === 'UTC' || name === 'hora UTC' ? 'UTC' : `${name} (${offset})`;
}

/** {@link zoneLabel} starting upper case, for a label or heading of its own. */
export function zoneTitle(timeZone: string, language: Language, at: Date = new Date()): string {
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
    // Not a zone this browser knows: the caller words it from the name.
    return undefined;
  }
}
