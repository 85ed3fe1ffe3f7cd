// The ticket's lifecycle states, with no imports: the workflow, the API and the web app (which
// must not bundle the Temporal SDK) read the same list. Re-exported by ticket.contract.ts.

/**
 * Lifecycle states. Terminal: CLOSED (confirmed or accepted), OUT_OF_SCOPE, NOT_FEASIBLE, CANCELLED.
 * WAITING_ON_CLIENT serves both paths; `waitingFrom` says which state it returns to.
 */
export type TicketState =
  | 'REGISTERED'
  | 'INFO_REQUESTED'
  | 'REMOTE_SESSION_PROPOSED'
  | 'IN_ANALYSIS'
  | 'WAITING_ON_CLIENT'
  | 'RESOLVED'
  | 'IN_DIAGNOSIS'
  | 'ESTIMATE_SUBMITTED'
  | 'SCHEDULING'
  | 'RELEASE_DATE_SET'
  | 'IN_DEVELOPMENT'
  | 'RELEASED_FOR_TESTING'
  | 'CLOSED'
  | 'OUT_OF_SCOPE'
  | 'NOT_FEASIBLE'
  | 'CANCELLED';

export const TERMINAL_STATES: readonly TicketState[] = [
  'CLOSED',
  'OUT_OF_SCOPE',
  'NOT_FEASIBLE',
  'CANCELLED',
];

/**
 * L3-19: ticket states in which a release-for-testing date is published (and may be adjusted). Once
 * released for testing the date was met: the web app no longer offers «Ajustar fecha» (QA S53).
 */
export const RELEASE_DATE_STATES: readonly TicketState[] = ['RELEASE_DATE_SET', 'IN_DEVELOPMENT'];

/**
 * Whether a ticket in `state` has ended (closed, out of scope, not feasible, cancelled): its
 * record is final and its clocks are history. Takes any string, since the read model's rows
 * carry the state as text.
 */
export function isTicketEnded(state: string): boolean {
  return (TERMINAL_STATES as readonly string[]).includes(state);
}
