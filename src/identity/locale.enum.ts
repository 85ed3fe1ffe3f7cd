/** Language of a user's emails and screens; the stored value is the BCP 47 tag. */
export enum Locale {
  ES_MX = 'es-MX',
  EN = 'en',
}

export const DEFAULT_LOCALE = Locale.ES_MX;
export const DEFAULT_TIME_ZONE = 'America/Mexico_City';
