import { ApplicationFailure } from '@temporalio/activity';
import type { TicketLedgerActivities } from '../../workflows/ticket/ticket-ledger';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { HourLedgerService } from '../contracts/hour-ledger.service';
import { type LedgerReason, otherReason, ticketEndedReason } from '../contracts/hour-ledger-reason';

/**
 * L3-12 from the ticket workflow: reserve an authorized estimate's hours, release the unused rest
 * when the ticket ends. A refusal of the rules (no policy, no package, not enough hours) is final
 * for this request; infrastructure errors are retried by Temporal.
 */
export function createTicketLedgerActivities(ledger: HourLedgerService): TicketLedgerActivities {
  return {
    async reserveHours(args) {
      const result = await final(() =>
        ledger.reserveForEstimate({
          organizationId: args.organizationId,
          ticketNumber: args.ticketNumber,
          estimateVersion: args.estimateVersion,
          hours: args.hours,
          category: args.category,
          actorId: args.actorId,
          idempotencyKey: args.idempotencyKey,
        }),
      );
      return { reservedHours: Number(result.reservedHours) };
    },
    async releaseHours(args) {
      const result = await final(() =>
        ledger.releaseUnusedReservation({ ...args, reason: releaseReasonOf(args.reason) }),
      );
      return { releasedHours: Number(result.releasedHours) };
    },
  };
}

/**
 * The workflow names the state its ticket ended in as `ticket <state>` (lower case, see
 * `releaseUnusedHours`); the ledger stores that as data (TICKET_ENDED with the state).
 */
export function releaseReasonOf(text: string): LedgerReason {
  const state = /^ticket ([a-z_]+)$/.exec(text)?.[1];
  return state ? ticketEndedReason(state.toUpperCase()) : otherReason(text);
}

async function final<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (
      err instanceof DomainError &&
      err.code !== ErrorCode.UNAVAILABLE &&
      err.code !== ErrorCode.INTERNAL
    ) {
      throw ApplicationFailure.create({
        message: err.message,
        type: ErrorCode.VALIDATION_FAILED,
        nonRetryable: true,
        details: [err.details ?? {}],
      });
    }
    throw err;
  }
}
