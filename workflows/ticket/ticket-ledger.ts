import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Estimate, TicketView } from './ticket.contract';
import type { Refusal } from './ticket.contract';
import { fail } from './transitions';

const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && typeof (value as Refusal).reason === 'string';

// L3-12: an authorized estimate reserves its hours in the prepaid ledger; the unused rest is
// released when the ticket ends. Implemented in `src/tickets/ticket-ledger.activities.ts`.

export type LedgerWorkCategory =
  'QUESTION' | 'INCIDENT' | 'CONFIGURATION' | 'DEVELOPMENT' | 'TRAINING' | 'ADMIN_ACTION';

export interface ReserveHoursArgs {
  readonly ticketNumber: string;
  readonly organizationId: string;
  readonly estimateVersion: number;
  readonly hours: number;
  readonly category: LedgerWorkCategory;
  readonly actorId: string;
  readonly idempotencyKey: string;
}

export interface ReleaseHoursArgs {
  readonly ticketNumber: string;
  readonly reason: string;
  readonly idempotencyKey: string;
}

export interface TicketLedgerActivities {
  /** Refused with `ApplicationFailure` type VALIDATION_FAILED (e.g. INSUFFICIENT_HOURS). */
  reserveHours(args: ReserveHoursArgs): Promise<{ readonly reservedHours: number }>;
  releaseHours(args: ReleaseHoursArgs): Promise<{ readonly releasedHours: number }>;
}

const ledger = proxyActivities<TicketLedgerActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** The ledger's work category of a ticket: change requests are development work. */
export function workCategory(view: TicketView): LedgerWorkCategory {
  switch (view.requirementKind) {
    case 'CHANGE':
    case 'DEVELOPMENT':
      return 'DEVELOPMENT';
    case 'CONFIGURATION':
      return 'CONFIGURATION';
    case 'TRAINING':
      return 'TRAINING';
    default:
      return view.category;
  }
}

/** Reserves an estimate's hours before its authorization is recorded; a refusal keeps its code. */
export async function reserveEstimateHours(
  view: TicketView,
  estimate: Estimate,
  actorId: string,
  idempotencyKey: string,
): Promise<void> {
  try {
    await ledger.reserveHours({
      ticketNumber: view.ticketNumber,
      organizationId: view.clientOrgId,
      estimateVersion: estimate.version,
      hours: estimate.hours,
      category: workCategory(view),
      actorId,
      idempotencyKey,
    });
  } catch (err) {
    const cause = err instanceof ActivityFailure ? err.cause : err;
    if (cause instanceof ApplicationFailure && cause.type === 'VALIDATION_FAILED') {
      // The ledger's typed refusal (e.g. INSUFFICIENT_HOURS with the hours) crosses as details.
      const [refusal] = cause.details ?? [];
      fail(
        'VALIDATION_FAILED',
        cause.message,
        isRefusal(refusal) ? refusal : { reason: 'LEDGER_REFUSED' },
      );
    }
    throw err;
  }
}

/**
 * Gives back whatever an ended ticket did not consume (L3-12): the hours released, or null when
 * nothing was ever reserved (no authorization, no call).
 */
export async function releaseUnusedHours(
  view: TicketView,
  workflowId: string,
): Promise<number | null> {
  if (!view.authorizations.length) return null;
  const { releasedHours } = await ledger.releaseHours({
    ticketNumber: view.ticketNumber,
    reason: `ticket ${view.state.toLowerCase()}`,
    idempotencyKey: `${workflowId}:release`,
  });
  return releasedHours;
}
