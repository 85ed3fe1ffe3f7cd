import { setHandler } from '@temporalio/workflow';
import { type ReassignArgs, reassignUpdate } from './ticket.contract';
import type { TicketRuntime } from './ticket-runtime';
import { checkRule, RULES } from './transitions';

// L3-07/L3-08 reassignment: an open ticket changes hands (or gets its first agent). Its own Update (a new handler adds no
// command to the histories of running tickets, so no patch is needed), validated by
// `RULES.reassign` like every transition: nothing in history when refused, once per `requestId`.

const NAME = reassignUpdate.name;

/**
 * Registers the `reassign` Update: records `reassign` `{ agentId, previousAgentId, note? }` by the
 * acting staff member and moves `assigneeId`; the state and the clocks stay as they are.
 */
export function registerReassignment(rt: TicketRuntime): void {
  setHandler(
    reassignUpdate,
    (args: ReassignArgs) =>
      rt.exclusive(() => {
        const prior = rt.earlierResult(args.requestId, NAME);
        if (prior) return Promise.resolve(prior);
        // Re-checked under the lock: an earlier queued transition may have moved the ticket.
        checkRule(NAME, RULES.reassign, args, rt.view, Date.now());
        const previousAgentId = rt.view.assigneeId;
        rt.update({ assigneeId: args.agentId });
        const note = args.note?.trim();
        const seq = rt.record(NAME, args.actor, {
          agentId: args.agentId,
          previousAgentId,
          ...(note ? { note } : {}),
        });
        rt.changed();
        return Promise.resolve(
          rt.remember({ requestId: args.requestId, update: NAME, state: rt.view.state, seq }),
        );
      }),
    {
      validator: (args: ReassignArgs) => {
        if (rt.earlierResult((args as Partial<ReassignArgs> | undefined)?.requestId, NAME)) return;
        checkRule(NAME, RULES.reassign, args, rt.view, Date.now());
      },
    },
  );
}
