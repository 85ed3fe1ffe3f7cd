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
  | 'waitingFrom'
  | 'closure'
  | 'reworkCount'
  | 'progressCadenceMinutes'
  | 'adminActions'
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

export function readModelSlice(view: TicketView): ReadModelSlice {
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
      waitingFrom: view.waitingFrom,
      closure: view.closure,
      reworkCount: view.reworkCount,
      progressCadenceMinutes: view.progressCadenceMinutes,
      adminActions: view.adminActions ?? [],
    },
    clocks: view.clocks,
  };
}
