import type { LedgerEntry } from '../api/contracts';
import { dayInZone } from '../i18n/zoned-time';

/** A purchase's days: when the package was bought and, if another day, when it was recorded. */
export interface PurchaseDays {
  /** YYYY-MM-DD, as the package says. */
  readonly purchasedOn: string;
  /** YYYY-MM-DD in the reader's zone; null when it is the purchase day. */
  readonly recordedOn: string | null;
}

/**
 * L3-12, L3-13 (QA S22 F2): the monthly statement counts a purchase in the month of its purchase
 * date, so the ledger dates a purchase by it too (a package recorded today for January is not a
 * purchase of today); null for any other entry, which keeps the day it was recorded.
 */
export function purchaseDays(
  entry: Pick<LedgerEntry, 'kind' | 'reasonParts' | 'createdAt'>,
  timeZone: string,
): PurchaseDays | null {
  const { code, date } = entry.reasonParts;
  if (entry.kind !== 'PURCHASE' || code !== 'PACKAGE_PURCHASED' || !date) return null;
  const recordedOn = dayInZone(entry.createdAt, timeZone);
  return { purchasedOn: date, recordedOn: recordedOn === date ? null : recordedOn };
}
