import type { TicketView } from './ticket.contract';

// L3-09 approval wait: reminders to the client approvers while an estimate waits for its written
// authorization. Not an SLA clock (the provider has no target here): a reminder never touches the
// clocks, `slaStatus` or `nextDeadline`. Pure helpers; the runtime computes the instants with the
// clocks' business-time local activity and the workflow loop arms one durable timer for the next.

/** Gates every reminder command: histories recorded before reminders existed replay unchanged. */
export const APPROVAL_REMINDERS_PATCH = 'estimate-approval-reminders';

/** The reminder a ticket still owes: its number (1-based) for the estimate, and when. */
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
  return {
    estimateVersion: schedule.estimateVersion,
    reminder: schedule.sent + 1,
    at: schedule.nextAt,
  };
}
