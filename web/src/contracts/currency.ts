import type { Language } from '../i18n/i18n-context';

/**
 * Whether `code` is an ISO 4217 currency code this browser knows: «MXN», «usd»; not a typo like
 * «MNX», which every statement would show (the API refuses it too: `src/contracts/validation.ts`).
 */
export function isKnownCurrency(code: string): boolean {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper)) return false;
  // A browser without the list takes any three letters; the API still refuses an unknown code.
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
