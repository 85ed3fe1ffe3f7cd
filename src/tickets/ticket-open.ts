import { isTicketEnded } from '../../workflows/ticket/ticket.contract';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

/**
 * An ended ticket's record is final (closed, cancelled, out of scope, not feasible): a change to
 * it is INVALID_TRANSITION with reason `TICKET_CLOSED` and its state; `what` says what it no
 * longer takes, in the server's message (the web app words the reason).
 */
export function assertTicketOpen(number: string, state: string, what: string): void {
  if (isTicketEnded(state)) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `Ticket ${number} is ${state}: it takes no more ${what}`,
      { reason: 'TICKET_CLOSED', state },
    );
  }
}
