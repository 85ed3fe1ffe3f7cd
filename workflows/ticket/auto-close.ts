import type { TicketView } from './ticket.contract';

// L3-07 "resolution, client confirmation, closure": a resolved problem waits for the client to
// confirm it or reopen it. When the client does neither, the client is reminded after
// AUTO_CLOSE_REMINDER_BUSINESS_DAYS and the ticket closes itself after AUTO_CLOSE_BUSINESS_DAYS
// business days of its calendar (outcome AUTO_CLOSED). Not an SLA clock: the provider has no
// target here, so it never touches the clocks, `slaStatus` or `nextDeadline`. Pure helpers; the
// runtime computes the instants with the clocks' business-time local activity and the workflow
// loop arms one durable timer for the earliest of clocks, reminders and this.

/** Gates every auto-close command: histories recorded before it existed replay unchanged. */
export const AUTO_CLOSE_PATCH = 'resolved-auto-close';

/** The step a resolved ticket still owes: the client's reminder, then the closure. */
export interface AutoCloseStep {
  readonly step: 'remind' | 'close';
  readonly at: string;
  readonly resolvedAt: string;
  readonly closeAt: string;
}

/** The next step, while the ticket is still RESOLVED under the schedule of its last resolution. */
export function pendingAutoClose(view: TicketView): AutoCloseStep | null {
  const schedule = view.autoClose;
  if (!schedule || view.state !== 'RESOLVED') return null;
  const base = { resolvedAt: schedule.resolvedAt, closeAt: schedule.closeAt };
  return schedule.remindedAt === null &&
    Date.parse(schedule.remindAt) < Date.parse(schedule.closeAt)
    ? { step: 'remind', at: schedule.remindAt, ...base }
    : { step: 'close', at: schedule.closeAt, ...base };
}
