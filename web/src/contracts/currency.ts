import type { Language } from '../i18n/i18n-context';

/**
 * Whether `code` is an ISO 4217 currency code this browser knows: «MXN», «usd»; not a typo like
 * «MNX», which the API would store (it checks three capitals only) and every statement would show.
 */
export function isKnownCurrency(code: string): boolean {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper)) return false;
  // A browser without the list takes any three letters, as the API does.
  return typeof Intl.supportedValuesOf === 'function'
    ? Intl.supportedValuesOf('currency').includes(upper)
    : true;
}

/** Why a currency code is refused, in the UI language. */
export function unknownCurrencyText(language: Language, code: string): string {
  const shown = code.trim().toUpperCase();
  return language === 'en'
    ? `“${shown}” is not a known currency: type its ISO 4217 code, e.g. MXN or USD.`
    : `«${shown}» no es una moneda conocida: escribe su código ISO 4217, p. ej. MXN o USD.`;
}
