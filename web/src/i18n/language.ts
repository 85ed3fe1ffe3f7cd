/** The UI languages: Spanish (Mexico) first, English second. */
export type Language = 'es-MX' | 'en';
