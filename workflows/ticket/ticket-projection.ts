import { nextDeadlineOf, slaStatusOf } from './sla-clock';
import type { SlaClockView, TicketView, TimelineEvent } from './ticket.contract';

// What the ticket workflow hands to the projection activity after each change (issue 4: the event
// log and the read model in PostgreSQL). Pure, so the workflow builds it deterministically.

/** Ticket facts shown on its page but never filtered on. */
export type TicketDetails = Pick<
  TicketView,
  | 'estimates'
  | 'authorizations'
  | 'remoteSessionAt'
  | 'remoteSession'
  | 'waitingFrom'
  | 'closure'
  | 'reworkCount'
  | 'progressCadenceMinutes'
  | 'adminActions'
  | 'autoClose'
>;

/**
 * The read-model fields of a ticket after an event. Projected batches carry it on their last
 * event (event-carried state), so the read model is a fold over the event log alone.
 */
export interface ReadModelSlice {
  readonly state: string;
  readonly classification: string | null;
  readonly requirementKind: string | null;
  readonly assigneeId: string | null;
  readonly releaseDate: string | null;
  readonly closureOutcome: string | null;
  readonly slaStatus: string;
  readonly nextDeadline: string | null;
  readonly details: TicketDetails;
  /** Clock runs changed since the previous batch of this ticket (all of them in a full slice). */
  readonly clocks: readonly SlaClockView[];
}

export interface ProjectionBatch {
  readonly ticketNumber: string;
  /** Timeline events not projected yet, in sequence order. */
  readonly events: readonly TimelineEvent[];
  readonly slice: ReadModelSlice;
}

/** Activity implemented in `src/tickets/ticket-projection.activities.ts`. */
export interface TicketProjectionActivities {
  projectTicket(batch: ProjectionBatch): Promise<{ readonly appended: number }>;
}

/**
 * The read-model fields of `view`, carrying `clocks` (by default all of them). The workflow passes
 * only the clocks changed since its last batch: the read model upserts clocks by ID and the fold
 * over the event log merges them by ID, so a ticket with a long history of clock runs (a progress
 * clock per update, L3-07) does not rewrite every past run at every event.
 */
export function readModelSlice(
  view: TicketView,
  clocks: readonly SlaClockView[] = view.clocks,
): ReadModelSlice {
  return {
    state: view.state,
    classification: view.classification,
    requirementKind: view.requirementKind,
    assigneeId: view.assigneeId,
    releaseDate: view.releaseDate,
    closureOutcome: view.closure?.outcome ?? null,
    // Derived from the clocks here, so a batch is right even before the view's copies refresh.
    slaStatus: slaStatusOf(view.clocks),
    nextDeadline: nextDeadlineOf(view.clocks),
    details: {
      estimates: view.estimates,
      authorizations: view.authorizations,
      remoteSessionAt: view.remoteSessionAt,
      // L3-06: only once proposed, so batches of runs before it replay with the same input.
      ...(view.remoteSession ? { remoteSession: view.remoteSession } : {}),
      waitingFrom: view.waitingFrom,
      closure: view.closure,
      reworkCount: view.reworkCount,
      progressCadenceMinutes: view.progressCadenceMinutes,
      adminActions: view.adminActions ?? [],
      // Only when scheduled, so batches of runs before auto-close replay with the same input.
      ...(view.autoClose ? { autoClose: view.autoClose } : {}),
    },
    clocks,
  };
}
