import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  workflowInfo,
} from '@temporalio/workflow';
import { pendingChangeOrderReminder, pendingReminder } from './approval-reminders';
import { pendingAutoClose } from './auto-close';
import { pendingTestingReminder } from './testing-reminders';
import { nextClockEvent } from './sla-clock';
import { releaseUnusedHours } from './ticket-ledger';
import type { TicketInput, TicketView } from './ticket.contract';
import { HISTORY_EVENT_LIMIT, REGISTRANT_ROLES } from './ticket.contract';
import { registerTicketHandlers } from './ticket-handlers';
import { TicketRuntime } from './ticket-runtime';
import { AIM_LEAD_MS, AIMED_WAKE_PATCH, KEPT_WAKE_TIMER_PATCH, WakeTimer } from './wake-timer';

/**
 * L3-12: the ended run asks the ledger to release even when the cancellation already did (the
 * same key: a replay when that release gave hours back). A waived ticket's cancellation gives back
 * nothing and writes nothing; un-waived in the moment before CANCELLED is projected, the ledger
 * holds its estimate again, and only this call gives it back. Older runs skipped it.
 */
const RELEASE_AT_END_PATCH = 'release-at-end-after-cancel';

/**
 * One L3 support ticket (SLA-CLAUSES.md L3-06…L3-09) from registration to closure. Transitions are
 * Updates with validators; the SLA clocks are durable timers armed by a single `condition` loop
 * (the earliest at-risk mark or breach over the running clocks); each event is recorded once.
 * The history stays bounded: past `historyEventLimit` events (or when the server suggests it) the
 * workflow continues as new with its whole state, once no handler is running.
 */
export async function ticketWorkflow(input: TicketInput): Promise<TicketView> {
  validateInput(input);
  const rt = new TicketRuntime(input);
  // The opening takes the lock before any handler exists: an Update delivered with the start
  // (registerTicket does not wait for the first task) runs after the ticket has opened.
  const opening = input.carried === undefined ? rt.exclusive(() => rt.open()) : undefined;
  registerTicketHandlers(rt);
  await opening;
  rt.changed();

  const limit = input.historyEventLimit ?? HISTORY_EVENT_LIMIT;
  let timer: WakeTimer | undefined;
  while (!rt.isTerminal()) {
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength >= limit) {
      await condition(allHandlersFinished);
      // Clocks are re-armed from the carried state by the next run's loop.
      if (!rt.isTerminal())
        await continueAsNew<typeof ticketWorkflow>({ ...input, carried: rt.carry() });
    }
    if (rt.calendarDirty) {
      await rt.exclusive(async () => {
        await rt.recomputeRunning();
        rt.changed();
      });
      continue;
    }
    // A ticket older than its reminders adopts them on its first task under this code (a live
    // task: on replay the patch answers false where it recorded nothing), hence in the wait too.
    if (rt.hasRemindersToAdopt()) {
      await rt.exclusive(() => rt.adoptReminders());
      continue;
    }
    const seen = rt.revision;
    const changed = (): boolean => rt.revision !== seen || rt.hasRemindersToAdopt();
    // The SLA clocks, the L3-09 approver reminders (estimate; L3-12 change order), the L3-09
    // testing reminders and the L3-07 auto-close of a resolved ticket share the one timer
    // (reminders and auto-close: none in runs that predate them). On a tie the earlier in this
    // list goes first.
    const next = nextClockEvent(rt.view.clocks);
    const reminder = pendingReminder(rt.view);
    const changeOrder = pendingChangeOrderReminder(rt.view);
    const testing = pendingTestingReminder(rt.view);
    const closing = pendingAutoClose(rt.view);
    const due = [
      next && { at: next.at, run: () => rt.fire(next) },
      reminder && { at: reminder.at, run: () => rt.remindApprovers(reminder) },
      changeOrder && { at: changeOrder.at, run: () => rt.remindChangeOrderApprovers(changeOrder) },
      testing && { at: testing.at, run: () => rt.remindTesters(testing) },
      closing && { at: closing.at, run: () => Promise.resolve(rt.autoCloseStep(closing)) },
    ].reduce<{ at: string; run: () => Promise<void> } | null>(
      (first, wake) =>
        wake && (!first || Date.parse(wake.at) < Date.parse(first.at)) ? wake : first,
      null,
    );
    if (due === null) {
      timer?.cancel();
      timer = undefined;
      await condition(changed);
      continue;
    }
    const dueAt = Date.parse(due.at);
    const waitMs = dueAt - Date.now();
    if (waitMs > 0) {
      if (!rt.patched(KEPT_WAKE_TIMER_PATCH)) {
        if (await condition(changed, waitMs)) continue;
      } else {
        // The armed timer stays while it fires no later than this wake (wake-timer.ts).
        if (timer && !timer.serves(dueAt)) {
          timer.cancel();
          timer = undefined;
        }
        // A long wait wakes AIM_LEAD_MS early, in a task of its own, to arm the rest exactly.
        timer ??=
          waitMs > AIM_LEAD_MS && rt.patched(AIMED_WAKE_PATCH)
            ? new WakeTimer(dueAt - AIM_LEAD_MS, waitMs - AIM_LEAD_MS)
            : new WakeTimer(dueAt, waitMs);
        const fired = await timer.until(changed);
        if (!fired) continue;
        const early = timer.at < dueAt;
        timer = undefined;
        // Fired for an earlier wake that has since moved later, or with a change alongside:
        // look again (what is due now runs at once).
        if (early || changed()) continue;
      }
    }
    await rt.exclusive(due.run);
  }
  await condition(allHandlersFinished);
  if (!rt.hoursReleased || rt.patched(RELEASE_AT_END_PATCH)) {
    await releaseUnusedHours(rt.view, workflowInfo().workflowId);
  }
  return rt.view;
}

function validateInput(input: TicketInput): void {
  const problems: string[] = [];
  for (const field of ['ticketNumber', 'clientOrgId', 'calendarId', 'registrantId'] as const) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') problems.push(field);
  }
  if (Number.isNaN(Date.parse(input.registeredAt))) problems.push('registeredAt');
  const role = input.registrantRole;
  if (role !== undefined && !REGISTRANT_ROLES.includes(role)) problems.push('registrantRole');
  const cadence = input.progressCadenceMinutes;
  if (cadence !== undefined && (!Number.isInteger(cadence) || cadence <= 0)) {
    problems.push('progressCadenceMinutes');
  }
  const folded = input.foldedPatches;
  if (folded !== undefined && !(Number.isInteger(folded) && folded >= 0)) {
    problems.push('foldedPatches');
  }
  const published = input.searchAttributesAtStart;
  if (published !== undefined && typeof published !== 'string') {
    problems.push('searchAttributesAtStart');
  }
  const fraction = input.atRiskFraction;
  if (fraction !== undefined && !(fraction > 0 && fraction < 1)) problems.push('atRiskFraction');
  if (problems.length > 0) {
    throw ApplicationFailure.nonRetryable(
      `invalid ticket input: ${problems.join(', ')}`,
      'VALIDATION_FAILED',
    );
  }
}
