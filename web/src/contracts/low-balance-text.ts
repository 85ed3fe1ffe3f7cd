/** What the notice needs of the balance (L3-13). */
export interface LowBalanceState {
  readonly available: number;
  readonly lowBalanceThreshold: number;
  readonly lowBalance: boolean;
}

/**
 * The notice's words when the client's available hours are under the warning threshold, else
 * null (L3-12, L3-13: the same crossing that emails the approvers and managers).
 */
export function lowBalanceText(
  balance: LowBalanceState | undefined,
  words: (available: number, threshold: number) => string,
): string | null {
  if (!balance?.lowBalance) return null;
  return words(balance.available, balance.lowBalanceThreshold);
}
