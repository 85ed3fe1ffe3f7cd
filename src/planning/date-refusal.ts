import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

/**
 * A moved date a ticket refused for good (L3-19): the ticket was closed or cancelled, its workflow
 * ended, the date had passed or fell outside business time. Recorded on the reorder
 * (`queue_reorder.refused`) so neither a retried confirmation nor the reconciliation sweep sends
 * that Update again.
 */
export interface RefusedDateChange {
  readonly ticketNumber: string;
  /** The typed code of the refusal (`INVALID_TRANSITION`, `VALIDATION_FAILED`, `NOT_FOUND`…). */
  readonly code: string;
  /** The workflow's reason where it gave one (`NOT_IN_FUTURE`, `OUTSIDE_BUSINESS_TIME`…). */
  readonly reason: string | null;
  readonly message: string;
  /** ISO-8601 instant it was recorded. */
  readonly at: string;
}

/** Codes that say the service, not the ticket, failed: worth another try. */
const TRANSIENT_CODES: readonly string[] = [ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL];

/**
 * Whether `err`, thrown by a date's `adjustReleaseDate` Update, is the ticket's final answer (a
 * typed refusal by the workflow, or no workflow to ask), and then what to record; null for a
 * failure worth retrying (Temporal unreachable, a timeout, anything unexpected).
 */
export function permanentRefusal(
  ticketNumber: string,
  err: unknown,
  now: Date,
): RefusedDateChange | null {
  let code: string;
  let reason: string | null = null;
  if (err instanceof DomainError) {
    if (TRANSIENT_CODES.includes(err.code)) return null;
    code = err.code;
    const given = err.details?.reason;
    reason = typeof given === 'string' ? given : null;
  } else if (err instanceof WorkflowUpdateFailedError) {
    // The Update ran and its handler failed: the same Update would fail the same way.
    code = 'UPDATE_FAILED';
  } else {
    return null;
  }
  return { ticketNumber, code, reason, message: (err as Error).message, at: now.toISOString() };
}
