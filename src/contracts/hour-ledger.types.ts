import type { HourBalanceView } from './balance-view';
import type { WorkCategory } from './contract-enums';
import type { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import type { LedgerReason } from './hour-ledger-reason';
import type { TimeEntryEntity } from './time-entry.entity';

// Requests and results of HourLedgerService: the contract the ticket workflow's activities use.

export interface ReserveForEstimateRequest {
  readonly organizationId: string;
  readonly ticketNumber: string;
  readonly estimateVersion: number;
  /** The estimate's hours: the ticket's total authorized hours. */
  readonly hours: number;
  readonly category: WorkCategory;
  readonly actorId: string | null;
  /** e.g. `<workflowId>:<requestId>`; a retry with the same key changes nothing. */
  readonly idempotencyKey: string;
}

export interface ReservationResult {
  readonly ticketNumber: string;
  readonly estimateVersion: number;
  /** The ticket's outstanding reservation afterwards. */
  readonly reservedHours: number;
  /** The previous estimate's hold given back by this call. */
  readonly releasedHours: number;
  readonly replayed: boolean;
  readonly balance: HourBalanceView;
}

export interface LogTimeRequest {
  readonly organizationId: string;
  readonly ticketNumber: string;
  /** `YYYY-MM-DD` the work was done. */
  readonly date: string;
  readonly hours: number;
  readonly description: string;
  readonly agentId: string;
  /**
   * The agent's own IANA time zone (their profile's): `date` may be their today while the
   * ticket's calendar zone is still on the day before (see `lastWorkDate`).
   */
  readonly agentTimeZone: string;
  readonly idempotencyKey: string;
}

export interface LogTimeResult {
  readonly timeEntry: TimeEntryEntity;
  /** 0 on a no-charge ticket (L3-18). */
  readonly chargedHours: number;
  readonly replayed: boolean;
  readonly balance: HourBalanceView;
}

export interface ReleaseRequest {
  readonly ticketNumber: string;
  /** e.g. `ticketEndedReason('CLOSED')`. */
  readonly reason: LedgerReason;
  readonly idempotencyKey: string;
  readonly actorId?: string | null;
}

export interface ReleaseResult {
  readonly ticketNumber: string;
  readonly releasedHours: number;
  readonly replayed: boolean;
  /** Null when the ticket never touched the ledger. */
  readonly balance: HourBalanceView | null;
}

export interface PurchaseRequest {
  readonly organizationId: string;
  readonly hours: number;
  readonly purchasedOn: string;
  readonly reference: string;
  readonly price: number;
  readonly currency?: string;
  readonly actorId: string | null;
  /**
   * The purchaser's own IANA time zone (their profile's): `purchasedOn` may be their today while
   * the client's calendar zone is still on the day before (see `lastWorkDate`).
   */
  readonly actorTimeZone: string;
  readonly idempotencyKey?: string;
}

export interface LedgerEntryResult {
  readonly entry: HourLedgerEntryEntity;
  readonly replayed: boolean;
  readonly balance: HourBalanceView;
}
