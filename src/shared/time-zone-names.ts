import { dateTimeFormat } from './intl-formats';

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
 * These differ from CLDR's exemplar cities on purpose: a country is how people there name their
 * time («hora de Colombia», not «hora de Bogotá»), and Mexico City takes its article as it is
 * said («hora de la Ciudad de México»). The Mexican cities are spelled as CLDR spells them.
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
 * The English name of a zone's city where it is not the IANA id's words: Unicode CLDR's English
 * exemplar city, so an old id reads as the place is called now («Asia/Calcutta» → «Kolkata»,
 * «Europe/Kiev» → «Kyiv», «America/Coral_Harbour» → «Atikokan») and a place keeps its accents
 * («Mérida», «Bogotá»). Checked against CLDR 48 (test/unit/fixtures/cldr-en-exemplar-cities.ts).
 * The last three name current ids a zone may be stored under as CLDR names the id Intl lists.
 */
export const ZONE_CITIES_EN: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Asmara',
  'Africa/El_Aaiun': 'El Aaiún',
  'Africa/Lome': 'Lomé',
  'Africa/Ndjamena': 'N’Djamena',
  'Africa/Sao_Tome': 'São Tomé',
  'America/Araguaina': 'Araguaína',
  'America/Argentina/Rio_Gallegos': 'Río Gallegos',
  'America/Argentina/Tucuman': 'Tucumán',
  'America/Asuncion': 'Asunción',
  'America/Bahia_Banderas': 'Bahía de Banderas',
  'America/Belem': 'Belém',
  'America/Bogota': 'Bogotá',
  'America/Cancun': 'Cancún',
  'America/Ciudad_Juarez': 'Ciudad Juárez',
  'America/Coral_Harbour': 'Atikokan',
  'America/Cordoba': 'Córdoba',
  'America/Cuiaba': 'Cuiabá',
  'America/Curacao': 'Curaçao',
  'America/Eirunepe': 'Eirunepé',
  'America/Godthab': 'Nuuk',
  'America/Indiana/Knox': 'Knox, Indiana',
  'America/Indiana/Marengo': 'Marengo, Indiana',
  'America/Indiana/Petersburg': 'Petersburg, Indiana',
  'America/Indiana/Tell_City': 'Tell City, Indiana',
  'America/Indiana/Vevay': 'Vevay, Indiana',
  'America/Indiana/Vincennes': 'Vincennes, Indiana',
  'America/Indiana/Winamac': 'Winamac, Indiana',
  'America/Kentucky/Monticello': 'Monticello, Kentucky',
  'America/Lower_Princes': 'Lower Prince’s Quarter',
  'America/Maceio': 'Maceió',
  'America/Mazatlan': 'Mazatlán',
  'America/Merida': 'Mérida',
  'America/Miquelon': 'Saint-Pierre',
  'America/Noronha': 'Fernando de Noronha',
  'America/North_Dakota/Beulah': 'Beulah, North Dakota',
  'America/North_Dakota/Center': 'Center, North Dakota',
  'America/North_Dakota/New_Salem': 'New Salem, North Dakota',
  'America/Santarem': 'Santarém',
  'America/Sao_Paulo': 'São Paulo',
  'America/Scoresbysund': 'Ittoqqortoormiit',
  'America/St_Barthelemy': 'St. Barthélemy',
  'America/St_Johns': 'St. John’s',
  'America/St_Kitts': 'St. Kitts',
  'America/St_Lucia': 'St. Lucia',
  'America/St_Thomas': 'St. Thomas',
  'America/St_Vincent': 'St. Vincent',
  'Antarctica/Casey': 'Casey Station',
  'Antarctica/DumontDUrville': 'Dumont d’Urville Station',
  'Antarctica/Macquarie': 'Macquarie Island',
  'Antarctica/Mawson': 'Mawson Station',
  'Antarctica/McMurdo': 'McMurdo Station',
  'Antarctica/Palmer': 'Palmer Land',
  'Antarctica/Rothera': 'Rothera Station',
  'Antarctica/Syowa': 'Showa Station',
  'Antarctica/Troll': 'Troll Station',
  'Antarctica/Vostok': 'Vostok Station',
  'Asia/Aqtau': 'Aktau',
  'Asia/Calcutta': 'Kolkata',
  'Asia/Hovd': 'Khovd',
  'Asia/Katmandu': 'Kathmandu',
  'Asia/Macau': 'Macao',
  'Asia/Qostanay': 'Kostanay',
  'Asia/Qyzylorda': 'Kyzylorda',
  'Asia/Rangoon': 'Yangon',
  'Asia/Saigon': 'Ho Chi Minh City',
  'Asia/Urumqi': 'Ürümqi',
  'Atlantic/Canary': 'Canaries',
  'Atlantic/Faeroe': 'Faroes',
  'Atlantic/St_Helena': 'St. Helena',
  'Australia/Lord_Howe': 'Lord Howe Island',
  'Europe/Busingen': 'Büsingen',
  'Europe/Chisinau': 'Chișinău',
  'Europe/Kiev': 'Kyiv',
  'Europe/Tirane': 'Tirana',
  'Indian/Chagos': 'Chagos Archipelago',
  'Indian/Christmas': 'Christmas Island',
  'Indian/Cocos': 'Cocos Islands',
  'Indian/Comoro': 'Comoros',
  'Indian/Kerguelen': 'Kerguelen Islands',
  'Indian/Mahe': 'Mahé',
  'Indian/Reunion': 'Réunion',
  'Pacific/Chatham': 'Chatham Islands',
  'Pacific/Easter': 'Easter Island',
  'Pacific/Enderbury': 'Canton Island',
  'Pacific/Galapagos': 'Galápagos Islands',
  'Pacific/Kwajalein': 'Kwajalein Atoll',
  'Pacific/Marquesas': 'Marquesas Islands',
  'Pacific/Midway': 'Midway Atoll',
  'Pacific/Norfolk': 'Norfolk Island',
  'Pacific/Noumea': 'Nouméa',
  'Pacific/Pitcairn': 'Pitcairn Islands',
  'Pacific/Ponape': 'Pohnpei',
  'Pacific/Truk': 'Chuuk',
  'Pacific/Wake': 'Wake Island',
  'Pacific/Wallis': 'Wallis & Futuna',
  'Atlantic/Faroe': 'Faroes',
  'Asia/Ho_Chi_Minh': 'Ho Chi Minh City',
  'Pacific/Kanton': 'Canton Island',
};

/**
 * The Spanish name of a zone's city where it is not the IANA id's English word: Unicode CLDR's
 * exemplar city for es-MX (which inherits es-419, then es), «Puerto España», not «Port of Spain».
 * A city missing here reads the same in both languages (Chicago, Madrid). Checked against CLDR
 * 48 (test/unit/fixtures/cldr-es-mx-exemplar-cities.ts); the few names that differ on purpose say
 * why beside them.
 */
export const ZONE_CITIES_ES: Readonly<Record<string, string>> = {
  // Mexico's and Latin America's zones are named by ZONE_NAMES («hora de la Ciudad de México»,
  // «hora de Colombia»); their cities are CLDR's for the «hora de …» words built from a city.
  'America/Mexico_City': 'Ciudad de México',
  'America/Merida': 'Mérida',
  'America/Cancun': 'Cancún',
  'America/Ciudad_Juarez': 'Ciudad Juárez',
  'America/Mazatlan': 'Mazatlán',
  'America/Panama': 'Panamá',
  'America/Havana': 'La Habana',
  'America/Bogota': 'Bogotá',
  'America/Asuncion': 'Asunción',
  'America/Sao_Paulo': 'São Paulo',
  'Pacific/Tahiti': 'Tahití',
  'America/Los_Angeles': 'Los Ángeles',
  'Pacific/Galapagos': 'Galápagos',
  'America/North_Dakota/Center': 'Center, Dakota del Norte',
  'America/North_Dakota/New_Salem': 'New Salem, Dakota del Norte',
  'America/North_Dakota/Beulah': 'Beulah, Dakota del Norte',
  'America/Belize': 'Belice',
  'America/Bahia_Banderas': 'Bahía de Banderas',
  'America/Indiana/Knox': 'Knox, Indiana',
  'America/Indiana/Tell_City': 'Tell City, Indiana',
  'America/Indiana/Petersburg': 'Petersburg, Indiana',
  'America/Indiana/Marengo': 'Marengo, Indiana',
  'America/Indiana/Vevay': 'Vevay, Indiana',
  'America/Indiana/Vincennes': 'Vincennes, Indiana',
  'America/Indiana/Winamac': 'Winamac, Indiana',
  'America/Kentucky/Monticello': 'Monticello, Kentucky',
  'Pacific/Easter': 'Isla de Pascua',
  'America/Eirunepe': 'Eirunepé',
  'America/Cayman': 'Caimán',
  'America/Coral_Harbour': 'Atikokan',
  'America/Grand_Turk': 'Gran Turca',
  'America/Port-au-Prince': 'Puerto Príncipe',
  'America/New_York': 'Nueva York',
  'America/Indianapolis': 'Indianápolis',
  'America/Nassau': 'Nasáu',
  'America/Cuiaba': 'Cuiabá',
  'America/Manaus': 'Manaos',
  'America/Anguilla': 'Anguila',
  'Atlantic/Bermuda': 'Bermudas',
  'America/Curacao': 'Curazao',
  'America/Grenada': 'Granada',
  'America/Guadeloupe': 'Guadalupe',
  'America/Lower_Princes': 'Lower Prince’s Quarter',
  'America/Martinique': 'Martinica',
  'America/Port_of_Spain': 'Puerto España',
  'America/St_Barthelemy': 'San Bartolomé',
  'America/St_Kitts': 'San Cristóbal',
  'America/St_Lucia': 'Santa Lucía',
  // es-419's name. es-MX alone goes back to the English «St. Thomas», the English abbreviation
  // QA S15 flagged in a Spanish label; es-419 and the rest of the table say it in Spanish.
  'America/St_Thomas': 'Santo Tomás',
  'America/St_Vincent': 'San Vicente',
  'America/Tortola': 'Tórtola',
  'America/St_Johns': 'San Juan de Terranova',
  'America/Cayenne': 'Cayena',
  'America/Cordoba': 'Córdoba',
  'America/Argentina/Rio_Gallegos': 'Río Gallegos',
  'America/Argentina/Tucuman': 'Tucumán',
  'America/Araguaina': 'Araguaína',
  'America/Bahia': 'Bahía',
  'America/Belem': 'Belén',
  'America/Maceio': 'Maceió',
  'America/Santarem': 'Santarém',
  'America/Noronha': 'Fernando de Noronha',
  'America/Miquelon': 'Miquelón',
  'Atlantic/South_Georgia': 'Georgia del Sur',
  'America/Scoresbysund': 'Ittoqqortoormiit',
  'America/Godthab': 'Nuuk',
  'America/Nuuk': 'Nuuk',
  'Atlantic/Cape_Verde': 'Cabo Verde',
  'Africa/Bissau': 'Bisáu',
  'Europe/Dublin': 'Dublín',
  'Europe/Isle_of_Man': 'Isla de Man',
  'Europe/London': 'Londres',
  'Africa/Abidjan': 'Abiyán',
  'Africa/Accra': 'Acra',
  'Africa/Conakry': 'Conakri',
  'Africa/Lome': 'Lomé',
  'Africa/Nouakchott': 'Nuakchot',
  'Africa/Ouagadougou': 'Uagadugú',
  'Atlantic/Reykjavik': 'Reikiavik',
  'Africa/Sao_Tome': 'Santo Tomé',
  'Atlantic/St_Helena': 'Santa Elena',
  'Europe/Lisbon': 'Lisboa',
  'Atlantic/Canary': 'Islas Canarias',
  'Atlantic/Faeroe': 'Islas Feroe',
  'Atlantic/Faroe': 'Islas Feroe',
  'Africa/Douala': 'Duala',
  'Africa/Ndjamena': 'Yamena',
  'Africa/Porto-Novo': 'Portonovo',
  'Europe/Rome': 'Roma',
  'Europe/Vatican': 'El Vaticano',
  'Africa/El_Aaiun': 'El Aaiún',
  'Europe/Amsterdam': 'Ámsterdam',
  'Europe/Belgrade': 'Belgrado',
  'Europe/Berlin': 'Berlín',
  'Europe/Brussels': 'Bruselas',
  'Europe/Busingen': 'Büsingen',
  'Europe/Copenhagen': 'Copenhague',
  'Europe/Ljubljana': 'Liubliana',
  'Europe/Luxembourg': 'Luxemburgo',
  'Europe/Monaco': 'Mónaco',
  'Europe/Paris': 'París',
  'Europe/Prague': 'Praga',
  'Europe/Skopje': 'Skopie',
  'Europe/Stockholm': 'Estocolmo',
  'Europe/Tirane': 'Tirana',
  'Africa/Tunis': 'Túnez',
  'Europe/Vienna': 'Viena',
  'Europe/Warsaw': 'Varsovia',
  'Europe/Zurich': 'Zúrich',
  'Africa/Algiers': 'Argel',
  'Africa/Bujumbura': 'Buyumbura',
  'Africa/Cairo': 'El Cairo',
  'Antarctica/Syowa': 'Showa',
  'Africa/Johannesburg': 'Johannesburgo',
  'Africa/Khartoum': 'Jartum',
  'Europe/Athens': 'Atenas',
  'Europe/Bucharest': 'Bucarest',
  'Europe/Sofia': 'Sofía',
  'Africa/Tripoli': 'Trípoli',
  'Asia/Hebron': 'Hebrón',
  'Asia/Jerusalem': 'Jerusalén',
  'Europe/Chisinau': 'Chisináu',
  'Europe/Kaliningrad': 'Kaliningrado',
  'Europe/Kiev': 'Kiev',
  'Europe/Tallinn': 'Tallin',
  'Europe/Vilnius': 'Vilna',
  'Africa/Addis_Ababa': 'Adís Abeba',
  'Africa/Asmera': 'Asmara',
  'Indian/Comoro': 'Comoras',
  'Africa/Dar_es_Salaam': 'Dar es-Salaam',
  'Africa/Djibouti': 'Yibuti',
  'Africa/Mogadishu': 'Mogadiscio',
  'Asia/Damascus': 'Damasco',
  'Europe/Kirov': 'Kírov',
  'Europe/Volgograd': 'Volgogrado',
  'Asia/Aden': 'Adén',
  'Asia/Baghdad': 'Bagdad',
  'Asia/Riyadh': 'Riad',
  'Asia/Qatar': 'Catar',
  'Asia/Amman': 'Ammán',
  'Europe/Istanbul': 'Estambul',
  'Europe/Moscow': 'Moscú',
  'Europe/Simferopol': 'Simferópol',
  'Asia/Bahrain': 'Baréin',
  'Asia/Tehran': 'Teherán',
  'Asia/Yerevan': 'Ereván',
  'Europe/Astrakhan': 'Astracán',
  'Asia/Baku': 'Bakú',
  'Asia/Tbilisi': 'Tiflis',
  'Indian/Reunion': 'Reunión',
  'Europe/Saratov': 'Sarátov',
  'Indian/Mahe': 'Mahé',
  'Europe/Ulyanovsk': 'Uliánovsk',
  'Indian/Mauritius': 'Mauricio',
  'Asia/Dubai': 'Dubái',
  'Asia/Muscat': 'Mascate',
  'Asia/Aqtau': 'Aktau',
  'Asia/Aqtobe': 'Aktobé',
  'Asia/Almaty': 'Almatý',
  'Asia/Atyrau': 'Atirau',
  'Asia/Yekaterinburg': 'Ekaterimburgo',
  'Asia/Qostanay': 'Kostanái',
  'Asia/Qyzylorda': 'Kyzylorda',
  'Indian/Maldives': 'Maldivas',
  'Asia/Samarkand': 'Samarcanda',
  'Asia/Dushanbe': 'Dusambé',
  'Asia/Ashgabat': 'Asjabad',
  'Asia/Tashkent': 'Taskent',
  'Asia/Calcutta': 'Calcuta',
  'Asia/Kolkata': 'Calcuta',
  'Asia/Katmandu': 'Katmandú',
  'Asia/Kathmandu': 'Katmandú',
  'Asia/Dhaka': 'Daca',
  'Asia/Thimphu': 'Timbu',
  'Asia/Urumqi': 'Ürümqi',
  // CLDR says «Yangón (Rangún)»; the label already ends in «(UTC+6:30)», and a second pair of
  // parentheses reads badly. Yangón is the city's name today; Rangún is the old one.
  'Asia/Rangoon': 'Yangón',
  'Asia/Yangon': 'Yangón',
  'Asia/Barnaul': 'Barnaúl',
  'Asia/Hovd': 'Khovd',
  'Asia/Vientiane': 'Vientián',
  'Asia/Jakarta': 'Yakarta',
  'Indian/Christmas': 'Navidad',
  'Asia/Saigon': 'Ciudad Ho Chi Minh',
  'Asia/Ho_Chi_Minh': 'Ciudad Ho Chi Minh',
  'Asia/Brunei': 'Brunéi',
  'Asia/Makassar': 'Makasar',
  'Asia/Macau': 'Macao',
  'Asia/Singapore': 'Singapur',
  'Asia/Shanghai': 'Shanghái',
  'Asia/Taipei': 'Taipéi',
  'Asia/Ulaanbaatar': 'Ulán Bator',
  'Pacific/Palau': 'Palaos',
  'Asia/Seoul': 'Seúl',
  'Asia/Tokyo': 'Tokio',
  'Asia/Chita': 'Chitá',
  'Pacific/Truk': 'Chuuk',
  'Pacific/Chuuk': 'Chuuk',
  'Antarctica/DumontDUrville': 'Dumont-d’Urville',
  'Pacific/Saipan': 'Saipán',
  'Australia/Adelaide': 'Adelaida',
  'Pacific/Ponape': 'Pohnpei',
  'Pacific/Pohnpei': 'Pohnpei',
  'Australia/Sydney': 'Sídney',
  'Asia/Magadan': 'Magadán',
  'Asia/Srednekolymsk': 'Srednekolimsk',
  'Pacific/Noumea': 'Numea',
  'Asia/Sakhalin': 'Sajalín',
  'Pacific/Fiji': 'Fiyi',
  'Pacific/Wallis': 'Wallis & Futuna',
  'Asia/Anadyr': 'Anádyr',
  'Pacific/Enderbury': 'Isla Kanton',
  'Pacific/Kanton': 'Isla Kanton',
};

/**
 * The zone's name: the table's for the zones above, else Intl's generic long name in the
 * language («hora del Pacífico» / «Pacific Time»), else its city («hora de Kolkata»). Spanish
 * starts lower case, to sit inside a sentence; {@link zoneTitle} for a label of its own.
 */
export function zoneName(timeZone: string, language: ZoneLanguage, at: Date = new Date()): string {
  const en = language === 'en';
  const known = ZONE_NAMES[timeZone];
  if (known) return en ? known[1] : known[0];
  // The name at `at`, today's by default (QA S43): at 1970, the instant it was asked at once, Kyiv
  // and Riga were «hora estándar de Moscú», Lisbon «de Europa central».
  const intl = zonePart(timeZone, language, 'longGeneric', at);
  const city = zoneCity(timeZone, language);
  // A browser's ICU may name the zone by its id's old place («hora de Godthab», QA S60): the
  // place as it is called now, as the city table has it («hora de Nuuk»). Not when the id's place
  // is part of the city's name («Fernando de Noronha», «Wallis & Futuna»: QA S60b).
  if (intl && !/^(GMT|UTC)/.test(intl)) {
    const idWords = zoneIdWords(timeZone);
    return city.includes(idWords) ? intl : intl.replace(idWords, city);
  }
  return en ? `${city} time` : `hora de ${city}`;
}

/**
 * The zone's city in words: the last part of the IANA id (`America/Argentina/Buenos_Aires` →
 * «Buenos Aires»), in Spanish from {@link ZONE_CITIES_ES} where the id's English word differs
 * (QA S15: the Spanish picker read «… — Port of Spain», «… — Isle of Man»), in English from
 * {@link ZONE_CITIES_EN} where CLDR's name differs from the id's (S16: «Coral Harbour»).
 */
export function zoneCity(timeZone: string, language: ZoneLanguage = 'en'): string {
  const table = language === 'en' ? ZONE_CITIES_EN : ZONE_CITIES_ES;
  return table[timeZone] ?? zoneIdWords(timeZone);
}

/** The IANA id's last part in words (`America/North_Dakota/New_Salem` → «New Salem»). */
export function zoneIdWords(timeZone: string): string {
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
  return `${zoneName(timeZone, language, at)} (${zoneOffset(timeZone, at)})`;
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
  at: Date,
): string | undefined {
  try {
    return dateTimeFormat(language, { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    // Not a zone this runtime knows: the caller words it from the name.
    return undefined;
  }
}
