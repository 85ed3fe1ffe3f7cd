import type { LedgerBalance } from './ledger-rules';

/** 5 h, in hundredths: the warning's floor for small packages. */
const FLOOR = 500;

/**
 * The available hours under which a client is warned (L3-12, L3-13): the contract is silent, so
 * 10 % of the hours purchased (net of reversed purchases; prepaid hours never expire, so every
 * package bought is current) or 5 h, whichever is larger. In hundredths.
 */
export function lowBalanceThreshold(b: Pick<LedgerBalance, 'purchased'>): number {
  return Math.max(FLOOR, Math.round(b.purchased / 10));
}

/** The client's available hours are under their warning threshold. */
export function isLowBalance(b: Pick<LedgerBalance, 'purchased' | 'available'>): boolean {
  return b.available < lowBalanceThreshold(b);
}

/**
 * A write took the available hours from at or above the threshold to under it: one crossing,
 * told once; staying low tells nothing more until a top-up lifts it and it falls again.
 */
export function crossedIntoLowBalance(
  before: Pick<LedgerBalance, 'purchased' | 'available'>,
  after: Pick<LedgerBalance, 'purchased' | 'available'>,
): boolean {
  return !isLowBalance(before) && isLowBalance(after);
}
