import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { SlaClockKind } from '../sla/sla-events.contract';
import type { SlaClockView } from './sla-clock';
import type { BusinessWindow } from './clock-arithmetic';
import type { TicketState } from './ticket-states';

// Contract of the ticket workflow (the L3 support contract as one durable workflow per ticket),
// imported by the workflow, the worker and the clients alike. Clause IDs: SLA-CLAUSES.md.

export type { SlaClockKind } from '../sla/sla-events.contract';
export type { ClockStatus, ClockTarget, PauseInterval, SlaClockView } from './sla-clock';

/** L3-01 ticket categories. */
export type TicketCategory =
  'QUESTION' | 'INCIDENT' | 'CONFIGURATION' | 'DEVELOPMENT' | 'TRAINING' | 'ADMIN_ACTION';

/** L3-06 triage outcome. */
export type Classification = 'PROBLEM' | 'REQUIREMENT';
/** L3-08 kinds of requirement. */
export type RequirementKind = 'CHANGE' | 'CONFIGURATION' | 'DEVELOPMENT' | 'TRAINING' | 'OTHER';

export {
  isTicketEnded,
  RELEASE_DATE_STATES,
  TERMINAL_STATES,
  type TicketState,
} from './ticket-states';
/** Same names as `src/identity/role.enum.ts` (a workflow may not import application code). */
export type ActorRole = 'CLIENT_USER' | 'CLIENT_APPROVER' | 'AGENT' | 'MANAGER' | 'ADMIN';

export interface Actor {
  readonly userId: string;
  readonly role: ActorRole;
}

/** The roles that register tickets (L3-04: the client's portal users). */
export type RegistrantRole = Extract<ActorRole, 'CLIENT_USER' | 'CLIENT_APPROVER'>;
export const REGISTRANT_ROLES: readonly RegistrantRole[] = ['CLIENT_USER', 'CLIENT_APPROVER'];

/** Stable `ApplicationFailure.type` codes of rejected updates (mapped to GraphQL codes by the API). */
export type TicketErrorCode = 'INVALID_TRANSITION' | 'VALIDATION_FAILED' | 'FORBIDDEN' | 'CONFLICT';

/**
 * Why an Update was refused, in `ApplicationFailure.details[0]`: a stable `reason` (e.g.
 * `WRONG_STATE`) and its parameters (e.g. `action`, `state`), for clients to word in the user's
 * language. The API passes it on as GraphQL `extensions`.
 */
export interface Refusal {
  readonly reason: string;
  readonly [param: string]: unknown;
}

export interface TicketInput {
  /** L3-02 business key, e.g. `L3-2026-000123`. */
  readonly ticketNumber: string;
  readonly clientOrgId: string;
  /** The organization's calendar, resolved by the caller. */
  readonly calendarId: string;
  readonly registrantId: string;
  /**
   * The role the registrant registered in (L3-04: a client user, or a client approver, who may
   * register tickets too), recorded as the `registered` event's actor role. Absent (callers before
   * it): CLIENT_USER, as runs before the field (`registered-actor-role`) record it.
   */
  readonly registrantRole?: RegistrantRole;
  readonly category: TicketCategory;
  readonly subject: string;
  readonly description: string;
  /** ISO-8601 instant of registration; the triage clock counts from its next business minute. */
  readonly registeredAt: string;
  /** L3-07 progress cadence in business minutes; default 480 (8 business hours). */
  readonly progressCadenceMinutes?: number;
  /** Share of a clock's business time after which it is at risk; default 0.75. */
  readonly atRiskFraction?: number;
  /**
   * Upsert the custom search attributes (default true). The time-skipping test server does not
   * know them, so workflow tests pass false; the dev server registers them at start.
   */
  readonly searchAttributes?: boolean;
  /**
   * The `searchAttributesKey` of the search attributes the workflow's start set (a registration
   * starts it with those of the state it answered with; issues 5/10): the first task upserts them
   * only if the state it opens with differs. Absent (a start without them, runs before it): the
   * first task upserts them. Not read by a continued run.
   */
  readonly searchAttributesAtStart?: string;
  /**
   * The patches this run takes without a marker (folded-patches.ts): the level of the code that
   * started it, carried through continue-as-new. Absent (runs started before it): every patch is
   * asked with `patched()`.
   */
  readonly foldedPatches?: number;
  /** Continue-as-new once history reaches this many events (default `HISTORY_EVENT_LIMIT`). */
  readonly historyEventLimit?: number;
  /** Set only by continue-as-new: the state carried over from the previous run. */
  readonly carried?: CarriedTicketState;
  /**
   * The opening triage clock's computation and the calendar window around it (`openingWindow`),
   * made by the API at registration on the calendar version it answered with (issues 5/10): the
   * first task then asks no local activity. Absent (the start reconciler, a retried registration,
   * runs before it): the local activity computes them, as it did.
   */
  readonly opening?: TicketOpening;
}

/** {@link TicketInput.opening}. */
export interface TicketOpening {
  readonly triage: ClockComputation;
  readonly window: BusinessWindow;
}

/** Default history length after which the workflow continues as new (server suggestion also counts). */
export const HISTORY_EVENT_LIMIT = 5_000;
/** Processed request IDs remembered for idempotency (oldest forgotten first). */
export const REMEMBERED_REQUESTS = 500;
/**
 * Timeline events a ticket's workflow keeps in its state once they are in the event log (the
 * newest; older ones are dropped). The state is carried through continue-as-new as one payload,
 * and Temporal refuses payloads over 2 MB: a full timeline reached that after about 1,500
 * progress updates (1.3 KB each). The event log in PostgreSQL keeps every event.
 */
export const KEPT_TIMELINE_EVENTS = 200;
/**
 * Ended clock runs a ticket's workflow keeps in its state once they are in the read model (the
 * newest). Each progress update ends a run and starts the next (L3-07, ≈ 450 bytes each); the
 * read model keeps every run.
 */
export const KEPT_ENDED_CLOCK_RUNS = 50;

export interface TimelineEvent {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  /** The acting user, or `null` for the workflow itself (clocks, system events). */
  readonly actor: Actor | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export type EstimateStatus =
  | 'SUBMITTED'
  | 'AUTHORIZED'
  | 'REJECTED'
  | 'REESTIMATE_REQUESTED'
  /** L3-12: a change order still pending when its ticket ended (closed, cancelled…); nothing reserved. */
  | 'WITHDRAWN';

export interface Estimate {
  readonly version: number;
  readonly hours: number;
  readonly scope: string;
  readonly submittedAt: string;
  readonly submittedBy: string;
  readonly status: EstimateStatus;
  /**
   * L3-12 change order: more hours for a requirement already authorized and being worked on
   * ({@link CHANGE_ORDER_STATES}). `hours` is then the ticket's new authorized total (the newest
   * authorized version's hours plus `additionalHours`), as the ledger reserves totals. Absent on
   * estimates (and on versions recorded before change orders existed).
   */
  readonly changeOrder?: boolean;
  /** The hours a change order adds to the authorized ones. */
  readonly additionalHours?: number;
}

/** L3-09 written authorization, kept verbatim. */
export interface Authorization {
  readonly estimateVersion: number;
  readonly approverId: string;
  readonly statement: string;
  readonly at: string;
}

export type ClosureOutcome =
  | 'CONFIRMED'
  | 'ACCEPTED'
  | 'OUT_OF_SCOPE'
  | 'NOT_FEASIBLE'
  | 'CANCELLED'
  /** L3-17: provider staff executed the requested odoo.sh administration and closed the ticket. */
  | 'ADMIN_ACTION_DONE'
  /** L3-07: resolved, and the client neither confirmed nor reopened it in time. */
  | 'AUTO_CLOSED';

/** L3-17 odoo.sh administration done only by provider staff, at the client's request. */
export type AdminActionKind = 'BACKUP' | 'RESTORE' | 'BRANCH_CONFIGURATION' | 'OTHER';
export const ADMIN_ACTION_KINDS: readonly AdminActionKind[] = [
  'BACKUP',
  'RESTORE',
  'BRANCH_CONFIGURATION',
  'OTHER',
];

/** L3-17 audit record: what was done, by whom, when. */
export interface AdminAction {
  readonly action: AdminActionKind;
  readonly details: string;
  /** ISO-8601 instant the action was executed (not in the future). */
  readonly executedAt: string;
  readonly executedBy: string;
  /** When it was recorded (workflow time). */
  readonly recordedAt: string;
}

export interface TicketView {
  readonly ticketNumber: string;
  readonly clientOrgId: string;
  readonly calendarId: string;
  readonly registrantId: string;
  readonly category: TicketCategory;
  readonly subject: string;
  readonly description: string;
  readonly registeredAt: string;
  readonly progressCadenceMinutes: number;
  readonly atRiskFraction: number;
  readonly state: TicketState;
  /** The state a WAITING_ON_CLIENT ticket returns to. */
  readonly waitingFrom: 'IN_ANALYSIS' | 'IN_DIAGNOSIS' | null;
  readonly classification: Classification | null;
  readonly requirementKind: RequirementKind | null;
  readonly assigneeId: string | null;
  readonly remoteSessionAt: string | null;
  /**
   * L3-06: the newest remote-session proposal with its link, duration and the client's answer.
   * Absent on views of runs before it (their `remoteSessionAt` says the date).
   */
  readonly remoteSession?: RemoteSession | null;
  readonly estimates: readonly Estimate[];
  readonly authorizations: readonly Authorization[];
  /** L3-09 published release-for-testing date. */
  readonly releaseDate: string | null;
  readonly reworkCount: number;
  /**
   * L3-17 admin actions executed on an ADMIN_ACTION ticket, oldest first. Optional: views carried
   * over from runs before L3-17 lack it (read as empty).
   */
  readonly adminActions?: readonly AdminAction[];
  readonly closure: {
    readonly outcome: ClosureOutcome;
    readonly reason: string;
    readonly at: string;
  } | null;
  /**
   * The open clock runs, and at most {@link KEPT_ENDED_CLOCK_RUNS} ended ones once projected (the
   * newest). The read model keeps every run.
   */
  readonly clocks: readonly SlaClockView[];
  /**
   * The newest timeline events, in sequence order: every event not yet in the event log, and at
   * most {@link KEPT_TIMELINE_EVENTS} of those that are. The full timeline is the event log's.
   */
  readonly timeline: readonly TimelineEvent[];
  /** Per kind, how many of the oldest ended runs were dropped from `clocks` (absent: none). */
  readonly droppedClockRuns?: Partial<Record<SlaClockKind, number>>;
  /**
   * L3-09 reminders to the client approvers of the submitted estimate (no SLA: never a clock,
   * never in `slaStatus`). Absent on views of runs before reminders existed; inert once the
   * estimate is no longer the submitted one.
   */
  readonly approvalReminder?: ApprovalReminderSchedule | null;
  /**
   * L3-12 reminders to the client approvers of the pending change order, on the estimate's
   * cadence and limit (`estimateVersion` is the change order's version). Absent on views of runs
   * before change-order reminders existed; inert once that change order is decided or withdrawn.
   */
  readonly changeOrderReminder?: ApprovalReminderSchedule | null;
  /**
   * L3-09 reminders to the registrant and the authorizers while a release waits for their testing
   * (no SLA: never a clock). Set at each release for testing; inert once the ticket leaves
   * RELEASED_FOR_TESTING. Absent on views of runs before testing reminders existed.
   */
  readonly testingReminder?: TestingReminderSchedule | null;
  /**
   * L3-07 closure of a resolved ticket the client does not answer (no SLA: never a clock). Set at
   * each resolution; inert once the ticket leaves RESOLVED. Absent on views of runs before it.
   */
  readonly autoClose?: AutoCloseSchedule | null;
  /** Worst over the open clocks. */
  readonly slaStatus: 'ok' | 'at_risk' | 'breached';
  readonly nextDeadline: string | null;
}

/**
 * L3-09 "approval wait (no provider SLA; reminders to the approver)": while an estimate waits for
 * its written authorization, the approvers are reminded every
 * {@link APPROVAL_REMINDER_BUSINESS_DAYS} business days of the ticket's calendar (the days rule of
 * BUSINESS-TIME.md: the closing of the Nth business date after), at most
 * {@link APPROVAL_REMINDER_LIMIT} times per estimate version. Each reminder is an
 * `ESTIMATE_REMINDER` timeline event `{ estimateVersion, reminder, limit, nextReminderAt }`, emailed
 * once (outbox keyed by event) to the registrant and the organization's approvers.
 *
 * L3-12: a pending change order is reminded the same way (same cadence from its submission, same
 * limit, same recipients), as `CHANGE_ORDER_REMINDER` events of the same shape (`estimateVersion`
 * is the change order's version), while it can be authorized (not released for testing). Its
 * authorization, rejection or withdrawal (the ticket ended) stops them; a new one starts afresh.
 */
export const APPROVAL_REMINDER_BUSINESS_DAYS = 2;
export const APPROVAL_REMINDER_LIMIT = 5;

export interface ApprovalReminderSchedule {
  /** The estimate's (or the change order's) version the reminders are about. */
  readonly estimateVersion: number;
  /** Reminders already sent for this estimate version. */
  readonly sent: number;
  /** ISO-8601 instant of the next reminder; `null` once the limit is reached. */
  readonly nextAt: string | null;
  /**
   * What `nextAt` counts from (the submission, then the last reminder), so a calendar change can
   * move it. Absent on schedules made before it was kept.
   */
  readonly from?: string;
}

/**
 * L3-09 client testing: the contract sets no time limit for it and the provider has no SLA there,
 * but while a release waits in RELEASED_FOR_TESTING the registrant and the approvers who
 * authorized the work are reminded every {@link TESTING_REMINDER_BUSINESS_DAYS} business days of
 * the ticket's calendar from the release (the days rule of BUSINESS-TIME.md), at most
 * {@link TESTING_REMINDER_LIMIT} times per release. Each reminder is a `TESTING_REMINDER` timeline
 * event `{ releasedAt, release, reminder, limit, nextReminderAt, note? }`, emailed once. Accepting,
 * reporting failures or cancelling stops them; a new release (after rework) starts its own series.
 * Never an automatic acceptance: the decision is the client's.
 */
export const TESTING_REMINDER_BUSINESS_DAYS = 2;
export const TESTING_REMINDER_LIMIT = 3;

export interface TestingReminderSchedule {
  /** ISO-8601 instant of the release for testing this series is about. */
  readonly releasedAt: string;
  /** Which release of the ticket it is: 1, then one more after each rework. */
  readonly release: number;
  /** The note the release was made with, if any (what was released, in the agent's words). */
  readonly note?: string;
  /** Reminders already sent for this release. */
  readonly sent: number;
  /** ISO-8601 instant of the next reminder; `null` once the limit is reached. */
  readonly nextAt: string | null;
  /** What `nextAt` counts from (the release, then the last reminder), so a calendar change can move it. */
  readonly from: string;
}

/**
 * L3-07: a RESOLVED ticket the client neither confirms nor reopens is closed
 * {@link AUTO_CLOSE_BUSINESS_DAYS} business days after its resolution (the days rule of
 * BUSINESS-TIME.md on the ticket's calendar), with outcome AUTO_CLOSED and an `AUTO_CLOSED`
 * timeline event; the client is reminded once, {@link AUTO_CLOSE_REMINDER_BUSINESS_DAYS}
 * business days after the resolution (`AUTO_CLOSE_REMINDER { resolvedAt, closeAt }`).
 */
export const AUTO_CLOSE_BUSINESS_DAYS = 5;
export const AUTO_CLOSE_REMINDER_BUSINESS_DAYS = 3;

export interface AutoCloseSchedule {
  readonly resolvedAt: string;
  /** ISO-8601 instants of the reminder and of the closure. */
  readonly remindAt: string;
  readonly closeAt: string;
  /** When the reminder was recorded; null until then. */
  readonly remindedAt: string | null;
}

export interface TransitionResult {
  readonly requestId: string;
  readonly update: string;
  readonly state: TicketState;
  /** Sequence number of the timeline event this request wrote. */
  readonly seq: number;
}

export interface CarriedTicketState {
  readonly view: TicketView;
  readonly processed: readonly TransitionResult[];
  /** Timeline events up to here are in the PostgreSQL event log. */
  readonly projectedSeq?: number;
  /**
   * The calendar version the reminders and the auto-close were last computed on, so the next
   * run's first `SCHEDULE_RECOMPUTED` still names the version before it (data only: absent from
   * runs continued before it was carried, which leave it unknown until their next computation).
   */
  readonly scheduleCalendarVersion?: number;
}

// ---- update arguments: every one carries a requestId (idempotency key) and the actor ----

export interface RequestBase {
  readonly requestId: string;
  readonly actor: Actor;
}
export interface NoteArgs extends RequestBase {
  /** Required where the transition needs an explanation (info request, progress, reason…). */
  readonly note?: string;
}
export interface RemoteSessionArgs extends RequestBase {
  /** ISO-8601 instant proposed for the remote session. */
  readonly at: string;
  readonly note?: string;
  /** L3-06: where the session is held (an `https://` URL only); absent: told on the ticket. */
  readonly link?: string;
  /**
   * Minutes the session is planned to last, {@link REMOTE_SESSION_MIN_MINUTES}…
   * {@link REMOTE_SESSION_MAX_MINUTES}; default {@link REMOTE_SESSION_DEFAULT_MINUTES}.
   */
  readonly durationMinutes?: number;
}
/** L3-06: the length a remote session may be proposed with, in minutes. */
export const REMOTE_SESSION_MIN_MINUTES = 15;
export const REMOTE_SESSION_MAX_MINUTES = 240;
export const REMOTE_SESSION_DEFAULT_MINUTES = 60;
/** Longest meeting link accepted, in characters. */
export const REMOTE_SESSION_LINK_MAX_LENGTH = 2_000;

/** L3-06: the client accepts the current proposal (`proposal` is its number). */
export interface RemoteSessionAcceptArgs extends RequestBase {
  readonly proposal: number;
  readonly note?: string;
}
/** L3-06: the client cannot attend the current proposal: why, and maybe a time that suits them. */
export interface RemoteSessionDeclineArgs extends RequestBase {
  readonly proposal: number;
  readonly reason: string;
  /** ISO-8601 instant the client suggests instead (in the future). */
  readonly suggestedAt?: string;
}

/**
 * L3-06 (QA S62): staff withdraw the current proposal, confirmed or not (e.g. the issue was fixed
 * before the session), with an optional note for the client.
 */
export interface RemoteSessionWithdrawArgs extends RequestBase {
  readonly proposal: number;
  readonly note?: string;
}

/**
 * L3-06: the remote session proposed on a ticket (the newest proposal) and the client's answer to
 * it. `proposal` counts the ticket's proposals (1, 2… after each re-proposal); an answer names it,
 * so a stale page cannot answer a proposal that was replaced.
 */
export interface RemoteSession {
  readonly proposal: number;
  readonly at: string;
  readonly durationMinutes: number;
  readonly link: string | null;
  readonly note: string | null;
  readonly proposedAt: string;
  readonly proposedBy: string;
  readonly accepted: { readonly at: string; readonly by: string } | null;
  readonly declined: {
    readonly at: string;
    readonly by: string;
    readonly reason: string;
    readonly suggestedAt: string | null;
  } | null;
  /**
   * QA S63 #4 (RFC 5546): the proposal that opened this session's calendar entry (its `.ics` UID),
   * when it is not the ticket's first entry: a proposal after a declined or withdrawn one opens a
   * new entry (a cancelled UID stays cancelled in the client's calendar); one after a proposal
   * still in the calendars (the client answered on the ticket instead) moves that entry. Absent:
   * the ticket's first entry, and every proposal of runs before the change (their UID stays).
   */
  readonly calendarEntry?: number;
  /** QA S62: staff withdrew it (absent on views before `withdrawRemoteSession`). */
  readonly withdrawn?: {
    readonly at: string;
    readonly by: string;
    readonly note: string | null;
  } | null;
}
export interface ClassifyArgs extends RequestBase {
  readonly classification: Classification;
  /** Required for a requirement. */
  readonly requirementKind?: RequirementKind;
  /** L3-07 named assignment of a problem… */
  readonly agentId?: string;
  /** …or automatic: the least-loaded of these agents (activity `pickAgent`). */
  readonly candidateAgentIds?: readonly string[];
}
export interface ReasonsArgs extends RequestBase {
  readonly reasons: readonly string[];
}
export interface EstimateArgs extends RequestBase {
  readonly hours: number;
  readonly scope: string;
}
export interface EstimateDecisionArgs extends RequestBase {
  readonly estimateVersion: number;
}
export interface AuthorizeArgs extends EstimateDecisionArgs {
  /** The approver's written authorization, kept verbatim. */
  readonly statement: string;
}
export interface EstimateFeedbackArgs extends EstimateDecisionArgs {
  readonly reason: string;
}
/** L3-12: a change order asks the client for more hours than the authorized estimate holds. */
export interface ChangeOrderArgs extends RequestBase {
  /** Hours added on top of the authorized ones (finite, > 0). */
  readonly additionalHours: number;
  /** What the additional hours are for (scope, reason). */
  readonly scope: string;
}
export interface ReleaseDateArgs extends RequestBase {
  /** ISO-8601 instant: in the future, inside (or at the closing of) business time. */
  readonly releaseDate: string;
}

/**
 * A comment on the ticket's timeline (issue 5, L3-11). `internal` notes are provider-only: never
 * shown to client users, never emailed. `body` is trimmed, 1…{@link COMMENT_MAX_LENGTH} chars.
 */
export interface CommentArgs extends RequestBase {
  readonly body: string;
  readonly internal: boolean;
  /** L3-11: the commenter's files that go with it (recorded on the event; its email names them). */
  readonly attachmentIds?: readonly string[];
}
/** Most files one comment carries (L3-11; the web's comment box offers as many). */
export const COMMENT_MAX_FILES = 10;
/** Longest comment body, in characters (after trimming). */
export const COMMENT_MAX_LENGTH = 10_000;

/** L3-07: provider staff hand an assigned open ticket to another agent. */
export interface ReassignArgs extends RequestBase {
  /** `app_user.id` of the provider agent who takes the ticket (the API checks: active AGENT). */
  readonly agentId: string;
  /** Why, for the timeline and the new assignee's email. */
  readonly note?: string;
  /**
   * The agent the caller expects to hand the ticket over from (a bulk reassignment of an agent's
   * open tickets): another assignee by now is INVALID_TRANSITION `ASSIGNEE_CHANGED`, nothing
   * recorded, so a ticket someone handed elsewhere meanwhile is not taken from its new agent.
   * Absent (a single reassignment, every recorded history): no such check.
   */
  readonly fromAgentId?: string;
}

/**
 * L3-06 / L3-07 / L3-08 / L3-11: how a client's answer reached provider staff when it did not come
 * through the portal (teléfono, WhatsApp, correo, reunión, otro).
 */
export type ClientAnswerChannel = 'PHONE' | 'WHATSAPP' | 'EMAIL' | 'MEETING' | 'OTHER';
export const CLIENT_ANSWER_CHANNELS: readonly ClientAnswerChannel[] = [
  'PHONE',
  'WHATSAPP',
  'EMAIL',
  'MEETING',
  'OTHER',
];

/** Provider staff record, on the client's behalf, the answer the client gave off the portal. */
export interface ClientAnswerArgs extends RequestBase {
  /** What the client said (required). */
  readonly note: string;
  readonly channel: ClientAnswerChannel;
}

/** L3-17: provider staff record an executed odoo.sh admin action. */
export interface AdminActionArgs extends RequestBase {
  readonly action: AdminActionKind;
  readonly details: string;
  /** ISO-8601 instant; default now; never in the future. */
  readonly executedAt?: string;
}

const u = <A>(name: string): UpdateDefinition<TransitionResult, [A]> =>
  defineUpdate<TransitionResult, [A]>(name);

/**
 * L3-06 triage. `requestInfo` / `proposeRemoteSession` stop the triage clock (the waiting time is
 * the client's). When the client answers (`provideInfo`) a NEW triage clock of 8 business hours
 * starts: the contract's "attended within 8 business hours" applies to the completed request, and
 * the provider gets the full term again (decision recorded in the timeline as CLOCK_STARTED).
 */
export const requestInfoUpdate = u<NoteArgs>('requestInfo');
export const proposeRemoteSessionUpdate = u<RemoteSessionArgs>('proposeRemoteSession');
export const provideInfoUpdate = u<NoteArgs>('provideInfo');
/**
 * L3-06: the client (CLIENT_USER, CLIENT_APPROVER) answers the current remote-session proposal in
 * REMOTE_SESSION_PROPOSED. Accepting records the confirmation (`acceptRemoteSession`
 * `{ proposal, note? }`); the state stays and the triage clock stays stopped: the session is how
 * the information is gathered. Declining (`declineRemoteSession` `{ proposal, reason,
 * suggestedAt? }`) is the client's answer to the request, like `provideInfo`: back to REGISTERED
 * with a new 8-business-hour triage clock, so the provider re-proposes (same calendar entry, a
 * higher SEQUENCE), asks on the ticket or classifies within the contract's term. A proposal already
 * accepted may still be declined (the client can no longer attend). Staff are emailed on both.
 */
export const acceptRemoteSessionUpdate = u<RemoteSessionAcceptArgs>('acceptRemoteSession');
export const declineRemoteSessionUpdate = u<RemoteSessionDeclineArgs>('declineRemoteSession');
/**
 * L3-06 (QA S62): provider staff withdraw the pending session (`withdrawRemoteSession`
 * `{ proposal, note? }`, REMOTE_SESSION_PROPOSED only, confirmed or not): the ticket goes back to
 * REGISTERED with the triage clock as the proposal left it (met: the provider attended in time),
 * and the calendars that hold the session get its cancellation. Staff then classify, ask or
 * propose again.
 */
export const withdrawRemoteSessionUpdate = u<RemoteSessionWithdrawArgs>('withdrawRemoteSession');
/** Info complete: PROBLEM → IN_ANALYSIS (assigned at once, L3-07) or REQUIREMENT → IN_DIAGNOSIS (L3-08). */
export const classifyUpdate = u<ClassifyArgs>('classify');
/** L3-07: a progress update restarts the progress clock. */
export const addProgressUpdate = u<NoteArgs>('addProgress');
/** Problem analysis or requirement diagnosis waits on the client: its clock pauses. */
export const waitOnClientUpdate = u<NoteArgs>('waitOnClient');
export const clientRepliedUpdate = u<NoteArgs>('clientReplied');
export const resolveUpdate = u<NoteArgs>('resolve');
export const confirmResolutionUpdate = u<NoteArgs>('confirmResolution');
export const reopenUpdate = u<NoteArgs>('reopen');
export const declareOutOfScopeUpdate = u<NoteArgs>('declareOutOfScope');
export const declareNotFeasibleUpdate = u<ReasonsArgs>('declareNotFeasible');
export const submitEstimateUpdate = u<EstimateArgs>('submitEstimate');
/** L3-09: only a CLIENT_APPROVER; exactly the current estimate version, once. */
export const authorizeEstimateUpdate = u<AuthorizeArgs>('authorizeEstimate');
/** L3-09: a rejection goes back to diagnosis (new diagnosis clock), like a re-estimate request. */
export const rejectEstimateUpdate = u<EstimateFeedbackArgs>('rejectEstimate');
export const requestReestimateUpdate = u<EstimateFeedbackArgs>('requestReestimate');
/**
 * L3-12 change orders: while an authorized requirement is scheduled or developed
 * ({@link CHANGE_ORDER_STATES}) provider staff submit more hours with their scope, a new estimate
 * version marked `changeOrder`; one pending at a time. A client approver authorizes it in writing
 * (kept verbatim like an estimate's; the additional hours are reserved first, refused with the
 * shortfall when the balance is short) or rejects it with a reason. The state and the clocks stay.
 */
export const submitChangeOrderUpdate = u<ChangeOrderArgs>('submitChangeOrder');
export const authorizeChangeOrderUpdate = u<AuthorizeArgs>('authorizeChangeOrder');
export const rejectChangeOrderUpdate = u<EstimateFeedbackArgs>('rejectChangeOrder');
export const setReleaseDateUpdate = u<ReleaseDateArgs>('setReleaseDate');
export const startDevelopmentUpdate = u<NoteArgs>('startDevelopment');
export const releaseForTestingUpdate = u<NoteArgs>('releaseForTesting');
export const acceptDeliveryUpdate = u<NoteArgs>('acceptDelivery');
export const reportFailuresUpdate = u<NoteArgs>('reportFailures');
/**
 * L3-17 admin-action tickets (category ADMIN_ACTION): provider staff record each executed action
 * (from REGISTERED or IN_ANALYSIS) and close the ticket once at least one is recorded. The client
 * neither records nor closes them; it may only cancel before the first action is executed.
 */
export const recordAdminActionUpdate = u<AdminActionArgs>('recordAdminAction');
export const closeAdminActionUpdate = u<NoteArgs>('closeAdminAction');
/**
 * The client cancels at any state before closure except RESOLVED (there it confirms or reopens;
 * QA S51), an admin-action ticket before execution. On a ticket with an authorization the unused
 * reserved hours are released at once (L3-12) and the `cancel` event carries how many as
 * `releasedHours` (absent in runs before that, which released them once the run had ended).
 */
export const cancelUpdate = u<NoteArgs>('cancel');
/**
 * Comments and internal notes: any open ticket, any role (internal notes: provider staff only).
 * A client's comment while the ticket waits on the client is its reply: the paused clock resumes
 * exactly as with `clientReplied` (L3-11: the client answers on the ticket). A client's comment on
 * a ticket in INFO_REQUESTED answers the request exactly as `provideInfo` does (L3-06: back to
 * REGISTERED with a new 8-business-hour triage clock). In REMOTE_SESSION_PROPOSED it stays a
 * comment: the session is how the information is gathered (see `answersInfoRequest`). Provider
 * staff's public reply on a problem whose progress clock runs is a progress update (L3-07): the
 * clock restarts as with `addProgress` and the event carries `countsAsProgress: true` (see
 * `countsAsProgress`); internal notes never count.
 */
export const commentUpdate = u<CommentArgs>('comment');

/**
 * L3-06 / L3-07 / L3-08 / L3-11: provider staff (AGENT, MANAGER, ADMIN) record the answer a client
 * gave by phone, WhatsApp, email or in a meeting, with what the client said and the channel. Its
 * effect is exactly the client's own answer's: in WAITING_ON_CLIENT the paused clock resumes with
 * its remaining time (`clientReplied`); in INFO_REQUESTED the ticket goes back to REGISTERED with a
 * new triage clock (`provideInfo`). Records `recordClientAnswer` `{ note, channel }` with the staff
 * member as actor (the history says who recorded it and how it came); the registrant is emailed
 * what was recorded in their name.
 */
export const recordClientAnswerUpdate = u<ClientAnswerArgs>('recordClientAnswer');

/**
 * L3-07: provider staff (AGENT, MANAGER, ADMIN) hand an assigned open ticket to another agent.
 * Records `reassign` `{ agentId, previousAgentId, note? }` (the read model's assignee follows; the
 * new assignee is emailed). Neither the state nor any clock changes. The same agent again is
 * INVALID_TRANSITION (nothing recorded, nobody emailed twice).
 */
export const reassignUpdate = u<ReassignArgs>('reassign');

export const ticketStateQuery = defineQuery<TicketView>('ticketState');
/** A calendar the ticket uses changed: running deadlines are recomputed from start and pauses. */
export const calendarChangedSignal =
  defineSignal<[{ readonly calendarId: string }]>('calendarChanged');

// ---- activities (implemented in src/tickets/ticket.activities.ts) ----

export interface ClockComputationArgs {
  readonly calendarId: string;
  readonly startedAt: string;
  readonly amount: number;
  readonly unit: 'minutes' | 'days';
  /** Pauses so far; the last one may be open (`to: null`): then no deadline is computed. */
  readonly pauses: readonly { readonly from: string; readonly to: string | null }[];
  /** Consumed time is counted up to here when given (a stop). */
  readonly until?: string;
  readonly atRiskFraction: number;
}

export interface ClockComputation {
  /** Business ms the clock allows (a days clock: from its start to its days deadline). */
  readonly budgetMs: number;
  /** Business ms consumed by the closed running segments (and up to `until`). */
  readonly consumedMs: number;
  /** `null` while paused. */
  readonly deadline: string | null;
  /** `null` while paused or when the at-risk point was already passed before the last resume. */
  readonly atRiskAt: string | null;
  readonly calendarVersion: number;
}

export interface ReleaseDateCheck {
  readonly businessInstant: boolean;
  readonly calendarVersion: number;
}

/** Local activities: pure business-time computations, recorded in history for deterministic replay. */
export interface TicketLocalActivities {
  computeClockDeadlines(args: ClockComputationArgs): Promise<ClockComputation>;
  /** Several computations in one local activity (one calendar lookup), answered in order. */
  computeClockDeadlinesBatch(
    args: readonly ClockComputationArgs[],
  ): Promise<readonly ClockComputation[]>;
  /**
   * The batch, and the working intervals of `calendarId` over `window` on the same calendar
   * version: the workflow computes the next clocks inside that window itself (no activity).
   */
  computeClockDeadlinesWithWindow(args: {
    readonly calendarId: string;
    readonly batch: readonly ClockComputationArgs[];
    readonly window: { readonly from: string; readonly to: string };
  }): Promise<{
    readonly computations: readonly ClockComputation[];
    readonly window: BusinessWindow;
  }>;
  checkReleaseDate(args: {
    readonly calendarId: string;
    readonly releaseDate: string;
  }): Promise<ReleaseDateCheck>;
  pickAgent(args: {
    readonly ticketNumber: string;
    readonly candidateAgentIds: readonly string[];
  }): Promise<{ readonly agentId: string }>;
}

/** Business key of a ticket workflow. */
export function ticketWorkflowId(ticketNumber: string): string {
  return `ticket:${ticketNumber}`;
}

/** Per-run clock ID: unique per clock run, the key `recordSlaEvent` dedupes on. */
export function clockId(ticketNumber: string, kind: SlaClockKind, run: number): string {
  return `${ticketNumber}:${kind}:${run}`;
}

// ---- L3-19 published date adjustments (issue 8) ----

/** L3-12: states in which an authorized requirement is worked on and a change order may be asked. */
export const CHANGE_ORDER_STATES: readonly TicketState[] = [
  'SCHEDULING',
  'RELEASE_DATE_SET',
  'IN_DEVELOPMENT',
];
/**
 * A pending change order may still be rejected once the work is released for testing, not
 * authorized: more hours there are rework after reported failures, back in IN_DEVELOPMENT.
 */
export const CHANGE_ORDER_DECISION_STATES: readonly TicketState[] = [
  ...CHANGE_ORDER_STATES,
  'RELEASED_FOR_TESTING',
];

/** L3-19: a published release date moves, with a reason (client reprioritisation or provider). */
export interface AdjustReleaseDateArgs extends RequestBase {
  /** ISO-8601 instant: in the future, inside (or at the closing of) business time, a new value. */
  readonly newDate: string;
  /** Why the date moves: quoted in the timeline and in the email to the registrant. */
  readonly reason: string;
  /** The client's queue reorder that moved it; required when the actor is a client approver. */
  readonly reorderId?: string;
  /**
   * ISO-8601 instant: the release date this change was planned from (a queue reorder's old date).
   * Given, the date moves only from it: one moved meanwhile (by staff) is refused with CONFLICT
   * `DATE_MOVED_SINCE`. Absent (staff's own adjustment): from whatever the date is.
   */
  readonly fromDate?: string;
}

/**
 * L3-19: moves the published release date (states {@link RELEASE_DATE_STATES}) and records
 * `DATE_ADJUSTED` `{ subjectDate: 'RELEASE_DATE', oldDate, newDate, reason, reorderId? }`, which
 * the projection emails to the registrant once. Provider staff, or a client approver whose queue
 * reorder moved the date (with its `reorderId`). Not a lifecycle step: the state stays. With
 * `fromDate`, refused (CONFLICT `DATE_MOVED_SINCE`, nothing recorded) once the date is another.
 */
export const adjustReleaseDateUpdate = u<AdjustReleaseDateArgs>('adjustReleaseDate');
