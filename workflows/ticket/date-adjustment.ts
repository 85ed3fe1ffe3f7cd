import { setHandler } from '@temporalio/workflow';
import {
  type AdjustReleaseDateArgs,
  adjustReleaseDateUpdate,
  type ActorRole,
  RELEASE_DATE_STATES,
  type TicketView,
} from './ticket.contract';
import { releaseDateTooFar } from './date-limits';
import type { TicketRuntime } from './ticket-runtime';
import { checkRule, fail, type TransitionRule } from './transitions';

// L3-19 published date adjustments. Kept apart from `RULES` on purpose: it is a publication, not a
// step of the lifecycle (the state stays), so it is not one of a ticket's `allowedActions`; the
// API offers it as its own mutation to provider staff, and the client's queue reorder uses it.

const NAME = adjustReleaseDateUpdate.name;
const PROVIDER: readonly ActorRole[] = ['AGENT', 'MANAGER', 'ADMIN'];

function text(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    fail('VALIDATION_FAILED', `${field} must be a non-empty string`, { reason: 'REQUIRED', field });
  }
}

export const ADJUST_RELEASE_DATE_RULE: TransitionRule<AdjustReleaseDateArgs> = {
  roles: [...PROVIDER, 'CLIENT_APPROVER'],
  from: RELEASE_DATE_STATES,
  validate: (args: AdjustReleaseDateArgs, ticket: TicketView, nowMs: number) => {
    // A client moves dates only through its own queue reorder (L3-10/L3-19), never directly.
    if (!PROVIDER.includes(args.actor.role)) text(args.reorderId, 'reorderId');
    const ms = typeof args.newDate === 'string' ? Date.parse(args.newDate) : NaN;
    if (!/^\d{4}-\d{2}-\d{2}T/.test(String(args.newDate)) || Number.isNaN(ms)) {
      fail('VALIDATION_FAILED', 'newDate must be an ISO-8601 instant', {
        reason: 'INVALID_INSTANT',
        field: 'newDate',
      });
    }
    if (ms <= nowMs) {
      fail('VALIDATION_FAILED', `newDate ${args.newDate} is not in the future`, {
        reason: 'NOT_IN_FUTURE',
        field: 'newDate',
        value: args.newDate,
      });
    }
    if (ticket.releaseDate !== null && Date.parse(ticket.releaseDate) === ms) {
      fail('VALIDATION_FAILED', `newDate ${args.newDate} is the published date already`, {
        reason: 'SAME_DATE',
        field: 'newDate',
        value: args.newDate,
      });
    }
    text(args.reason, 'reason');
  },
};

/**
 * L3-19: a change planned from a date (a queue reorder's old date, `fromDate`) moves only that
 * date. Staff may have moved it by hand since the plan, even after the planner last read it;
 * sending ours would undo theirs and email "moved <theirs> → <ours>", so it is refused with
 * CONFLICT `DATE_MOVED_SINCE`. Our own date already there is a retry, left to the request ID (or
 * SAME_DATE). Checked in the Update's validator (nothing in history) and again in its handler
 * inside `rt.exclusive`, since an Update accepted earlier may run between the two.
 */
export function checkFromDate(args: AdjustReleaseDateArgs, ticket: TicketView): void {
  if (args.fromDate === undefined) return;
  const from = typeof args.fromDate === 'string' ? Date.parse(args.fromDate) : NaN;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(String(args.fromDate)) || Number.isNaN(from)) {
    fail('VALIDATION_FAILED', 'fromDate must be an ISO-8601 instant', {
      reason: 'INVALID_INSTANT',
      field: 'fromDate',
    });
  }
  const at = ticket.releaseDate === null ? null : Date.parse(ticket.releaseDate);
  if (at !== null && at !== from && at !== Date.parse(args.newDate)) {
    const current = new Date(at).toISOString();
    fail('CONFLICT', `its release date is ${current}, no longer ${args.fromDate}`, {
      reason: 'DATE_MOVED_SINCE',
      field: 'fromDate',
      value: args.fromDate,
      releaseDate: current,
    });
  }
}

/**
 * The handler's `fromDate` check writes history where it refuses, so runs that accepted such an
 * Update before the check existed (a worker older than the API that sent it) replay without it.
 */
const FROM_DATE_PATCH = 'adjust-release-date-from-date';

/**
 * Registers the `adjustReleaseDate` Update: validated like every transition (nothing in history
 * when refused), applied once per `requestId`, the date checked against the ticket's calendar;
 * with `fromDate`, only over that date (`checkFromDate`).
 */
export function registerDateAdjustment(rt: TicketRuntime): void {
  setHandler(
    adjustReleaseDateUpdate,
    (args: AdjustReleaseDateArgs) =>
      rt.exclusive(async () => {
        const prior = rt.earlierResult(args.requestId, NAME);
        if (prior) return prior;
        checkRule(NAME, ADJUST_RELEASE_DATE_RULE, args, rt.view, Date.now());
        if (args.fromDate !== undefined && rt.patched(FROM_DATE_PATCH))
          checkFromDate(args, rt.view);
        if (!(await rt.isBusinessInstant(args.newDate))) {
          fail('VALIDATION_FAILED', `newDate ${args.newDate} is outside business time`, {
            reason: 'OUTSIDE_BUSINESS_TIME',
            field: 'newDate',
            value: args.newDate,
          });
        }
        const oldDate = rt.view.releaseDate;
        rt.update({ releaseDate: args.newDate });
        const seq = rt.record('DATE_ADJUSTED', args.actor, {
          subjectDate: 'RELEASE_DATE',
          oldDate,
          newDate: args.newDate,
          reason: args.reason.trim(),
          ...(args.reorderId === undefined ? {} : { reorderId: args.reorderId }),
        });
        rt.changed();
        return rt.remember({ requestId: args.requestId, update: NAME, state: rt.view.state, seq });
      }),
    {
      validator: (args: AdjustReleaseDateArgs) => {
        if (rt.earlierResult((args as Partial<AdjustReleaseDateArgs> | undefined)?.requestId, NAME))
          return;
        checkRule(NAME, ADJUST_RELEASE_DATE_RULE, args, rt.view, Date.now());
        checkFromDate(args, rt.view);
        // L3-19/L3-09: at most a year ahead. Only here, in the validator (it writes no history),
        // so histories accepted before this check replay unchanged.
        const tooFar = releaseDateTooFar(args.newDate, Date.now());
        if (tooFar)
          fail('VALIDATION_FAILED', tooFar.message, { ...tooFar.refusal, field: 'newDate' });
      },
    },
  );
}
