import { Locale } from './locale.enum';

/** An account email (L3-04: invitation, reset, corrected address, changed password), rendered. */
export interface AccountEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly locale: Locale;
  readonly template: string;
}

/**
 * The language an account email is written in (Spanish unless the user chose English) and its
 * chooser of the two wordings: `t('Spanish', 'English')`.
 */
export function accountLanguage(recipientLocale: Locale): {
  locale: Locale;
  t: (es: string, en: string) => string;
} {
  const locale = recipientLocale === Locale.EN ? Locale.EN : Locale.ES_MX;
  return { locale, t: (es, en) => (locale === Locale.EN ? en : es) };
}
