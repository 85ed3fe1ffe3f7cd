import type { LedgerEntry } from '../api/contracts';

// A manager's corrections of a client's prepaid hours (L3-13), as the ledger screen checks them
// before asking the API: the same rules as `adjustHours` and `reverseHourEntry`, so the screen
// offers only what the API accepts and says why not otherwise.

/** The API's bound on hours (`MAX_HOURS` in src/contracts/hours.ts). */
export const MAX_ADJUSTMENT_HOURS = 100_000;
/** The API's bound on a reason (`IsText`). */
export const MAX_REASON_LENGTH = 500;

export type AdjustmentCheck =
  | { readonly ok: false; readonly problem: 'HOURS_INVALID' | 'REASON_REQUIRED' }
  | {
      readonly ok: false;
      readonly problem: 'EXCEEDS_AVAILABLE';
      readonly hours: number;
      readonly available: number;
    }
  | {
      readonly ok: true;
      readonly hours: number;
      /** Available hours once applied. */
      readonly availableAfter: number;
      /**
       * Every adjustment is confirmed first with what stays available: taking hours away cannot
       * be undone except by a reversal, and a credit with a typo (100000 for 10) is hours given.
       */
      readonly confirm: boolean;
    };

/**
 * Checks an adjustment as typed: hours non-zero with at most 2 decimals (a comma is a decimal
 * point too), a reason that is not blank. Taking away more than the available hours is refused
 * here as the API refuses it (INSUFFICIENT_HOURS): the available hours never go negative.
 */
export function checkAdjustment(
  hoursText: string,
  reason: string,
  available: number,
): AdjustmentCheck {
  const typed = hoursText.trim().replace(',', '.');
  const hours = /^[-+−]?\d+(\.\d{1,2})?$/.test(typed) ? Number(typed.replace('−', '-')) : NaN;
  if (!Number.isFinite(hours) || hours === 0 || Math.abs(hours) > MAX_ADJUSTMENT_HOURS) {
    return { ok: false, problem: 'HOURS_INVALID' };
  }
  if (!reason.trim()) return { ok: false, problem: 'REASON_REQUIRED' };
  const after = Math.round(available * 100) + Math.round(hours * 100);
  if (hours < 0 && after < 0) {
    return { ok: false, problem: 'EXCEEDS_AVAILABLE', hours, available };
  }
  return { ok: true, hours, availableAfter: after / 100, confirm: true };
}

/** A reversal as the ledger screen checks it before asking (QA S57). */
export type ReversalCheck =
  | { readonly ok: true; readonly availableAfter: number }
  | { readonly ok: false; readonly takes: number; readonly available: number };

/**
 * What a reversal leaves available: the entry's effect on the available hours taken back. One
 * that would leave them negative (a purchase whose hours are partly held or used) is refused here
 * as the API refuses it, before the question rather than after «Sí, revertir».
 */
export function checkReversal(availableEffect: number, available: number): ReversalCheck {
  const after = Math.round(available * 100) - Math.round(availableEffect * 100);
  if (after < 0) return { ok: false, takes: availableEffect, available };
  return { ok: true, availableAfter: after / 100 };
}

/** Why a ledger row offers no «Revertir», or null when it does. */
export type ReversalBlock = 'REVERSED' | 'IS_REVERSAL' | 'FOLLOWS_ESTIMATE' | 'NOT_REVERSIBLE';

export function reversalBlock(
  entry: Pick<LedgerEntry, 'kind' | 'hours' | 'reversible' | 'reversedByEntryId'>,
): ReversalBlock | null {
  if (entry.reversible) return null;
  if (entry.reversedByEntryId) return 'REVERSED';
  switch (entry.kind) {
    case 'REVERSAL':
      return 'IS_REVERSAL';
    case 'RESERVATION':
    case 'RESERVATION_RELEASE':
      return 'FOLLOWS_ESTIMATE';
    default:
      return 'NOT_REVERSIBLE';
  }
}
