import { numberFormat } from '../../../src/shared/intl-formats';

/**
 * Hours with their sign, as every hours screen writes a movement: «+12.5 h», «−2.5 h» (a true
 * minus sign, as the ledger's reasons and the zone names write it, not a hyphen), «0 h».
 * `unit: false` leaves out the « h» for a sentence that says it.
 */
export function signedHours(language: string, hours: number, unit = true): string {
  // One formatter per UI language, made once: a ledger page formats a figure per row.
  const figure = numberFormat(language, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })
    .format(hours)
    .replace('-', '−');
  return unit ? `${figure} h` : figure;
}
