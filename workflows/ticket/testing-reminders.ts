import type { TicketView } from './ticket.contract';

// L3-09 client testing: after the release for testing the client tests and accepts it or reports
// failures. The contract gives the client no deadline and the provider no SLA there, so nothing
// ever decides for the client (no automatic acceptance), but the registrant and the authorizers
// are reminded while the release waits. Not an SLA clock: a reminder never touches the clocks,
// `slaStatus` or `nextDeadline`. Pure helpers; the runtime computes the instants with the clocks'
// business-time local activity and the workflow loop arms one durable timer for the earliest wake.

/** Gates every testing-reminder command: histories recorded before them replay unchanged. */
export const TESTING_REMINDERS_PATCH = 'testing-reminders';

/** The testing reminder a ticket still owes: its number (1-based) for the release, and when. */
export interface TestingReminderDue {
  readonly releasedAt: string;
  readonly reminder: number;
  readonly at: string;
}

/**
 * The next reminder, while the release it was scheduled for still waits for the client: none once
 * the client accepted it (closed) or reported failures (back in development), the ticket was
 * cancelled, or the limit was reached. A new release replaces the schedule.
 */
export function pendingTestingReminder(view: TicketView): TestingReminderDue | null {
  const schedule = view.testingReminder;
  if (!schedule || schedule.nextAt === null || view.state !== 'RELEASED_FOR_TESTING') return null;
  return { releasedAt: schedule.releasedAt, reminder: schedule.sent + 1, at: schedule.nextAt };
}
