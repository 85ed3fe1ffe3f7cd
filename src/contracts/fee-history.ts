import { PolicyEventKind } from './contract-enums';

/** The part of a support-policy event (`support_policy_event`) that says which fee it set. */
export interface FeeEvent {
  readonly kind: PolicyEventKind;
  readonly at: Date;
  /** CREATED: `{ monthlyFee }`; TERMS_CHANGED: `{ monthlyFee: { from, to } }` when the fee moved. */
  readonly data: Record<string, unknown>;
}

/**
 * L3-03: the monthly fee in force for a month, from the policy's append-only history, so a past
 * month keeps the fee it was billed at after the terms change. The fee in force when the month
 * began counts (fees are agreed per month, ahead); a month that began before the policy was
 * recorded gets the first fee. `events` in the order they were appended; `currentFee` answers
 * only when the history names no fee at all. Amounts as `'15000.00'`.
 */
export function feeInForce(
  events: readonly FeeEvent[],
  monthStart: Date,
  currentFee: string,
): string {
  let first: string | null = null;
  let inForce: string | null = null;
  for (const e of events) {
    const fee = feeSetBy(e);
    if (!fee) continue;
    first ??= fee.from ?? fee.to;
    if (e.at.getTime() <= monthStart.getTime()) inForce = fee.to;
  }
  return money(inForce ?? first ?? currentFee);
}

function feeSetBy(e: FeeEvent): { from: string | null; to: string } | null {
  const fee = e.data.monthlyFee;
  if (e.kind === PolicyEventKind.CREATED && isAmount(fee)) return { from: null, to: String(fee) };
  if (e.kind === PolicyEventKind.TERMS_CHANGED && fee && typeof fee === 'object') {
    const { from, to } = fee as { from?: unknown; to?: unknown };
    if (isAmount(to)) return { from: isAmount(from) ? String(from) : null, to: String(to) };
  }
  return null;
}

function isAmount(value: unknown): value is string | number {
  return (typeof value === 'number' || typeof value === 'string') && Number.isFinite(Number(value));
}

function money(amount: string): string {
  return Number(amount).toFixed(2);
}
