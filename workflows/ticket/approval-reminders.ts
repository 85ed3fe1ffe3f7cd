import type { ApprovalReminderSchedule, TicketView } from './ticket.contract';
import { CHANGE_ORDER_STATES } from './ticket.contract';

// L3-09 approval wait: reminders to the client approvers while an estimate waits for its written
// authorization, and (L3-12) while a change order does. Not an SLA clock (the provider has no
// target here): a reminder never touches the clocks, `slaStatus` or `nextDeadline`. Pure helpers;
// the runtime computes the instants with the clocks' business-time local activity and the workflow
// loop arms one durable timer for the next.

/** Gates every reminder command: histories recorded before reminders existed replay unchanged. */
export const APPROVAL_REMINDERS_PATCH = 'estimate-approval-reminders';
/** Gates the change-order reminders' commands (L3-12): older histories replay without them. */
export const CHANGE_ORDER_REMINDERS_PATCH = 'change-order-approval-reminders';

/** The reminder a ticket still owes: its number (1-based) for the estimate version, and when. */
export interface ReminderDue {
  readonly estimateVersion: number;
  readonly reminder: number;
  readonly at: string;
}

/**
 * The next reminder, if the ticket still waits for the approval of the estimate it was scheduled
 * for: none once the estimate is authorized, rejected or re-estimated, the ticket cancelled, or
 * the limit reached.
 */
export function pendingReminder(view: TicketView): ReminderDue | null {
  const schedule = view.approvalReminder;
  if (!schedule || schedule.nextAt === null || view.state !== 'ESTIMATE_SUBMITTED') return null;
  const latest = view.estimates[view.estimates.length - 1];
  if (latest?.version !== schedule.estimateVersion || latest.status !== 'SUBMITTED') return null;
  return due(schedule, schedule.nextAt);
}

/**
 * L3-12: the change-order reminder schedule while it still counts: its change order is the
 * pending one (not authorized, rejected, or withdrawn with the ticket's end) and the limit is not
 * reached. A calendar change moves it even while it is not armed ({@link pendingChangeOrderReminder}).
 */
export function liveChangeOrderReminder(view: TicketView): ApprovalReminderSchedule | null {
  const schedule = view.changeOrderReminder;
  if (!schedule || schedule.nextAt === null) return null;
  const latest = view.estimates[view.estimates.length - 1];
  if (
    latest?.version !== schedule.estimateVersion ||
    latest.changeOrder !== true ||
    latest.status !== 'SUBMITTED'
  ) {
    return null;
  }
  return schedule;
}

/**
 * L3-12: the next reminder of the pending change order, while an approver can authorize it (the
 * states of {@link CHANGE_ORDER_STATES}). Released for testing it may only be rejected, so no
 * reminder is sent there; one that fell due meanwhile goes out when the ticket is back in
 * development.
 */
export function pendingChangeOrderReminder(view: TicketView): ReminderDue | null {
  const schedule = liveChangeOrderReminder(view);
  if (!schedule?.nextAt || !CHANGE_ORDER_STATES.includes(view.state)) return null;
  return due(schedule, schedule.nextAt);
}

function due(schedule: ApprovalReminderSchedule, at: string): ReminderDue {
  return { estimateVersion: schedule.estimateVersion, reminder: schedule.sent + 1, at };
}
