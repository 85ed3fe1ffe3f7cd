import type { LedgerBalance } from './ledger-rules';
import { toHours } from './hours';
import { isLowBalance, lowBalanceThreshold } from './low-balance';

/** A ticket's reservation, in hours. */
export interface TicketHoldView {
  readonly ticketNumber: string;
  readonly estimateVersion: number | null;
  readonly reservedHours: number;
  readonly consumedHours: number;
}

/** A client's prepaid hours, in hours (L3-13: nothing expires). */
export interface HourBalanceView {
  readonly organizationId: string;
  readonly purchased: number;
  readonly consumed: number;
  readonly adjustments: number;
  readonly balance: number;
  readonly reserved: number;
  readonly available: number;
  /** L3-13: the available hours under which the client is warned (10 % of purchased, ≥ 5 h). */
  readonly lowBalanceThreshold: number;
  /** `available` is under `lowBalanceThreshold`. */
  readonly lowBalance: boolean;
  /** Tickets with an outstanding reservation. */
  readonly reservations: readonly TicketHoldView[];
}

export function toBalanceView(organizationId: string, b: LedgerBalance): HourBalanceView {
  return {
    organizationId,
    purchased: toHours(b.purchased),
    consumed: toHours(b.consumed),
    adjustments: toHours(b.adjustments),
    balance: toHours(b.balance),
    reserved: toHours(b.reserved),
    available: toHours(b.available),
    lowBalanceThreshold: toHours(lowBalanceThreshold(b)),
    lowBalance: isLowBalance(b),
    reservations: [...b.tickets.values()]
      .filter((t) => t.held > 0)
      .sort((x, y) => x.ticketNumber.localeCompare(y.ticketNumber))
      .map((t) => ({
        ticketNumber: t.ticketNumber,
        estimateVersion: t.estimateVersion,
        reservedHours: toHours(t.held),
        consumedHours: toHours(t.consumed),
      })),
  };
}
