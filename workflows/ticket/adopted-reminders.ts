import type { TicketView } from './ticket.contract';
import {
  CHANGE_ORDER_DECISION_STATES,
  releaseForTestingUpdate,
  isTicketEnded,
} from './ticket.contract';

// Tickets older than the reminders (L3-09 estimate approval and client testing, L3-12 change
// order): their history passed the point where the reminders are armed before the code that arms
// them (the `patched()` gates of approval-reminders.ts and testing-reminders.ts answer false on
// replay), so they would wait without a reminder for good. They adopt the series they are owed on
// their first workflow task under this code, counted from then: the first reminder the usual
// business days after the adoption, never the ones that would have fallen before in a burst.
// Pure helpers; the runtime computes the instants and the workflow loop arms them.

/** Gates the adoption's commands: histories recorded before it replay unchanged. */
export const ADOPT_REMINDERS_PATCH = 'adopt-missing-reminders';

/** The reminder series a waiting ticket is owed but never armed. */
export interface RemindersToAdopt {
  /** L3-09: the submitted estimate's version, when its approvers have no reminder schedule. */
  readonly estimateVersion?: number;
  /** L3-12: the pending change order's version, when its approvers have no reminder schedule. */
  readonly changeOrderVersion?: number;
  /** L3-09: the release waiting for the client's testing, when it has no reminder schedule. */
  readonly release?: {
    readonly number: number;
    readonly releasedAt?: string;
    readonly note?: string;
  };
}

/**
 * What the ticket waits for without the reminders it would have had under this code, or null.
 * A ticket armed by this code never qualifies: each schedule is set, for the version or release
 * it waits on, by the transition that starts the wait.
 */
export function remindersToAdopt(view: TicketView): RemindersToAdopt | null {
  if (isTicketEnded(view.state)) return null;
  const latest = view.estimates[view.estimates.length - 1];
  const submitted = latest?.status === 'SUBMITTED' ? latest : undefined;
  const estimateVersion =
    submitted &&
    submitted.changeOrder !== true &&
    view.state === 'ESTIMATE_SUBMITTED' &&
    view.approvalReminder?.estimateVersion !== submitted.version
      ? submitted.version
      : undefined;
  const changeOrderVersion =
    submitted?.changeOrder === true &&
    CHANGE_ORDER_DECISION_STATES.includes(view.state) &&
    view.changeOrderReminder?.estimateVersion !== submitted.version
      ? submitted.version
      : undefined;
  const number = view.reworkCount + 1;
  const release =
    view.state === 'RELEASED_FOR_TESTING' && view.testingReminder?.release !== number
      ? { number, ...releaseOf(view) }
      : undefined;
  if (estimateVersion === undefined && changeOrderVersion === undefined && !release) return null;
  return {
    ...(estimateVersion === undefined ? {} : { estimateVersion }),
    ...(changeOrderVersion === undefined ? {} : { changeOrderVersion }),
    ...(release ? { release } : {}),
  };
}

/** The newest release event still in the kept timeline: its instant and note. */
function releaseOf(view: TicketView): { releasedAt?: string; note?: string } {
  const event = [...view.timeline].reverse().find((e) => e.type === releaseForTestingUpdate.name);
  if (!event) return {};
  const note = event.data.note;
  return {
    releasedAt: event.at,
    ...(typeof note === 'string' && note.trim() !== '' ? { note } : {}),
  };
}
