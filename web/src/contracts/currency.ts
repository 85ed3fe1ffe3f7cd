import { ISO_4217_ACTIVE } from '../../../src/shared/iso-4217';
import type { Language } from '../i18n/i18n-context';

const KNOWN: ReadonlySet<string> = new Set(ISO_4217_ACTIVE);

/**
 * Whether `code` is an active ISO 4217 currency code: «MXN», «usd»; not a typo like «MNX», which
 * every statement would show. The API's table (`src/contracts/iso-4217.ts`), so the form and the
 * API agree whatever the browser's own list holds.
 */
export function isKnownCurrency(code: string): boolean {
  return KNOWN.has(code.trim().toUpperCase());
}

/** Why a currency code is refused, in the UI language. */
export function unknownCurrencyText(language: Language, code: string): string {
  const shown = code.trim().toUpperCase();
  return language === 'en'
    ? `“${shown}” is not a known currency: type its ISO 4217 code, e.g. MXN or USD.`
    : `«${shown}» no es una moneda conocida: escriba su código ISO 4217, p. ej. MXN o USD.`;
}
