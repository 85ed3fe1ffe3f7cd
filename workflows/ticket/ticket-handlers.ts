import { releaseUnusedHours, reserveEstimateHours } from './ticket-ledger';
import type { UpdateDefinition } from '@temporalio/common';
import { ActivityFailure, setHandler, workflowInfo } from '@temporalio/workflow';
import type {
  Actor,
  AdminAction,
  AuthorizeArgs,
  ClassifyArgs,
  RemoteSessionWithdrawArgs,
  Estimate,
  RemoteSession,
  RequestBase,
  TicketState,
  TransitionResult,
} from './ticket.contract';
import {
  acceptDeliveryUpdate,
  acceptRemoteSessionUpdate,
  declineRemoteSessionUpdate,
  withdrawRemoteSessionUpdate,
  addProgressUpdate,
  authorizeChangeOrderUpdate,
  authorizeEstimateUpdate,
  calendarChangedSignal,
  cancelUpdate,
  classifyUpdate,
  clientRepliedUpdate,
  closeAdminActionUpdate,
  commentUpdate,
  confirmResolutionUpdate,
  declareNotFeasibleUpdate,
  declareOutOfScopeUpdate,
  proposeRemoteSessionUpdate,
  provideInfoUpdate,
  reassignUpdate,
  recordAdminActionUpdate,
  recordClientAnswerUpdate,
  rejectChangeOrderUpdate,
  rejectEstimateUpdate,
  releaseForTestingUpdate,
  reopenUpdate,
  reportFailuresUpdate,
  requestInfoUpdate,
  requestReestimateUpdate,
  resolveUpdate,
  setReleaseDateUpdate,
  startDevelopmentUpdate,
  submitChangeOrderUpdate,
  submitEstimateUpdate,
  ticketStateQuery,
  waitOnClientUpdate,
  CHANGE_ORDER_DECISION_STATES,
  REMOTE_SESSION_DEFAULT_MINUTES,
} from './ticket.contract';
import { registerDateAdjustment } from './date-adjustment';
import { registerReassignment } from './reassignment';
import type { TicketRuntime } from './ticket-runtime';
import {
  answersInfoRequest,
  checkRule,
  classifyArgs,
  countsAsProgress,
  fail,
  isClientReply,
  pendingChangeOrder,
  RULES,
  type TransitionRule,
} from './transitions';

/** Classifying keeps an agent assigned during triage (L3-07/L3-08); older runs picked anew. */
const CLASSIFY_KEEPS_ASSIGNEE_PATCH = 'classify-keeps-assignee';

/** A requirement gets its diagnosing agent at classification (L3-08); older runs replay without. */
const REQUIREMENT_ASSIGNEE_PATCH = 'requirement-assignee';

/**
 * L3-07 (QA S20): the assignment of an agent the classifier named is theirs on the timeline, not
 * the system's; older runs recorded every assignment at classification without an actor.
 */
const NAMED_ASSIGNMENT_ACTOR_PATCH = 'named-assignment-actor';

/**
 * L3-07 (S20 follow-up): an agent kept from triage is assigned by whoever chose them then (their
 * `reassign`), not the system; older runs recorded that assignment without an actor.
 */
const KEPT_ASSIGNMENT_ACTOR_PATCH = 'kept-assignment-actor';

/**
 * L3-12: a cancelled ticket gives its unused reserved hours back while cancelling, so the cancel
 * event (and «Ticket cancelado») says how many; older runs released them after the run's loop.
 */
const CANCEL_RELEASES_HOURS_PATCH = 'cancel-releases-hours';

/** A client comment in INFO_REQUESTED answers it (L3-06); older histories replay without it. */
const COMMENT_ANSWERS_INFO_PATCH = 'comment-answers-info-request';

/**
 * L3-07: a staff public reply on a problem whose progress clock runs counts as a progress update
 * (the cadence restarts, the comment event says so); older runs keep it a plain comment.
 */
const PUBLIC_REPLY_PROGRESS_PATCH = 'public-reply-counts-as-progress';

/**
 * L3-12: a change order is no longer authorized in RELEASED_FOR_TESTING; runs that authorized
 * one there before replay with the rule they ran with (it reserved hours: an activity).
 */
const CHANGE_ORDER_NOT_IN_TESTING_PATCH = 'change-order-not-authorized-in-testing';
const AUTHORIZE_CHANGE_ORDER_BEFORE_PATCH: TransitionRule<AuthorizeArgs> = {
  ...RULES.authorizeChangeOrder,
  from: CHANGE_ORDER_DECISION_STATES,
};

/**
 * L3-06 (QA S63): a remote session still ahead is withdrawn after classification too (the state
 * stays). Runs whose handler refused one there before (the validator let it through while the
 * proposal was pending, then a queued classification moved the ticket) replay with that rule.
 */
const WITHDRAW_AFTER_CLASSIFY_PATCH = 'withdraw-remote-session-after-classification';
/**
 * QA S63 #5: a session withdrawn in triage starts a new triage clock (L3-06), as a declined one
 * does: the ticket is back in «Registrado» and staff classify, ask or propose again within 8
 * business hours. Runs that withdrew before it went back to REGISTERED with no clock running.
 */
const WITHDRAW_NEW_TRIAGE_PATCH = 'withdraw-remote-session-new-triage';
const WITHDRAW_BEFORE_CLASSIFY_RULE: TransitionRule<RemoteSessionWithdrawArgs> = {
  ...RULES.withdrawRemoteSession,
  from: ['REMOTE_SESSION_PROPOSED'],
};

/**
 * L3-17: an ADMIN_ACTION ticket is classified as a problem only; runs that classified one as a
 * requirement before (accepted then) replay the classification as they ran.
 */
const ADMIN_ACTION_PROBLEM_ONLY_PATCH = 'admin-action-classified-problem-only';
const CLASSIFY_BEFORE_ADMIN_ACTION_PATCH: TransitionRule<ClassifyArgs> = {
  ...RULES.classify,
  validate: (args) => classifyArgs(args),
};

interface Effects<A extends RequestBase> {
  /** Async checks that need an activity; a failure here fails the (accepted) update. */
  readonly precheck?: (args: A) => Promise<void>;
  /** The transition's effect; `seq` is the event it recorded (see `TicketRuntime.amend`). */
  readonly apply: (args: A, seq: number) => Promise<void> | void;
  /** The rule the handler re-checks when it differs from the validator's (replay of older runs). */
  readonly handlerRule?: (args: A) => TransitionRule<A>;
}

/**
 * One Update per transition. The validator rejects (nothing written to history) a wrong role,
 * state or argument; a retried `requestId` passes and gets the earlier result, applied once.
 */
function transition<A extends RequestBase>(
  rt: TicketRuntime,
  definition: UpdateDefinition<TransitionResult, [A]>,
  rule: TransitionRule<A>,
  effects: Effects<A>,
): void {
  const name = definition.name;
  setHandler(
    definition,
    (args: A) =>
      rt.exclusive(async () => {
        const prior = rt.earlierResult(args.requestId, name);
        if (prior) return prior;
        // Re-checked under the lock: an earlier queued transition may have moved the ticket.
        checkRule(name, effects.handlerRule?.(args) ?? rule, args, rt.view, Date.now());
        await effects.precheck?.(args);
        const { requestId: _id, actor, ...data } = args;
        const seq = rt.record(name, actor, data);
        await effects.apply(args, seq);
        rt.changed();
        return rt.remember({ requestId: args.requestId, update: name, state: rt.view.state, seq });
      }),
    {
      validator: (args: A) => {
        if (rt.earlierResult((args as Partial<A> | undefined)?.requestId, name)) return;
        checkRule(name, rule, args, rt.view, Date.now());
      },
    },
  );
}

// QA S63 #4: a proposal after a declined or withdrawn one opens a new calendar entry (a new
// `.ics` UID). Gated: a run that proposed before the change keeps the UID its emails carry.
const NEW_SESSION_ENTRY_PATCH = 'remote-session-entry-after-cancel';

/**
 * The calendar entry (`RemoteSession.calendarEntry`) of proposal `proposal`: a new one after a
 * cancelled proposal (declined or withdrawn: its UID stays cancelled in calendars), else the
 * previous proposal's entry, which it moves (undefined: the ticket's first entry).
 */
function sessionCalendarEntry(
  rt: TicketRuntime,
  previous: RemoteSession | null | undefined,
  proposal: number,
): number | undefined {
  if (!previous) return undefined;
  if ((previous.declined || previous.withdrawn) && rt.patched(NEW_SESSION_ENTRY_PATCH)) {
    return proposal;
  }
  return previous.calendarEntry;
}

export function registerTicketHandlers(rt: TicketRuntime): void {
  const to = (state: TicketState): void => rt.update({ state });
  // L3-12: a change order still pending when the ticket ends is withdrawn (it reserved nothing;
  // the view only, no command, so running histories replay as before).
  const close = (
    state: TicketState,
    outcome: NonNullable<typeof rt.view.closure>['outcome'],
    reason: string,
  ): void =>
    rt.update({
      state,
      closure: { outcome, reason, at: new Date().toISOString() },
      estimates: rt.view.estimates.map((e) =>
        e === pendingChangeOrder(rt.view) ? { ...e, status: 'WITHDRAWN' as const } : e,
      ),
    });

  setHandler(ticketStateQuery, () => rt.view);
  // L3-19 published date adjustments (issue 8): a self-contained Update.
  registerDateAdjustment(rt);
  // L3-07 reassignment of an assigned open ticket: a self-contained Update.
  registerReassignment(rt);
  setHandler(calendarChangedSignal, ({ calendarId }) => {
    if (calendarId !== rt.view.calendarId) return;
    rt.calendarChanged();
  });

  // L3-06 triage
  transition(rt, requestInfoUpdate, RULES.requestInfo, {
    apply: async () => {
      await rt.endClock('triage', 'MET', 'information requested');
      to('INFO_REQUESTED');
    },
  });
  transition(rt, proposeRemoteSessionUpdate, RULES.proposeRemoteSession, {
    apply: async (args, seq) => {
      await rt.endClock('triage', 'MET', 'remote session proposed');
      // L3-06: the link and duration go into the event and the view (no command: older runs
      // replay as before); `proposal` numbers the ticket's proposals for the client's answer.
      const previous = rt.view.remoteSession;
      const proposal = (previous?.proposal ?? 0) + 1;
      const durationMinutes = args.durationMinutes ?? REMOTE_SESSION_DEFAULT_MINUTES;
      const calendarEntry = sessionCalendarEntry(rt, previous, proposal);
      rt.amend(seq, {
        durationMinutes,
        proposal,
        ...(calendarEntry !== undefined ? { calendarEntry } : {}),
      });
      const note = args.note?.trim();
      rt.update({
        state: 'REMOTE_SESSION_PROPOSED',
        remoteSessionAt: args.at,
        remoteSession: {
          proposal,
          ...(calendarEntry !== undefined ? { calendarEntry } : {}),
          at: args.at,
          durationMinutes,
          link: args.link ?? null,
          note: note ? note : null,
          proposedAt: rt.view.timeline.find((e) => e.seq === seq)?.at ?? args.at,
          proposedBy: args.actor.userId,
          accepted: null,
          declined: null,
        },
      });
    },
  });
  // The client's answer: back to REGISTERED with a new triage clock (also a client comment).
  const provideInfo = async (): Promise<void> => {
    to('REGISTERED');
    await rt.startClock('triage');
  };
  transition(rt, provideInfoUpdate, RULES.provideInfo, { apply: provideInfo });
  // L3-06: the client answers the proposed session. New Updates (no recorded history has them),
  // so no patch. Accepting records the confirmation; the state and the stopped triage clock stay
  // (the session is how the information is gathered). Declining is the client's answer, as
  // provideInfo is: back to REGISTERED with a new 8-business-hour triage clock, so staff
  // re-propose (the proposal numbers go on), ask on the ticket or classify within the term.
  const answeredAt = (seq: number): string =>
    rt.view.timeline.find((e) => e.seq === seq)?.at ?? new Date().toISOString();
  transition(rt, acceptRemoteSessionUpdate, RULES.acceptRemoteSession, {
    apply: (args, seq) => {
      const current = rt.view.remoteSession!;
      // The session's time, for the history and the staff's email.
      rt.amend(seq, { sessionAt: current.at });
      rt.update({
        remoteSession: { ...current, accepted: { at: answeredAt(seq), by: args.actor.userId } },
      });
    },
  });
  transition(rt, declineRemoteSessionUpdate, RULES.declineRemoteSession, {
    apply: async (args, seq) => {
      const current = rt.view.remoteSession!;
      rt.amend(seq, { sessionAt: current.at });
      rt.update({
        remoteSession: {
          ...current,
          declined: {
            at: answeredAt(seq),
            by: args.actor.userId,
            reason: args.reason.trim(),
            suggestedAt: args.suggestedAt ?? null,
          },
        },
      });
      await provideInfo();
    },
  });
  // L3-06 (QA S62): staff withdraw the pending session. Back to REGISTERED (the proposal met the
  // triage clock: the provider attended in time) with a new triage clock (QA S63 #5, gated: see
  // WITHDRAW_NEW_TRIAGE_PATCH), so the ticket has a term for its classification again.
  // QA S63: after classification the state and the clocks stay (gated: see
  // WITHDRAW_AFTER_CLASSIFY_PATCH; asked only there).
  transition(rt, withdrawRemoteSessionUpdate, RULES.withdrawRemoteSession, {
    handlerRule: () =>
      rt.view.state !== 'REMOTE_SESSION_PROPOSED' && !rt.patched(WITHDRAW_AFTER_CLASSIFY_PATCH)
        ? WITHDRAW_BEFORE_CLASSIFY_RULE
        : RULES.withdrawRemoteSession,
    apply: async (args, seq) => {
      const current = rt.view.remoteSession!;
      rt.amend(seq, { sessionAt: current.at });
      const note = args.note?.trim();
      rt.update({
        remoteSession: {
          ...current,
          withdrawn: { at: answeredAt(seq), by: args.actor.userId, note: note ? note : null },
        },
      });
      if (rt.view.state !== 'REMOTE_SESSION_PROPOSED') return;
      if (rt.patched(WITHDRAW_NEW_TRIAGE_PATCH)) await provideInfo();
      else to('REGISTERED');
    },
  });
  /**
   * The agent a classification gives the ticket (L3-07/L3-08): the one named; else the one
   * someone assigned during triage (kept, gated: older runs picked anew); else the least-loaded
   * candidate. Null: no agent for a requirement classified without candidates (older API).
   */
  const classifiedAgent = async (
    args: ClassifyArgs,
  ): Promise<{ agentId: string; automatic: boolean } | null> => {
    if (args.agentId !== undefined) return { agentId: args.agentId, automatic: false };
    const current = rt.view.assigneeId;
    if (current && rt.patched(CLASSIFY_KEEPS_ASSIGNEE_PATCH)) {
      return { agentId: current, automatic: false };
    }
    const candidates = args.candidateAgentIds ?? [];
    if (args.classification === 'REQUIREMENT' && candidates.length === 0) return null;
    return { agentId: await rt.pickAgent(candidates), automatic: true };
  };
  /**
   * The ASSIGNED event of a classification, by whoever chose the agent: the classifier when they
   * named one; for an agent kept from triage, the staff member who assigned them then (the
   * classifier left the form on «Automático» and chose no one, so the timeline credits the
   * choice to whoever made it); the system (no actor) for the least-loaded pick, and for a kept
   * agent whose triage assignment the view no longer holds (a triage of more than
   * KEPT_TIMELINE_EVENTS events).
   */
  const recordAssigned = (
    args: ClassifyArgs,
    assigned: { agentId: string; automatic: boolean },
  ): void => {
    let actor: Actor | null = null;
    if (args.agentId !== undefined) {
      if (rt.patched(NAMED_ASSIGNMENT_ACTOR_PATCH)) actor = args.actor;
    } else if (!assigned.automatic && rt.patched(KEPT_ASSIGNMENT_ACTOR_PATCH)) {
      actor =
        rt.view.timeline.findLast(
          (e) => e.type === reassignUpdate.name && e.data.agentId === assigned.agentId,
        )?.actor ?? null;
    }
    rt.record('ASSIGNED', actor, assigned);
  };
  transition(rt, classifyUpdate, RULES.classify, {
    // Accepted as a requirement on an ADMIN_ACTION ticket only by runs older than the patch.
    handlerRule: (args) =>
      args.classification === 'REQUIREMENT' &&
      rt.view.category === 'ADMIN_ACTION' &&
      !rt.patched(ADMIN_ACTION_PROBLEM_ONLY_PATCH)
        ? CLASSIFY_BEFORE_ADMIN_ACTION_PATCH
        : RULES.classify,
    apply: async (args) => {
      await rt.endClock('triage', 'MET', 'triage done');
      if (args.classification === 'PROBLEM') {
        // L3-07: assigned at once.
        const { agentId, automatic } = (await classifiedAgent(args))!;
        rt.update({ state: 'IN_ANALYSIS', classification: 'PROBLEM', assigneeId: agentId });
        recordAssigned(args, { agentId, automatic });
        await rt.startClock('progress');
      } else {
        rt.update({
          state: 'IN_DIAGNOSIS',
          classification: 'REQUIREMENT',
          requirementKind: args.requirementKind ?? null,
        });
        // L3-08: the agent who diagnoses and estimates it (runs before requirements had an
        // assignee stay unassigned).
        const candidates = args.candidateAgentIds ?? [];
        if (
          (args.agentId !== undefined || candidates.length > 0) &&
          rt.patched(REQUIREMENT_ASSIGNEE_PATCH)
        ) {
          const assigned = await classifiedAgent(args);
          if (assigned) {
            rt.update({ assigneeId: assigned.agentId });
            recordAssigned(args, assigned);
          }
        }
        await rt.startClock('diagnosis');
      }
    },
  });

  // L3-07 problem path
  transition(rt, addProgressUpdate, RULES.addProgress, {
    apply: () => rt.restartClock('progress', 'progress update sent'),
  });
  transition(rt, waitOnClientUpdate, RULES.waitOnClient, {
    apply: async () => {
      const origin = rt.view.state === 'IN_ANALYSIS' ? 'IN_ANALYSIS' : 'IN_DIAGNOSIS';
      rt.update({ state: 'WAITING_ON_CLIENT', waitingFrom: origin });
      await rt.pauseClock(origin === 'IN_ANALYSIS' ? 'progress' : 'diagnosis');
    },
  });
  // The client's answer: back to the waiting origin, its clock resumes (also a client comment).
  const clientReplied = async (): Promise<void> => {
    const origin =
      rt.view.waitingFrom ??
      fail('INVALID_TRANSITION', 'not waiting', {
        reason: 'WRONG_STATE',
        action: 'clientReplied',
        state: rt.view.state,
      });
    rt.update({ state: origin, waitingFrom: null });
    await rt.resumeClock(origin === 'IN_ANALYSIS' ? 'progress' : 'diagnosis');
  };
  transition(rt, clientRepliedUpdate, RULES.clientReplied, { apply: clientReplied });
  // L3-06/L3-07/L3-08/L3-11: the client answered off the portal and staff record it; the effect
  // is the client's own answer's. A new Update: no recorded history has it, so no patch.
  // The event says which wait it answered (`answered`: INFO_REQUESTED or WAITING_ON_CLIENT).
  transition(rt, recordClientAnswerUpdate, RULES.recordClientAnswer, {
    apply: (_args, seq) => {
      const answered = rt.view.state;
      rt.amend(seq, { answered });
      return answered === 'INFO_REQUESTED' ? provideInfo() : clientReplied();
    },
  });
  transition(rt, resolveUpdate, RULES.resolve, {
    apply: async () => {
      // The instant of the `resolve` event (workflow time stands still until the next await).
      const resolvedAt = new Date().toISOString();
      await rt.endClock('progress', 'MET', 'resolved');
      to('RESOLVED');
      // L3-07: closed by itself if the client neither confirms nor reopens it.
      await rt.scheduleAutoClose(resolvedAt);
    },
  });
  transition(rt, confirmResolutionUpdate, RULES.confirmResolution, {
    apply: (args) => close('CLOSED', 'CONFIRMED', args.note ?? 'resolution confirmed'),
  });
  transition(rt, reopenUpdate, RULES.reopen, {
    apply: async () => {
      to('IN_ANALYSIS');
      await rt.startClock('progress');
    },
  });
  transition(rt, declareOutOfScopeUpdate, RULES.declareOutOfScope, {
    apply: async (args) => {
      await rt.endAllClocks('MET', 'out of scope');
      rt.update({ waitingFrom: null });
      close('OUT_OF_SCOPE', 'OUT_OF_SCOPE', args.note!);
    },
  });

  // L3-08 requirement path: diagnosis
  transition(rt, declareNotFeasibleUpdate, RULES.declareNotFeasible, {
    apply: async (args) => {
      await rt.endAllClocks('MET', 'not feasible');
      rt.update({ waitingFrom: null });
      close('NOT_FEASIBLE', 'NOT_FEASIBLE', args.reasons.join('\n'));
    },
  });
  transition(rt, submitEstimateUpdate, RULES.submitEstimate, {
    apply: async (args) => {
      await rt.endClock('diagnosis', 'MET', 'estimate submitted');
      const estimate: Estimate = {
        version: rt.view.estimates.length + 1,
        hours: args.hours,
        scope: args.scope,
        submittedAt: new Date().toISOString(),
        submittedBy: args.actor.userId,
        status: 'SUBMITTED',
      };
      rt.update({ state: 'ESTIMATE_SUBMITTED', estimates: [...rt.view.estimates, estimate] });
      // L3-09: the approval wait has no SLA, but the approvers are reminded.
      await rt.scheduleApprovalReminders(estimate.version, estimate.submittedAt);
    },
  });

  // L3-09 approval, scheduling, delivery
  const decide = (version: number, status: Estimate['status']): void =>
    rt.update({
      estimates: rt.view.estimates.map((e) => (e.version === version ? { ...e, status } : e)),
    });
  // L3-12: an estimate's or a change order's hours are reserved first (the version's `hours`);
  // without enough balance nothing is recorded.
  const reserveFor = async (args: AuthorizeArgs): Promise<void> => {
    const version = rt.view.estimates.find((e) => e.version === args.estimateVersion)!;
    const key = `${workflowInfo().workflowId}:${args.requestId}`;
    await reserveEstimateHours(rt.view, version, args.actor.userId, key);
  };
  // L3-09: the written authorization, kept verbatim with who and when; the version is AUTHORIZED.
  const authorized = (args: AuthorizeArgs) => {
    decide(args.estimateVersion, 'AUTHORIZED');
    const authorization = {
      estimateVersion: args.estimateVersion,
      approverId: args.actor.userId,
      statement: args.statement,
      at: new Date().toISOString(),
    };
    return [...rt.view.authorizations, authorization];
  };
  transition(rt, authorizeEstimateUpdate, RULES.authorizeEstimate, {
    precheck: reserveFor,
    apply: async (args) => {
      rt.update({ state: 'SCHEDULING', authorizations: authorized(args) });
      await rt.startClock('scheduling');
    },
  });
  for (const [definition, rule, status] of [
    [rejectEstimateUpdate, RULES.rejectEstimate, 'REJECTED'],
    [requestReestimateUpdate, RULES.requestReestimate, 'REESTIMATE_REQUESTED'],
  ] as const) {
    // L3-09: a rejection or a re-estimate request goes back to diagnosis, with a new clock.
    transition(rt, definition, rule, {
      apply: async (args) => {
        decide(args.estimateVersion, status);
        to('IN_DIAGNOSIS');
        await rt.startClock('diagnosis');
      },
    });
  }
  // L3-12 change orders. The state and its clocks stay; the version's `hours` is the new total,
  // which the ledger reserves in place of the previous hold. The approvers are reminded while it
  // waits (runs that predate change-order reminders schedule none).
  transition(rt, submitChangeOrderUpdate, RULES.submitChangeOrder, {
    apply: async (args) => {
      const authorized = rt.view.estimates.filter((e) => e.status === 'AUTHORIZED').at(-1)!;
      const changeOrder: Estimate = {
        version: rt.view.estimates.length + 1,
        hours: Math.round((authorized.hours + args.additionalHours) * 100) / 100,
        scope: args.scope,
        submittedAt: new Date().toISOString(),
        submittedBy: args.actor.userId,
        status: 'SUBMITTED',
        changeOrder: true,
        additionalHours: args.additionalHours,
      };
      rt.update({ estimates: [...rt.view.estimates, changeOrder] });
      await rt.scheduleChangeOrderReminders(changeOrder.version, changeOrder.submittedAt);
    },
  });
  transition(rt, authorizeChangeOrderUpdate, RULES.authorizeChangeOrder, {
    // Accepted in RELEASED_FOR_TESTING only by runs older than the patch (the validator refuses).
    handlerRule: () =>
      rt.view.state === 'RELEASED_FOR_TESTING' && !rt.patched(CHANGE_ORDER_NOT_IN_TESTING_PATCH)
        ? AUTHORIZE_CHANGE_ORDER_BEFORE_PATCH
        : RULES.authorizeChangeOrder,
    // As for an estimate; the state and its clocks stay.
    precheck: reserveFor,
    apply: (args) => {
      rt.update({ authorizations: authorized(args) });
    },
  });
  transition(rt, rejectChangeOrderUpdate, RULES.rejectChangeOrder, {
    apply: (args) => decide(args.estimateVersion, 'REJECTED'),
  });
  transition(rt, setReleaseDateUpdate, RULES.setReleaseDate, {
    precheck: async (args) => {
      if (!(await rt.isBusinessInstant(args.releaseDate))) {
        fail('VALIDATION_FAILED', `releaseDate ${args.releaseDate} is outside business time`, {
          reason: 'OUTSIDE_BUSINESS_TIME',
          field: 'releaseDate',
          value: args.releaseDate,
        });
      }
    },
    apply: async (args) => {
      await rt.endClock('scheduling', 'MET', 'release date published');
      rt.update({ state: 'RELEASE_DATE_SET', releaseDate: args.releaseDate });
    },
  });
  transition(rt, startDevelopmentUpdate, RULES.startDevelopment, {
    apply: () => to('IN_DEVELOPMENT'),
  });
  transition(rt, releaseForTestingUpdate, RULES.releaseForTesting, {
    apply: async (args) => {
      // The instant of the `releaseForTesting` event (workflow time stands still until an await).
      const releasedAt = new Date().toISOString();
      to('RELEASED_FOR_TESTING');
      // L3-09: no deadline for the client's testing, but the client is reminded while it waits.
      await rt.scheduleTestingReminders(releasedAt, args.note);
    },
  });
  transition(rt, acceptDeliveryUpdate, RULES.acceptDelivery, {
    apply: (args) => close('CLOSED', 'ACCEPTED', args.note ?? 'delivery accepted'),
  });
  transition(rt, reportFailuresUpdate, RULES.reportFailures, {
    apply: () => rt.update({ state: 'IN_DEVELOPMENT', reworkCount: rt.view.reworkCount + 1 }),
  });

  // L3-17 odoo.sh administration: executed and closed by provider staff only, fully audited.
  transition(rt, recordAdminActionUpdate, RULES.recordAdminAction, {
    apply: async (args) => {
      // Executing the request attends it: the triage clock (if still running) is met.
      await rt.endClock('triage', 'MET', 'admin action executed');
      const now = new Date().toISOString();
      const action: AdminAction = {
        action: args.action,
        details: args.details.trim(),
        executedAt: args.executedAt ?? now,
        executedBy: args.actor.userId,
        recordedAt: now,
      };
      rt.update({ adminActions: [...(rt.view.adminActions ?? []), action] });
    },
  });
  transition(rt, closeAdminActionUpdate, RULES.closeAdminAction, {
    apply: async (args) => {
      await rt.endAllClocks('MET', 'admin action done');
      const done = (rt.view.adminActions ?? []).map((a) => `${a.action}: ${a.details}`);
      close('CLOSED', 'ADMIN_ACTION_DONE', args.note ?? done.join('\n'));
    },
  });

  // Comments and internal notes (issue 5): a timeline event; a client's comment on a ticket
  // waiting on the client is its reply and resumes the paused clock, like clientReplied; on a
  // ticket in INFO_REQUESTED it is the information, like provideInfo (L3-06, L3-11; runs that
  // predate the patch keep it a plain comment when replayed).
  // A staff public reply while the progress clock runs is a progress update (L3-07): the mark on
  // the comment event (its one timeline entry and its one email) and the clock restart.
  transition(rt, commentUpdate, RULES.comment, {
    apply: async (args, seq) => {
      // The comment says which wait it answered (`answered`, as a recorded answer does), so the
      // agent's email says the clock resumed or restarted (QA S57).
      if (isClientReply(args, rt.view)) {
        rt.amend(seq, { answered: 'WAITING_ON_CLIENT' });
        await clientReplied();
      } else if (answersInfoRequest(args, rt.view) && rt.patched(COMMENT_ANSWERS_INFO_PATCH)) {
        rt.amend(seq, { answered: 'INFO_REQUESTED' });
        await provideInfo();
      } else if (countsAsProgress(args, rt.view) && rt.patched(PUBLIC_REPLY_PROGRESS_PATCH)) {
        rt.amend(seq, { countsAsProgress: true });
        await rt.restartClock('progress', 'public reply sent');
      }
    },
  });

  transition(rt, cancelUpdate, RULES.cancel, {
    apply: async (args, seq) => {
      await rt.endAllClocks('STOPPED', 'cancelled by the client');
      rt.update({ waitingFrom: null });
      close('CANCELLED', 'CANCELLED', args.note!);
      // L3-12: the reservation's unused hours go back now (as the ended run would, same key), and
      // the cancel event carries how many for the email. A ticket nothing was reserved for skips it.
      if (!rt.view.authorizations.length || !rt.patched(CANCEL_RELEASES_HOURS_PATCH)) return;
      let releasedHours: number | null;
      try {
        releasedHours = await releaseUnusedHours(rt.view, workflowInfo().workflowId);
      } catch (err) {
        // A refused release fails no cancellation: the ended run asks again (as before the
        // patch) and the email keeps the words without a number.
        if (err instanceof ActivityFailure) return;
        throw err;
      }
      rt.hoursReleased = true;
      if (releasedHours !== null) rt.amend(seq, { releasedHours });
    },
  });
}
