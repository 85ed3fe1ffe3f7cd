import { ApplicationFailure } from '@temporalio/workflow';
import type {
  ActorRole,
  AdminActionArgs,
  AuthorizeArgs,
  ChangeOrderArgs,
  ClientAnswerArgs,
  ClassifyArgs,
  CommentArgs,
  EstimateArgs,
  EstimateFeedbackArgs,
  NoteArgs,
  ReasonsArgs,
  ReassignArgs,
  ReleaseDateArgs,
  RemoteSessionAcceptArgs,
  RemoteSessionArgs,
  RemoteSessionDeclineArgs,
  RemoteSessionWithdrawArgs,
  RequestBase,
  TicketCategory,
  TicketErrorCode,
  TicketState,
  TicketView,
  Refusal,
} from './ticket.contract';
import {
  ADMIN_ACTION_KINDS,
  CHANGE_ORDER_DECISION_STATES,
  CHANGE_ORDER_STATES,
  CLIENT_ANSWER_CHANNELS,
  COMMENT_MAX_FILES,
  COMMENT_MAX_LENGTH,
  REMOTE_SESSION_LINK_MAX_LENGTH,
  REMOTE_SESSION_MAX_MINUTES,
  REMOTE_SESSION_MIN_MINUTES,
  isTicketEnded,
} from './ticket.contract';
import { remoteSessionTooFar } from './date-limits';
import { remoteSessionAhead } from './remote-session-ahead';

// The ticket state machine as pure rules: who may fire each transition, from which states, and
// which arguments are acceptable. Validators run these synchronously, so a rejected request writes
// nothing to history.

const PROVIDER: readonly ActorRole[] = ['AGENT', 'MANAGER', 'ADMIN'];
const CLIENT: readonly ActorRole[] = ['CLIENT_USER', 'CLIENT_APPROVER'];
const APPROVER: readonly ActorRole[] = ['CLIENT_APPROVER'];
const ROLES: readonly ActorRole[] = [...CLIENT, ...PROVIDER];
const REQUIREMENT_KINDS = ['CHANGE', 'CONFIGURATION', 'DEVELOPMENT', 'TRAINING', 'OTHER'];

/** What a rule's `from` condition may read: the workflow's view and the read model both have it. */
export interface RuleTicket {
  readonly state: TicketState;
  readonly category: TicketCategory;
  readonly adminActions?: readonly unknown[];
  /** Where a ticket waiting on the client came from. */
  readonly waitingFrom?: TicketState | null;
  /** The assigned agent (L3-07); absent or null: unassigned. */
  readonly assigneeId?: string | null;
  /** Estimate versions (L3-12 change orders); absent: not known to the caller. */
  readonly estimates?: readonly { readonly status: string; readonly changeOrder?: boolean }[];
  /** L3-06: the newest remote-session proposal; absent: none, or not known to the caller. */
  readonly remoteSession?: {
    readonly accepted: unknown;
    /** Its time and length (the read model gives a Date; QA S63: whether it is still ahead). */
    readonly at?: string | Date;
    readonly durationMinutes?: number;
    readonly declined?: unknown;
    readonly withdrawn?: unknown;
  } | null;
}

export interface TransitionRule<A extends RequestBase> {
  readonly roles: readonly ActorRole[];
  /** States the transition leaves from; a function for conditions beyond the state name. */
  readonly from: readonly TicketState[] | ((ticket: RuleTicket) => boolean);
  /** Ticket categories the transition exists for (default: all); others → INVALID_TRANSITION. */
  readonly appliesTo?: (category: TicketCategory) => boolean;
  /**
   * A condition beyond the state for offering the transition in `allowedActions`; the request
   * itself is refused with a precise reason by `validate` (e.g. a change order already pending).
   */
  readonly offered?: (ticket: RuleTicket) => boolean;
  readonly validate?: (args: A, ticket: TicketView, nowMs: number) => void;
}

/**
 * Refuses a request: the English `message` for logs and API users, and the refusal's stable
 * `reason` with its parameters in `ApplicationFailure.details`, which the API passes on as
 * GraphQL `extensions` for clients to word in the user's language. Details are no command, so
 * adding or changing them changes no replay.
 */
export function fail(code: TicketErrorCode, message: string, refusal: Refusal): never {
  throw ApplicationFailure.create({ message, type: code, nonRetryable: true, details: [refusal] });
}

/** Role first (authority does not depend on state), then state, then arguments. */
export function checkRule<A extends RequestBase>(
  name: string,
  rule: TransitionRule<A>,
  args: A,
  ticket: TicketView,
  nowMs: number,
): void {
  if (typeof args !== 'object' || args === null) {
    fail('VALIDATION_FAILED', 'arguments required', { reason: 'REQUIRED', field: 'arguments' });
  }
  text(args.requestId, 'requestId');
  text(args.actor?.userId, 'actor.userId');
  if (!ROLES.includes(args.actor.role)) {
    fail('VALIDATION_FAILED', `actor.role ${String(args.actor.role)} is unknown`, {
      reason: 'INVALID_VALUE',
      field: 'actor.role',
    });
  }
  if (!rule.roles.includes(args.actor.role)) {
    fail('FORBIDDEN', `${args.actor.role} may not ${name}; allowed: ${rule.roles.join(', ')}`, {
      reason: 'ROLE_NOT_ALLOWED',
      role: args.actor.role,
      action: name,
      allowedRoles: [...rule.roles],
    });
  }
  if (rule.appliesTo && !rule.appliesTo(ticket.category)) {
    fail('INVALID_TRANSITION', `cannot ${name} a ${ticket.category} ticket`, {
      reason: 'WRONG_CATEGORY',
      action: name,
      category: ticket.category,
    });
  }
  if (!leavesFrom(rule, ticket)) {
    fail('INVALID_TRANSITION', `cannot ${name} a ticket in state ${ticket.state}`, {
      reason: 'WRONG_STATE',
      action: name,
      state: ticket.state,
    });
  }
  rule.validate?.(args, ticket, nowMs);
}

/** Whether the ticket's state (and, for a condition, its category and actions) lets `rule` run. */
export function leavesFrom(rule: Pick<TransitionRule<never>, 'from'>, ticket: RuleTicket): boolean {
  return typeof rule.from === 'function' ? rule.from(ticket) : rule.from.includes(ticket.state);
}

/** Whether `rule` exists for the ticket's category and may leave from where the ticket is. */
export function availableFor(
  rule: Pick<TransitionRule<never>, 'from' | 'appliesTo' | 'offered'>,
  ticket: RuleTicket,
): boolean {
  return (
    (!rule.appliesTo || rule.appliesTo(ticket.category)) &&
    leavesFrom(rule, ticket) &&
    (!rule.offered || rule.offered(ticket))
  );
}

function text(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    fail('VALIDATION_FAILED', `${field} must be a non-empty string`, { reason: 'REQUIRED', field });
  }
}

function futureInstant(value: unknown, field: string, nowMs: number): void {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    fail('VALIDATION_FAILED', `${field} must be an ISO-8601 instant`, {
      reason: 'INVALID_INSTANT',
      field,
    });
  }
  if (ms <= nowMs) {
    fail('VALIDATION_FAILED', `${field} ${value} is not in the future`, {
      reason: 'NOT_IN_FUTURE',
      field,
      value,
    });
  }
}

const note = (args: NoteArgs): void => text(args.note, 'note');

/** An `https://host[:port][/…]` URL without spaces (no `URL` global in the workflow sandbox). */
const HTTPS_URL =
  /^https:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** L3-06: a remote session's optional meeting link (https only) and duration (15–240 minutes). */
function remoteSessionArgs(args: RemoteSessionArgs, nowMs: number): void {
  futureInstant(args.at, 'at', nowMs);
  if (args.link !== undefined) {
    if (
      typeof args.link !== 'string' ||
      args.link.length > REMOTE_SESSION_LINK_MAX_LENGTH ||
      !HTTPS_URL.test(args.link)
    ) {
      fail('VALIDATION_FAILED', 'link must be an https:// URL', {
        reason: 'NOT_HTTPS_URL',
        field: 'link',
      });
    }
  }
  if (args.durationMinutes !== undefined) {
    const d = args.durationMinutes;
    if (
      typeof d !== 'number' ||
      !Number.isInteger(d) ||
      d < REMOTE_SESSION_MIN_MINUTES ||
      d > REMOTE_SESSION_MAX_MINUTES
    ) {
      fail(
        'VALIDATION_FAILED',
        `durationMinutes must be a whole number from ${REMOTE_SESSION_MIN_MINUTES} to ${REMOTE_SESSION_MAX_MINUTES}`,
        {
          reason: 'DURATION_OUT_OF_RANGE',
          field: 'durationMinutes',
          min: REMOTE_SESSION_MIN_MINUTES,
          max: REMOTE_SESSION_MAX_MINUTES,
        },
      );
    }
  }
}
const nonTerminal = (ticket: RuleTicket): boolean => !isTicketEnded(ticket.state);

/** The states of triage: the ticket is not classified yet. */
const TRIAGE_STATES: readonly TicketState[] = [
  'REGISTERED',
  'INFO_REQUESTED',
  'REMOTE_SESSION_PROPOSED',
];

/** L3-07/L3-08: the ticket was classified (problem or requirement path) and is still open. */
const classifiedOpen = (ticket: RuleTicket): boolean =>
  nonTerminal(ticket) && !TRIAGE_STATES.includes(ticket.state);

/** L3-17: the category of tickets only provider staff execute and close. */
const adminActionOnly = (category: TicketCategory): boolean => category === 'ADMIN_ACTION';
/** L3-17: the client closes its own tickets, never an admin-action ticket. */
const notAdminAction = (category: TicketCategory): boolean => category !== 'ADMIN_ACTION';
const adminActionsOf = (ticket: RuleTicket): readonly unknown[] => ticket.adminActions ?? [];

const CLOCK_SKEW_MS = 60_000;

/** L3-17: an executed action is an instant, no later than now and no earlier than the request. */
function pastInstant(value: unknown, field: string, ticket: TicketView, nowMs: number): void {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    fail('VALIDATION_FAILED', `${field} must be an ISO-8601 instant`, {
      reason: 'INVALID_INSTANT',
      field,
    });
  }
  // A minute of tolerance for the caller's clock (the API stamps "now" before the Update runs).
  if (ms > nowMs + CLOCK_SKEW_MS) {
    fail('VALIDATION_FAILED', `${field} ${value} is in the future`, {
      reason: 'IN_FUTURE',
      field,
      value,
    });
  }
  if (ms < Date.parse(ticket.registeredAt)) {
    fail('VALIDATION_FAILED', `${field} ${value} is before the ticket was registered`, {
      reason: 'BEFORE_REGISTRATION',
      field,
      value,
      registeredAt: ticket.registeredAt,
    });
  }
}

const waitingFrom =
  (origin: 'IN_ANALYSIS' | 'IN_DIAGNOSIS') =>
  (ticket: RuleTicket): boolean =>
    ticket.state === origin ||
    (ticket.state === 'WAITING_ON_CLIENT' && ticket.waitingFrom === origin);

/** The estimate a decision refers to must be the submitted, current one. */
function currentEstimate(args: EstimateFeedbackArgs | AuthorizeArgs, ticket: TicketView): void {
  const latest = ticket.estimates[ticket.estimates.length - 1];
  const named = ticket.estimates.find((e) => e.version === args.estimateVersion);
  if (named?.status === 'AUTHORIZED') {
    fail('INVALID_TRANSITION', `estimate v${args.estimateVersion} is already authorized`, {
      reason: 'ESTIMATE_ALREADY_AUTHORIZED',
      estimateVersion: args.estimateVersion,
    });
  }
  if (!latest || named !== latest || latest.status !== 'SUBMITTED') {
    fail(
      'INVALID_TRANSITION',
      `estimate v${String(args.estimateVersion)} is not the submitted estimate (current v${latest?.version ?? 0})`,
      {
        reason: 'ESTIMATE_NOT_SUBMITTED',
        estimateVersion: args.estimateVersion,
        currentVersion: latest?.version ?? 0,
      },
    );
  }
}

function positiveHours(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail('VALIDATION_FAILED', `${field} must be a finite number > 0, got ${String(value)}`, {
      reason: 'NOT_POSITIVE',
      field,
    });
  }
}

/** L3-12: the change order waiting for the client's decision, if any (at most one). */
export function pendingChangeOrder<
  E extends { readonly status: string; readonly changeOrder?: boolean },
>(ticket: { readonly estimates?: readonly E[] }): E | undefined {
  const latest = ticket.estimates?.[ticket.estimates.length - 1];
  return latest?.changeOrder === true && latest.status === 'SUBMITTED' ? latest : undefined;
}

/** A change-order decision refers to the pending change order, by its version. */
function currentChangeOrder(args: EstimateFeedbackArgs | AuthorizeArgs, ticket: TicketView): void {
  const pending = pendingChangeOrder(ticket);
  if (!pending || pending.version !== args.estimateVersion) {
    fail(
      'INVALID_TRANSITION',
      `estimate v${String(args.estimateVersion)} is not a pending change order`,
      {
        reason: 'CHANGE_ORDER_NOT_PENDING',
        estimateVersion: args.estimateVersion,
        currentVersion: pending?.version ?? 0,
      },
    );
  }
}

/** Comments: a body of 1…COMMENT_MAX_LENGTH characters after trimming; internal notes: staff. */
function commentArgs(args: CommentArgs): void {
  const length = typeof args.body === 'string' ? args.body.trim().length : 0;
  if (length === 0 || length > COMMENT_MAX_LENGTH) {
    fail('VALIDATION_FAILED', `body must have 1 to ${COMMENT_MAX_LENGTH} characters`, {
      reason: 'LENGTH',
      field: 'body',
      min: 1,
      max: COMMENT_MAX_LENGTH,
    });
  }
  if (typeof args.internal !== 'boolean') {
    fail('VALIDATION_FAILED', 'internal must be a boolean', {
      reason: 'INVALID_VALUE',
      field: 'internal',
    });
  }
  const files = args.attachmentIds;
  if (
    files !== undefined &&
    !(
      Array.isArray(files) &&
      files.length <= COMMENT_MAX_FILES &&
      files.every((id) => typeof id === 'string' && id.length > 0)
    )
  ) {
    fail('VALIDATION_FAILED', `attachmentIds must be up to ${COMMENT_MAX_FILES} IDs`, {
      reason: 'INVALID_VALUE',
      field: 'attachmentIds',
    });
  }
  if (args.internal && !PROVIDER.includes(args.actor.role)) {
    fail('FORBIDDEN', 'only provider staff add internal notes', {
      reason: 'INTERNAL_NOTE_STAFF_ONLY',
    });
  }
}

/**
 * A client's comment on a ticket waiting on the client is its reply (L3-11): it resumes the
 * paused clock exactly as `clientReplied` does.
 */
export function isClientReply(args: CommentArgs, ticket: TicketView): boolean {
  return CLIENT.includes(args.actor.role) && !args.internal && ticket.state === 'WAITING_ON_CLIENT';
}

/**
 * What the L3-07 reply rule reads of a ticket: its state and its clock runs. The workflow's view
 * and the API's read model (`Ticket.publicReplyCountsAsProgress`) both fit, so both ask the same
 * rule.
 */
export interface ReplyProgressTicket {
  readonly state: string;
  readonly clocks: readonly {
    readonly kind: string;
    readonly status: string;
    readonly endedAt: string | Date | null;
  }[];
}

/**
 * L3-07: whether a public reply by provider staff on `ticket` now counts as a progress update: a
 * problem in analysis whose progress clock runs (not paused waiting on the client; a breached run
 * still open counts, as «Registrar avance» restarts it). Pure.
 */
export function publicReplyCountsAsProgress(ticket: ReplyProgressTicket): boolean {
  if (ticket.state !== 'IN_ANALYSIS') return false;
  const clock = ticket.clocks.find((c) => c.kind === 'progress' && c.endedAt === null);
  return clock !== undefined && clock.status !== 'PAUSED';
}

/**
 * L3-07: provider staff's public reply on a problem whose progress clock runs
 * ({@link publicReplyCountsAsProgress}) reaches the client like «Registrar avance»: it counts as a
 * progress update and restarts the cadence. Internal notes and client comments never count.
 */
export function countsAsProgress(args: CommentArgs, ticket: TicketView): boolean {
  if (!PROVIDER.includes(args.actor.role) || args.internal) return false;
  return publicReplyCountsAsProgress(ticket);
}

/**
 * L3-06 / L3-11: a client's client-visible comment on a ticket in INFO_REQUESTED is the requested
 * information: it answers exactly as `provideInfo` does. Not in REMOTE_SESSION_PROPOSED: there the
 * information is gathered in the session itself and the client's comments are about the session
 * (its date, who attends); the only client transition there is the explicit `provideInfo`, which
 * gives up the session. Internal notes (staff only) never answer for the client.
 */
export function answersInfoRequest(args: CommentArgs, ticket: TicketView): boolean {
  return CLIENT.includes(args.actor.role) && !args.internal && ticket.state === 'INFO_REQUESTED';
}

/**
 * L3-06: the client's answer names the current proposal (a replaced one, or none, is refused);
 * a proposal is confirmed once.
 */
function currentProposal(
  args: RemoteSessionAcceptArgs | RemoteSessionDeclineArgs | RemoteSessionWithdrawArgs,
  ticket: TicketView,
): void {
  const current = ticket.remoteSession;
  if (!current || args.proposal !== current.proposal) {
    fail(
      'INVALID_TRANSITION',
      `proposal ${String(args.proposal)} is not the current remote-session proposal (current ${current?.proposal ?? 0})`,
      {
        reason: 'PROPOSAL_NOT_CURRENT',
        proposal: args.proposal,
        currentProposal: current?.proposal ?? 0,
      },
    );
  }
}

/** L3-07/L3-08: a classification's own arguments (a problem needs an agent or candidates). */
export function classifyArgs(args: ClassifyArgs): void {
  if (args.classification === 'REQUIREMENT') {
    if (!REQUIREMENT_KINDS.includes(args.requirementKind ?? '')) {
      fail('VALIDATION_FAILED', `requirementKind must be one of ${REQUIREMENT_KINDS.join(', ')}`, {
        reason: 'NOT_ONE_OF',
        field: 'requirementKind',
        allowed: REQUIREMENT_KINDS,
      });
    }
    // L3-08: an assignee is optional for a requirement.
    if (args.agentId !== undefined) text(args.agentId, 'agentId');
    (args.candidateAgentIds ?? []).forEach((id, i) => text(id, `candidateAgentIds[${i}]`));
  } else if (args.classification === 'PROBLEM') {
    const candidates = args.candidateAgentIds ?? [];
    if (args.agentId === undefined && candidates.length === 0) {
      fail('VALIDATION_FAILED', 'a problem needs agentId or candidateAgentIds (L3-07)', {
        reason: 'AGENT_REQUIRED',
      });
    }
    if (args.agentId !== undefined) text(args.agentId, 'agentId');
    candidates.forEach((id, i) => text(id, `candidateAgentIds[${i}]`));
  } else {
    fail('VALIDATION_FAILED', 'classification must be PROBLEM or REQUIREMENT', {
      reason: 'NOT_ONE_OF',
      field: 'classification',
      allowed: ['PROBLEM', 'REQUIREMENT'],
    });
  }
}

export const RULES = {
  requestInfo: {
    roles: PROVIDER,
    from: ['REGISTERED'],
    validate: note,
  } as TransitionRule<NoteArgs>,
  proposeRemoteSession: {
    roles: PROVIDER,
    from: ['REGISTERED'],
    validate: (args, _t, now) => remoteSessionArgs(args, now),
  } as TransitionRule<RemoteSessionArgs>,
  provideInfo: {
    roles: CLIENT,
    from: ['INFO_REQUESTED', 'REMOTE_SESSION_PROPOSED'],
    validate: note,
  } as TransitionRule<NoteArgs>,
  // L3-06: the client confirms the proposed session (state and stopped clock stay) or cannot
  // attend (back to REGISTERED with a new triage clock, like provideInfo).
  acceptRemoteSession: {
    roles: CLIENT,
    from: ['REMOTE_SESSION_PROPOSED'],
    offered: (ticket) => !ticket.remoteSession?.accepted,
    validate: (args, ticket) => {
      currentProposal(args, ticket);
      if (ticket.remoteSession?.accepted) {
        fail('INVALID_TRANSITION', `proposal ${args.proposal} is already confirmed`, {
          reason: 'PROPOSAL_ALREADY_ACCEPTED',
          proposal: args.proposal,
        });
      }
      if (args.note !== undefined && typeof args.note !== 'string') {
        fail('VALIDATION_FAILED', 'note must be a string', {
          reason: 'INVALID_VALUE',
          field: 'note',
        });
      }
    },
  } as TransitionRule<RemoteSessionAcceptArgs>,
  declineRemoteSession: {
    roles: CLIENT,
    from: ['REMOTE_SESSION_PROPOSED'],
    validate: (args, ticket, now) => {
      currentProposal(args, ticket);
      text(args.reason, 'reason');
      if (args.suggestedAt !== undefined) {
        futureInstant(args.suggestedAt, 'suggestedAt', now);
        const tooFar = remoteSessionTooFar(args.suggestedAt, now);
        if (tooFar) {
          fail('VALIDATION_FAILED', tooFar.message, { ...tooFar.refusal, field: 'suggestedAt' });
        }
      }
    },
  } as TransitionRule<RemoteSessionDeclineArgs>,
  // L3-06 (QA S62): staff withdraw the pending session (the issue was fixed before it): back to
  // REGISTERED, the triage clock as the proposal left it. QA S63: after classification too (the
  // problem or requirement path), the state as it is, while the session is still ahead; none
  // ahead there: NO_REMOTE_SESSION. In triage without a session pending: WRONG_STATE.
  withdrawRemoteSession: {
    roles: PROVIDER,
    from: (ticket) => ticket.state === 'REMOTE_SESSION_PROPOSED' || classifiedOpen(ticket),
    // The API's list of actions reads the clock; the workflow's `validate` its own time.
    offered: (ticket) =>
      ticket.state === 'REMOTE_SESSION_PROPOSED' ||
      remoteSessionAhead(ticket.remoteSession, Date.now()),
    validate: (args, ticket, now) => {
      if (
        ticket.state !== 'REMOTE_SESSION_PROPOSED' &&
        !remoteSessionAhead(ticket.remoteSession, now)
      ) {
        fail(
          'INVALID_TRANSITION',
          `ticket in state ${ticket.state} has no remote session ahead to withdraw`,
          { reason: 'NO_REMOTE_SESSION', action: 'withdrawRemoteSession', state: ticket.state },
        );
      }
      currentProposal(args, ticket);
      if (args.note !== undefined && typeof args.note !== 'string') {
        fail('VALIDATION_FAILED', 'note must be a string', {
          reason: 'INVALID_VALUE',
          field: 'note',
        });
      }
    },
  } as TransitionRule<RemoteSessionWithdrawArgs>,
  classify: {
    roles: PROVIDER,
    from: ['REGISTERED', 'REMOTE_SESSION_PROPOSED'],
    validate: (args, ticket) => {
      // L3-17: an admin action is executed by staff (recordAdminAction), never estimated for the
      // client's approval: as a requirement it would leave the states where staff can record and
      // close it, and end in testing the client may not accept.
      if (args.classification === 'REQUIREMENT' && adminActionOnly(ticket.category)) {
        fail('INVALID_TRANSITION', 'an ADMIN_ACTION ticket is classified only as a PROBLEM', {
          reason: 'WRONG_CATEGORY',
          action: 'classify',
          category: ticket.category,
          classification: args.classification,
        });
      }
      classifyArgs(args);
    },
  } as TransitionRule<ClassifyArgs>,
  addProgress: {
    roles: PROVIDER,
    from: ['IN_ANALYSIS'],
    validate: note,
  } as TransitionRule<NoteArgs>,
  waitOnClient: {
    roles: PROVIDER,
    from: ['IN_ANALYSIS', 'IN_DIAGNOSIS'],
    validate: note,
  } as TransitionRule<NoteArgs>,
  clientReplied: {
    roles: CLIENT,
    from: ['WAITING_ON_CLIENT'],
    validate: note,
  } as TransitionRule<NoteArgs>,
  // L3-06/L3-07/L3-08/L3-11: staff record the answer the client gave off the portal; its effect is
  // the client's answer's (provideInfo in INFO_REQUESTED, clientReplied in WAITING_ON_CLIENT).
  recordClientAnswer: {
    roles: PROVIDER,
    from: ['INFO_REQUESTED', 'WAITING_ON_CLIENT'],
    validate: (args) => {
      text(args.note, 'note');
      if (!CLIENT_ANSWER_CHANNELS.includes(args.channel)) {
        fail('VALIDATION_FAILED', `channel must be one of ${CLIENT_ANSWER_CHANNELS.join(', ')}`, {
          reason: 'NOT_ONE_OF',
          field: 'channel',
          allowed: [...CLIENT_ANSWER_CHANNELS],
        });
      }
    },
  } as TransitionRule<ClientAnswerArgs>,
  // L3-17: an admin-action ticket is closed by `closeAdminAction`, never resolved for the client.
  resolve: {
    roles: PROVIDER,
    from: ['IN_ANALYSIS'],
    appliesTo: notAdminAction,
    validate: note,
  } as TransitionRule<NoteArgs>,
  confirmResolution: {
    roles: CLIENT,
    from: ['RESOLVED'],
    appliesTo: notAdminAction,
  } as TransitionRule<NoteArgs>,
  reopen: { roles: CLIENT, from: ['RESOLVED'], validate: note } as TransitionRule<NoteArgs>,
  declareOutOfScope: {
    roles: PROVIDER,
    from: waitingFrom('IN_ANALYSIS'),
    validate: note,
  } as TransitionRule<NoteArgs>,
  declareNotFeasible: {
    roles: PROVIDER,
    from: waitingFrom('IN_DIAGNOSIS'),
    validate: (args) => {
      if (!Array.isArray(args.reasons) || args.reasons.length === 0) {
        fail('VALIDATION_FAILED', 'reasons must list at least one reason', {
          reason: 'REQUIRED',
          field: 'reasons',
        });
      }
      args.reasons.forEach((reason, i) => text(reason, `reasons[${i}]`));
    },
  } as TransitionRule<ReasonsArgs>,
  submitEstimate: {
    roles: PROVIDER,
    from: ['IN_DIAGNOSIS'],
    validate: (args) => {
      if (typeof args.hours !== 'number' || !Number.isFinite(args.hours) || args.hours <= 0) {
        fail('VALIDATION_FAILED', `hours must be a finite number > 0, got ${String(args.hours)}`, {
          reason: 'NOT_POSITIVE',
          field: 'hours',
        });
      }
      text(args.scope, 'scope');
    },
  } as TransitionRule<EstimateArgs>,
  authorizeEstimate: {
    roles: APPROVER,
    from: ['ESTIMATE_SUBMITTED'],
    validate: (args, ticket) => {
      currentEstimate(args, ticket);
      text(args.statement, 'statement');
    },
  } as TransitionRule<AuthorizeArgs>,
  rejectEstimate: {
    roles: APPROVER,
    from: ['ESTIMATE_SUBMITTED'],
    validate: (args, ticket) => {
      currentEstimate(args, ticket);
      text(args.reason, 'reason');
    },
  } as TransitionRule<EstimateFeedbackArgs>,
  requestReestimate: {
    roles: CLIENT,
    from: ['ESTIMATE_SUBMITTED'],
    validate: (args, ticket) => {
      currentEstimate(args, ticket);
      text(args.reason, 'reason');
    },
  } as TransitionRule<EstimateFeedbackArgs>,
  // L3-12 change orders: more hours for an authorized requirement being worked on; the state and
  // the clocks stay. One pending at a time; the approver decides it like an estimate.
  submitChangeOrder: {
    roles: PROVIDER,
    from: CHANGE_ORDER_STATES,
    offered: (ticket) => !pendingChangeOrder(ticket),
    validate: (args, ticket) => {
      const pending = pendingChangeOrder(ticket);
      if (pending) {
        fail('INVALID_TRANSITION', `change order v${pending.version} is still pending`, {
          reason: 'CHANGE_ORDER_PENDING',
          estimateVersion: pending.version,
        });
      }
      if (!ticket.estimates.some((e) => e.status === 'AUTHORIZED')) {
        fail('INVALID_TRANSITION', 'a change order needs an authorized estimate', {
          reason: 'NO_AUTHORIZED_ESTIMATE',
        });
      }
      positiveHours(args.additionalHours, 'additionalHours');
      text(args.scope, 'scope');
    },
  } as TransitionRule<ChangeOrderArgs>,
  // L3-12: not in RELEASED_FOR_TESTING: the work is delivered; more hours are for rework after
  // reported failures, which takes the ticket back to IN_DEVELOPMENT (rejecting stays possible).
  authorizeChangeOrder: {
    roles: APPROVER,
    from: CHANGE_ORDER_STATES,
    offered: (ticket) => !!pendingChangeOrder(ticket),
    validate: (args, ticket) => {
      currentChangeOrder(args, ticket);
      text(args.statement, 'statement');
    },
  } as TransitionRule<AuthorizeArgs>,
  rejectChangeOrder: {
    roles: APPROVER,
    from: CHANGE_ORDER_DECISION_STATES,
    offered: (ticket) => !!pendingChangeOrder(ticket),
    validate: (args, ticket) => {
      currentChangeOrder(args, ticket);
      text(args.reason, 'reason');
    },
  } as TransitionRule<EstimateFeedbackArgs>,
  setReleaseDate: {
    roles: PROVIDER,
    from: ['SCHEDULING'],
    validate: (args, _t, now) => futureInstant(args.releaseDate, 'releaseDate', now),
  } as TransitionRule<ReleaseDateArgs>,
  startDevelopment: { roles: PROVIDER, from: ['RELEASE_DATE_SET'] } as TransitionRule<NoteArgs>,
  releaseForTesting: { roles: PROVIDER, from: ['IN_DEVELOPMENT'] } as TransitionRule<NoteArgs>,
  acceptDelivery: {
    roles: CLIENT,
    from: ['RELEASED_FOR_TESTING'],
    appliesTo: notAdminAction,
  } as TransitionRule<NoteArgs>,
  reportFailures: {
    roles: CLIENT,
    from: ['RELEASED_FOR_TESTING'],
    validate: note,
  } as TransitionRule<NoteArgs>,
  // L3-17: an admin-action ticket may be cancelled only before its first action is executed.
  // L3-07: a resolved problem is the client's to confirm or reopen, not to cancel: cancelling it
  // turned delivered work into a cancellation and skipped the satisfaction survey (QA S51).
  cancel: {
    roles: CLIENT,
    from: (ticket) =>
      nonTerminal(ticket) &&
      ticket.state !== 'RESOLVED' &&
      !(adminActionOnly(ticket.category) && adminActionsOf(ticket).length > 0),
    validate: note,
  } as TransitionRule<NoteArgs>,
  // Comments and internal notes (issue 5): anyone on an open ticket; internal notes: staff only.
  comment: {
    roles: ROLES,
    from: nonTerminal,
    validate: commentArgs,
  } as TransitionRule<CommentArgs>,
  // L3-07: an assigned open ticket changes hands among provider agents (state and clocks stay).
  // L3-07/L3-08: any open ticket changes hands, or gets its first assignee (an unassigned one).
  reassign: {
    roles: PROVIDER,
    from: nonTerminal,
    validate: (args, ticket) => {
      text(args.agentId, 'agentId');
      if (args.note !== undefined && typeof args.note !== 'string') {
        fail('VALIDATION_FAILED', 'note must be a string', {
          reason: 'INVALID_VALUE',
          field: 'note',
        });
      }
      if (args.agentId === ticket.assigneeId) {
        fail('INVALID_TRANSITION', `the ticket is already assigned to ${args.agentId}`, {
          reason: 'ALREADY_ASSIGNED',
          agentId: args.agentId,
        });
      }
      // A bulk hand-over (reassignOpenTickets) moves only what the agent still holds. Only new
      // Updates carry fromAgentId: recorded histories replay as before.
      if (args.fromAgentId !== undefined && args.fromAgentId !== ticket.assigneeId) {
        fail('INVALID_TRANSITION', `the ticket is no longer assigned to ${args.fromAgentId}`, {
          reason: 'ASSIGNEE_CHANGED',
          fromAgentId: args.fromAgentId,
          assigneeId: ticket.assigneeId ?? null,
        });
      }
    },
  } as TransitionRule<ReassignArgs>,
  // L3-17 odoo.sh administration: provider staff only, on ADMIN_ACTION tickets only.
  recordAdminAction: {
    roles: PROVIDER,
    from: ['REGISTERED', 'IN_ANALYSIS'],
    appliesTo: adminActionOnly,
    validate: (args, ticket, now) => {
      if (!ADMIN_ACTION_KINDS.includes(args.action)) {
        fail('VALIDATION_FAILED', `action must be one of ${ADMIN_ACTION_KINDS.join(', ')}`, {
          reason: 'NOT_ONE_OF',
          field: 'action',
          allowed: [...ADMIN_ACTION_KINDS],
        });
      }
      text(args.details, 'details');
      if (args.executedAt !== undefined) pastInstant(args.executedAt, 'executedAt', ticket, now);
    },
  } as TransitionRule<AdminActionArgs>,
  closeAdminAction: {
    roles: PROVIDER,
    from: ['REGISTERED', 'IN_ANALYSIS'],
    appliesTo: adminActionOnly,
    validate: (_args, ticket) => {
      if (adminActionsOf(ticket).length === 0) {
        fail('INVALID_TRANSITION', 'cannot closeAdminAction before an admin action is recorded', {
          reason: 'NO_ADMIN_ACTION',
        });
      }
    },
  } as TransitionRule<NoteArgs>,
} as const;
