import {
  ADMIN_ACTION_KINDS,
  type AdminActionKind,
  CLIENT_ANSWER_CHANNELS,
  type ClientAnswerChannel,
  type TimelineEvent,
} from '../../workflows/ticket/ticket.contract';
import {
  confirmedRemoteSessionAhead,
  remoteSessionAhead,
} from '../../workflows/ticket/remote-session-ahead';
import type { ReadModelSlice } from '../../workflows/ticket/ticket-projection';
import { version, versionRange } from './recomputed-versions';
import {
  type AnswerClock,
  type ClientActivity,
  type DeadlineMovedEvent,
  type MovedDate,
  type NotificationEvent,
  type NotificationTicket,
  type ProviderAssignedEvent,
  type ProviderClientActivityEvent,
  providerEventKey,
  type RemoteSessionEntry,
  ticketEventKey,
} from '../notifications';

type Draft = NotificationEvent extends infer E
  ? E extends NotificationEvent
    ? Omit<E, 'eventKey' | 'occurredAt' | 'ticket'>
    : never
  : never;

const PROVIDER_ROLES: readonly string[] = ['AGENT', 'MANAGER', 'ADMIN'];
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const optional = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const adminActionKind = (v: unknown): AdminActionKind =>
  ADMIN_ACTION_KINDS.find((k) => k === v) ?? 'OTHER';
const clientAnswerChannel = (v: unknown): ClientAnswerChannel =>
  CLIENT_ANSWER_CHANNELS.find((k) => k === v) ?? 'OTHER';

/**
 * L3-11 rule for the timeline events a ticket workflow records that cause no email. Every other
 * event emails someone (recipients: `src/notifications/recipient-rules.ts`): the client about what
 * the provider did ({@link notificationFor}), the provider about what the client did
 * ({@link providerNotificationFor}; the client is not echoed its own answer), or both.
 * Clock bookkeeping is internal: runs start, pause, resume and end many times a ticket; the client
 * learns the outcome from the state-changing event itself, and only at-risk and breach warnings are
 * emailed (to the provider: the assigned agent and the managers). A deadline a calendar change
 * moved (CLOCK_RECOMPUTED) and a moved automatic closure (SCHEDULE_RECOMPUTED) are emailed to the
 * client, who was told the date before (L3-19); a moved reminder alone is not.
 * A new event type must be mapped in {@link notificationsFor} or declared here (a unit test checks
 * every type the workflow records).
 */
export const SILENT_TIMELINE_EVENTS: Readonly<Record<string, string>> = {
  CLOCK_STARTED: 'clock bookkeeping',
  CLOCK_PAUSED: 'clock bookkeeping',
  CLOCK_RESUMED: 'clock bookkeeping',
  CLOCK_MET: 'clock bookkeeping',
  CLOCK_STOPPED: 'clock bookkeeping',
  CLOCK_ENDED: 'clock bookkeeping',
};

/**
 * Every email a timeline event causes: the client's and the provider's (each at most one).
 * `cause` is the latest earlier event of the same batch that has an actor (the transition an
 * actor-less event was recorded in, e.g. the `classify` an ASSIGNED follows), when there is one.
 */
export function notificationsFor(
  ticket: NotificationTicket,
  event: TimelineEvent,
  slice: ReadModelSlice,
  cause?: TimelineEvent,
): NotificationEvent[] {
  return [
    notificationFor(ticket, event, slice),
    providerNotificationFor(ticket, event, slice, cause),
  ]
    .filter((n): n is NotificationEvent => n !== null)
    .map((n) => withClockTarget(n, slice));
}

/**
 * QA S18 (L3-08, L3-09): an email that names a requirement's diagnosis or scheduling clock says
 * its target as the ticket's clock run holds it (the same amount the ticket page explains), not a
 * written «5 días hábiles». The clock is in the batch: the event started, paused or restarted it.
 */
function withClockTarget(n: NotificationEvent, slice: ReadModelSlice): NotificationEvent {
  const kind = clockSpokenOf(n);
  const target = kind && slice.clocks.find((c) => c.kind === kind)?.target;
  return target?.unit === 'days' ? { ...n, clockTargetDays: target.amount } : n;
}

/** Which requirement clock an email speaks of, if any. */
function clockSpokenOf(n: NotificationEvent): 'diagnosis' | 'scheduling' | null {
  switch (n.type) {
    case 'CLASSIFIED':
      return n.classification === 'REQUIREMENT' ? 'diagnosis' : null;
    case 'INFO_REQUESTED':
      return n.pausedClock === 'diagnosis' ? 'diagnosis' : null;
    case 'AUTHORIZATION_RECORDED':
      return n.additionalHours === undefined ? 'scheduling' : null;
    case 'PROVIDER_ASSIGNED':
      return n.initial && n.classification === 'REQUIREMENT' ? 'diagnosis' : null;
    case 'PROVIDER_CLIENT_ACTIVITY':
      return n.activity === 'ESTIMATE_AUTHORIZED'
        ? 'scheduling'
        : n.activity === 'ESTIMATE_REJECTED' || n.activity === 'REESTIMATE_REQUESTED'
          ? 'diagnosis'
          : null;
    default:
      return null;
  }
}

/**
 * L3-11, provider side: the provider's email about a timeline event, if any. A new ticket goes to
 * the provider's agents and managers; a client's comment, answer or decision (information given,
 * reply, estimate authorized / rejected / re-estimate asked, failures reported, delivery accepted,
 * ticket reopened) to the assigned agent, or every agent while none is assigned; a problem's first
 * assignment and a reassignment (L3-07) to the agent who now has the ticket (not to an agent who
 * assigned it to themselves, named, picked automatically or reassigned: QA S63, unless a confirmed
 * remote session ahead changes hands with it, `selfAssigned`). Keyed by
 * `providerEventKey(number, seq)`, so it is queued once per recipient whatever the retries.
 */
export function providerNotificationFor(
  ticket: NotificationTicket,
  event: TimelineEvent,
  slice: ReadModelSlice,
  cause?: TimelineEvent,
): NotificationEvent | null {
  const base = {
    eventKey: providerEventKey(ticket.number, event.seq),
    occurredAt: event.at,
    ticket,
  };
  if (event.type === 'registered') {
    const triage = slice.clocks.find((c) => c.kind === 'triage');
    return {
      ...base,
      type: 'PROVIDER_NEW_TICKET',
      category: text(event.data.category),
      ...(triage?.deadline ? { triageDeadline: triage.deadline } : {}),
    };
  }
  const initial = initialAssignmentOf(event, cause);
  if (initial) {
    const classification = slice.classification === 'REQUIREMENT' ? 'REQUIREMENT' : 'PROBLEM';
    const handed = handedSession(slice, event.at);
    // QA S63: one's own assignment is emailed only to hand a confirmed session over.
    if (initial.selfAssigned && !handed.sessionCalendar) return null;
    return { ...base, ...initial, classification, ...handed };
  }
  if (event.type === 'reassign' && event.actor) {
    // L3-07: the agent who now has the ticket is told; the client is not (its page shows it).
    const note = optional(event.data.note);
    const assigneeId = text(event.data.agentId);
    const handed = handedSession(slice, event.at);
    // QA S63: an agent who takes the ticket themselves hears of it only for the session.
    const self = assigneeId === event.actor.userId;
    if (self && !handed.sessionCalendar) return null;
    return {
      ...base,
      type: 'PROVIDER_ASSIGNED',
      assigneeId,
      previousAssigneeId: optional(event.data.previousAgentId) ?? null,
      actorId: event.actor.userId,
      ...(note ? { note } : {}),
      ...handed,
      ...(self ? { selfAssigned: true as const } : {}),
    };
  }
  if (event.type === 'recordClientAnswer' && event.actor) {
    // L3-06/L3-07: the assigned agent learns that someone else recorded the client's answer (the
    // ticket moves again); nobody hears of their own recording, nor every agent of an unassigned one.
    if (!slice.assigneeId || slice.assigneeId === event.actor.userId) return null;
    const note = optional(event.data.note);
    return {
      ...base,
      type: 'PROVIDER_CLIENT_ACTIVITY',
      activity: 'ANSWER_RECORDED',
      actorId: event.actor.userId,
      assigneeId: slice.assigneeId,
      ...(note ? { text: note } : {}),
      ...answerClockOf(event, slice),
    };
  }
  const activity = clientActivityOf(event);
  if (!activity || !event.actor || PROVIDER_ROLES.includes(event.actor.role)) return null;
  const d = event.data;
  // L3-09 (QA S18): an authorization's written statement and a decision's reason are the words
  // quoted; the optional note beside them goes apart (it was quoted as the statement or reason).
  const main = optional(d.body) ?? optional(d.statement) ?? optional(d.reason);
  const note = optional(d.note);
  const words = main ?? note;
  return {
    ...base,
    type: 'PROVIDER_CLIENT_ACTIVITY',
    activity,
    actorId: event.actor.userId,
    assigneeId: slice.assigneeId,
    ...(words ? { text: words } : {}),
    ...(main && note ? { note } : {}),
    ...(typeof d.estimateVersion === 'number' ? { estimateVersion: d.estimateVersion } : {}),
    // L3-06: the session the client confirmed or cannot attend, and the time it suggests.
    ...(optional(d.sessionAt) ? { sessionAt: optional(d.sessionAt) } : {}),
    ...(optional(d.sessionAt) && slice.details.remoteSession
      ? { durationMinutes: slice.details.remoteSession.durationMinutes }
      : {}),
    ...(optional(d.suggestedAt) ? { suggestedAt: optional(d.suggestedAt) } : {}),
    ...sessionCalendarOf(activity, event, slice),
    ...sessionProposerOf(activity, slice),
    ...answerClockOf(event, slice),
    ...decisionClockOf(activity, slice),
    // S64 (L3-06): the decline started a new triage clock; the agent's email says when it is due.
    ...(activity === 'REMOTE_SESSION_DECLINED' ? newTriageDeadline(slice) : {}),
    ...attachmentIdsOf(d),
  };
}

/**
 * L3-06 (QA S60b #6): the remote session's calendar entry in the agent's email. Confirmed: the
 * invitation (the client's got theirs with the proposal). Declined or the ticket cancelled after
 * it was confirmed: the cancellation, as only then did the agent get the invitation. For the
 * assigned agent, else the one who proposed it (the only agent told with the entry).
 */
function sessionCalendarOf(
  activity: ClientActivity,
  event: TimelineEvent,
  slice: ReadModelSlice,
): Pick<ProviderClientActivityEvent, 'sessionCalendar'> {
  const current = slice.details.remoteSession;
  if (!current?.accepted) return {};
  const agentId = slice.assigneeId ?? current.proposedBy;
  const session = sessionEntry(current);
  switch (activity) {
    case 'REMOTE_SESSION_ACCEPTED':
      return { sessionCalendar: { session, agentId } };
    case 'REMOTE_SESSION_DECLINED':
      return { sessionCalendar: { session, agentId, cancelled: true } };
    case 'CANCELLED':
      return liveSession(slice, event.at)
        ? { sessionCalendar: { session, agentId, cancelled: true } }
        : {};
    default:
      return {};
  }
}

/** QA S63 #12: who proposed the session the client answered (confirmed or declined). */
function sessionProposerOf(
  activity: ClientActivity,
  slice: ReadModelSlice,
): Pick<ProviderClientActivityEvent, 'sessionProposedById'> {
  const proposedBy = slice.details.remoteSession?.proposedBy;
  return proposedBy &&
    (activity === 'REMOTE_SESSION_ACCEPTED' || activity === 'REMOTE_SESSION_DECLINED')
    ? { sessionProposedById: proposedBy }
    : {};
}

/**
 * L3-06 (QA S62): the confirmed remote session still ahead when the ticket changes hands: the
 * agent who gets the ticket gets its invitation, and whoever held it its cancellation (the
 * assignment's email; recipients SESSION_HOLDERS). A proposal not confirmed is in no agent's
 * calendar.
 */
function handedSession(
  slice: ReadModelSlice,
  at: string,
): Pick<ProviderAssignedEvent, 'sessionCalendar' | 'proposedSession'> {
  const s = slice.details.remoteSession;
  if (s && confirmedRemoteSessionAhead(s, Date.parse(at))) {
    return { sessionCalendar: { session: sessionEntry(s) } };
  }
  // QA S65 #1: a proposal still ahead, not confirmed: the new agent is told of it (no .ics).
  return s && remoteSessionAhead(s, Date.parse(at)) ? { proposedSession: sessionEntry(s) } : {};
}

type ViewedSession = NonNullable<ReadModelSlice['details']['remoteSession']>;

/** A proposal as its calendar entry holds it. */
function sessionEntry(s: ViewedSession): RemoteSessionEntry {
  return {
    at: s.at,
    durationMinutes: s.durationMinutes,
    ...(s.link ? { link: s.link } : {}),
    ...(s.note ? { note: s.note } : {}),
    ...(s.calendarEntry !== undefined ? { calendarEntry: s.calendarEntry } : {}),
  };
}

/**
 * L3-06 (QA S60b #6): the ticket's remote session still in its invitees' calendars at `at`
 * ({@link remoteSessionAhead}: not declined or withdrawn, that cancelled it, QA S62; not over, a
 * session held stays where it happened).
 */
function liveSession(slice: ReadModelSlice, at: string): RemoteSessionEntry | null {
  const s = slice.details.remoteSession;
  return s && remoteSessionAhead(s, Date.parse(at)) ? sessionEntry(s) : null;
}

/**
 * L3-08/L3-09 (QA S60 #5): the deadline of the requirement clock a client's decision set going, for
 * the agent's email: the scheduling clock an authorization started, the diagnosis clock a
 * rejection or a re-estimate request restarted. The same running clock of the batch the client's
 * email of the event reads its date from.
 */
function decisionClockOf(
  activity: ClientActivity,
  slice: ReadModelSlice,
): { clockDeadline?: string } {
  const kind =
    activity === 'ESTIMATE_AUTHORIZED'
      ? 'scheduling'
      : activity === 'ESTIMATE_REJECTED' || activity === 'REESTIMATE_REQUESTED'
        ? 'diagnosis'
        : null;
  const deadline = kind && runningDeadline(slice, kind);
  return deadline ? { clockDeadline: deadline } : {};
}

/** L3-11: the files a comment carried (`attachmentIds` of its event), for its email to name. */
function attachmentIdsOf(d: TimelineEvent['data']): { attachmentIds?: readonly string[] } {
  const ids = Array.isArray(d.attachmentIds)
    ? d.attachmentIds.filter((id): id is string => typeof id === 'string')
    : [];
  return ids.length > 0 ? { attachmentIds: ids } : {};
}

/**
 * L3-06…L3-08 (QA S57): the clock a client's answer set going again, for the agent's email. The
 * information triage asked for starts a new triage clock; a reply to a ticket waiting on the
 * client resumes the clock it paused (diagnosis for a requirement, progress for a problem). A
 * comment or a recorded answer carries the wait it answered (`answered`).
 */
function answerClockOf(
  event: TimelineEvent,
  slice: ReadModelSlice,
): { answerClock?: { kind: AnswerClock; deadline: string | null } } {
  const answered =
    event.type === 'provideInfo'
      ? 'INFO_REQUESTED'
      : event.type === 'clientReplied'
        ? 'WAITING_ON_CLIENT'
        : optional(event.data.answered);
  let kind: AnswerClock;
  if (answered === 'INFO_REQUESTED') kind = 'triage';
  else if (answered === 'WAITING_ON_CLIENT') {
    kind = slice.classification === 'REQUIREMENT' ? 'diagnosis' : 'progress';
  } else return {};
  return { answerClock: { kind, deadline: runningDeadline(slice, kind) } };
}

/**
 * L3-07: a problem's first assignment, for the agent's email. A named agent is told by the
 * `classify` event (it carries who classified, so an agent who takes the ticket themselves is
 * `selfAssigned`); the least-loaded pick by the `ASSIGNED` event the workflow records with it (the
 * only event that names that agent), `selfAssigned` when the pick is the agent who classified
 * (`cause`, the `classify` it was recorded in; a ticket is classified once): their own action
 * needs no email, only the confirmed session it hands them (QA S63, {@link handedSession}).
 * Each is one timeline event, so one email per recipient.
 */
function initialAssignmentOf(
  e: TimelineEvent,
  cause?: TimelineEvent,
): Omit<ProviderAssignedEvent, 'eventKey' | 'occurredAt' | 'ticket'> | null {
  const agentId = optional(e.data.agentId);
  if (!agentId) return null;
  // A problem (L3-07) or a requirement (L3-08) classified with a named agent.
  if (e.type === 'classify' && e.actor) {
    return {
      type: 'PROVIDER_ASSIGNED',
      assigneeId: agentId,
      previousAssigneeId: null,
      actorId: e.actor.userId,
      initial: 'NAMED',
      ...(e.actor.userId === agentId ? { selfAssigned: true as const } : {}),
    };
  }
  if (e.type === 'ASSIGNED' && e.data.automatic === true) {
    const self = cause?.type === 'classify' && cause.actor?.userId === agentId;
    return {
      type: 'PROVIDER_ASSIGNED',
      assigneeId: agentId,
      previousAssigneeId: null,
      actorId: null,
      initial: 'AUTOMATIC',
      ...(self ? { selfAssigned: true as const } : {}),
    };
  }
  return null;
}

/** L3-12: the hours a change order adds, for its emails (nothing for an estimate). */
function addedHours(
  slice: ReadModelSlice,
  version: number,
): { additionalHours?: number; hours?: number } {
  const e = slice.details.estimates.find((x) => x.version === version);
  return {
    ...(e?.changeOrder && e.additionalHours !== undefined
      ? { additionalHours: e.additionalHours }
      : {}),
    ...(e ? { hours: e.hours } : {}),
  };
}

/**
 * L3-12: what a cancellation did with the reserved hours. The cancel event carries the hours the
 * ledger released (only those > 0 are told); older events lack it, and their workflow released
 * after an authorization (as `releaseUnusedHours` decides) an amount not known then.
 */
function releasedHoursOf(
  d: TimelineEvent['data'],
  slice: ReadModelSlice,
): { releasedHours?: number; releasesReservedHours?: boolean } {
  if (typeof d.releasedHours === 'number') {
    return d.releasedHours > 0 ? { releasedHours: d.releasedHours } : {};
  }
  return slice.details.authorizations.length ? { releasesReservedHours: true } : {};
}

/** The client's action a timeline event records, for the provider's email. */
function clientActivityOf(e: TimelineEvent): ClientActivity | null {
  switch (e.type) {
    case 'comment':
      // Internal notes are the provider's own; a client's comment is always visible. One that
      // answered a request is the answer (the workflow marks it `answered`).
      if (e.data.internal !== false) return null;
      return e.data.answered === 'INFO_REQUESTED'
        ? 'INFO_PROVIDED'
        : e.data.answered === 'WAITING_ON_CLIENT'
          ? 'CLIENT_REPLIED'
          : 'COMMENT';
    case 'provideInfo':
      return 'INFO_PROVIDED';
    case 'clientReplied':
      return 'CLIENT_REPLIED';
    case 'authorizeEstimate':
      return 'ESTIMATE_AUTHORIZED';
    case 'rejectEstimate':
      return 'ESTIMATE_REJECTED';
    case 'authorizeChangeOrder':
      return 'CHANGE_ORDER_AUTHORIZED';
    case 'rejectChangeOrder':
      return 'CHANGE_ORDER_REJECTED';
    case 'requestReestimate':
      return 'REESTIMATE_REQUESTED';
    case 'reportFailures':
      return 'FAILURES_REPORTED';
    case 'acceptDelivery':
      return 'DELIVERY_ACCEPTED';
    case 'confirmResolution':
      // L3-07: the agent learns the client confirmed the solution (the ticket is closed).
      return 'RESOLUTION_CONFIRMED';
    case 'reopen':
      return 'REOPENED';
    case 'cancel':
      // The agent stops working on it (an authorized requirement's hours are released).
      return 'CANCELLED';
    case 'acceptRemoteSession':
      // L3-06: the session is confirmed; the agent holds it at that time.
      return 'REMOTE_SESSION_ACCEPTED';
    case 'declineRemoteSession':
      // L3-06: the ball is back with staff (a new triage clock runs): re-propose or ask.
      return 'REMOTE_SESSION_DECLINED';
    default:
      return null;
  }
}

/**
 * L3-11: the client's email a ticket timeline event causes, if any. A client's own answers are not
 * echoed back to the client (the provider hears of them, {@link providerNotificationFor}), except
 * failures reported on a release, which its other readers hear of (not the reporter); clock
 * bookkeeping causes none ({@link SILENT_TIMELINE_EVENTS}); SLA at-risk and breach go to the
 * provider only: the assigned agent (every agent while none is) and the managers (the notification
 * rules decide recipients).
 */
export function notificationFor(
  ticket: NotificationTicket,
  event: TimelineEvent,
  slice: ReadModelSlice,
): NotificationEvent | null {
  const draft = draftFor(event, slice);
  return draft
    ? {
        ...draft,
        eventKey: ticketEventKey(ticket.number, event.seq),
        occurredAt: event.at,
        ticket,
      }
    : null;
}

/** The deadline of the ticket's running clock of `kind` after the batch, if one runs. */
function runningDeadline(slice: ReadModelSlice, kind: string): string | null {
  return slice.clocks.find((c) => c.kind === kind && c.status === 'RUNNING')?.deadline ?? null;
}

/**
 * L3-06: the deadline of the new triage clock a withdrawal in triage (QA S63 #5) or the client's
 * decline (S64) started, back in «Registrado» in the same batch, for their emails to say. None
 * after classification (the ticket keeps its clocks) nor in runs that started no new clock.
 */
function newTriageDeadline(slice: ReadModelSlice): { triageDeadline?: string } {
  const deadline = slice.state === 'REGISTERED' ? runningDeadline(slice, 'triage') : null;
  return deadline ? { triageDeadline: deadline } : {};
}

/** The clocks whose moved deadline the client is told of, by kind (L3-06…L3-09). */
const MOVED_CLOCKS: Readonly<Record<string, MovedDate>> = {
  triage: 'TRIAGE',
  progress: 'PROGRESS',
  diagnosis: 'DIAGNOSIS',
  scheduling: 'SCHEDULING',
};

/**
 * The calendar versions a recomputed date moved between: after the version it was computed on (the
 * one before, for events recorded without it) up to the current one. Events without a version
 * name no change.
 */
function versionsOf(d: TimelineEvent['data']): Pick<DeadlineMovedEvent, 'calendarVersions'> {
  const to = version(d.calendarVersion);
  return to === null
    ? {}
    : { calendarVersions: versionRange(version(d.previousCalendarVersion), to) };
}

function draftFor(e: TimelineEvent, slice: ReadModelSlice): Draft | null {
  const d = e.data;
  switch (e.type) {
    case 'registered': {
      const triage = slice.clocks.find((c) => c.kind === 'triage');
      return triage?.deadline
        ? { type: 'TICKET_REGISTERED', triageDeadline: triage.deadline }
        : null;
    }
    case 'requestInfo':
      return { type: 'INFO_REQUESTED', question: text(d.note) };
    case 'waitOnClient':
      // L3-07 / L3-08: the analysis or diagnosis clock pauses (it resumes with the time left).
      return {
        type: 'INFO_REQUESTED',
        question: text(d.note),
        pausedClock: slice.classification === 'REQUIREMENT' ? 'diagnosis' : 'progress',
      };
    case 'proposeRemoteSession':
      return {
        type: 'REMOTE_SESSION_PROPOSED',
        at: text(d.at),
        // Events before L3-06's duration were planned as an hour.
        durationMinutes: typeof d.durationMinutes === 'number' ? d.durationMinutes : 60,
        note: optional(d.note),
        ...(optional(d.link) ? { link: optional(d.link) } : {}),
        // QA S63 #4: a proposal after a cancelled one is a new calendar entry (a new UID).
        ...(typeof d.calendarEntry === 'number' ? { calendarEntry: d.calendarEntry } : {}),
      };
    case 'acceptRemoteSession': {
      // L3-06 (QA S62 #9): the client's side that got the proposal reads it confirmed, and its
      // calendar entry turns from tentative to confirmed (the agent hears of it and gets their
      // invitation, providerNotificationFor).
      const s = slice.details.remoteSession;
      if (!s?.accepted || s.declined || s.withdrawn || s.at !== text(d.sessionAt)) return null;
      return {
        type: 'REMOTE_SESSION_CONFIRMED',
        session: sessionEntry(s),
        confirmedById: e.actor?.userId ?? s.accepted.by,
      };
    }
    case 'declineRemoteSession': {
      // L3-06 (QA S60b #6): the declined proposal leaves the calendars its invitation reached
      // (the agent hears of the decline, providerNotificationFor).
      const s = slice.details.remoteSession;
      if (!s?.declined || s.at !== text(d.sessionAt)) return null;
      return {
        type: 'REMOTE_SESSION_CANCELLED',
        session: sessionEntry(s),
        declinedById: e.actor?.userId ?? s.declined.by,
        reason: s.declined.reason,
        ...(s.declined.suggestedAt ? { suggestedAt: s.declined.suggestedAt } : {}),
        ...newTriageDeadline(slice),
      };
    }
    case 'withdrawRemoteSession': {
      // L3-06 (QA S62): staff withdrew the pending session: it leaves the calendars that hold it.
      const s = slice.details.remoteSession;
      if (!s?.withdrawn || s.at !== text(d.sessionAt)) return null;
      // QA S63 #5: withdrawn in triage, the ticket is back in «Registrado» with a new triage
      // clock, in the same batch: the email says when it is due. After classification the ticket
      // keeps its clocks (no triage clock runs then), and runs before that clock started none.
      return {
        type: 'REMOTE_SESSION_WITHDRAWN',
        session: sessionEntry(s),
        withdrawnById: e.actor?.userId ?? s.withdrawn.by,
        proposedById: s.proposedBy,
        ...(s.withdrawn.note ? { note: s.withdrawn.note } : {}),
        ...newTriageDeadline(slice),
      };
    }
    case 'classify': {
      // L3-08: the diagnosis clock the classification of a requirement started, in the same batch.
      const diagnosis = slice.clocks.find((c) => c.kind === 'diagnosis' && c.status === 'RUNNING');
      // L3-07: a problem's progress clock, started by the same classification.
      const progress = d.classification === 'PROBLEM' ? runningDeadline(slice, 'progress') : null;
      const note = optional(d.note);
      return {
        type: 'CLASSIFIED',
        classification: d.classification as 'PROBLEM' | 'REQUIREMENT',
        ...(d.requirementKind ? { requirementKind: d.requirementKind as 'OTHER' } : {}),
        // The ASSIGNED event of the same transition names the agent; the slice holds it.
        ...(slice.assigneeId ? { agentId: slice.assigneeId } : {}),
        ...(diagnosis?.deadline ? { diagnosisDeadline: diagnosis.deadline } : {}),
        ...(progress ? { progressDeadline: progress } : {}),
        ...(note ? { note } : {}),
      };
    }
    case 'ASSIGNED':
      // Recorded only with a classification, whose email already names the agent (the provider's
      // agent still hears of it, providerNotificationFor).
      return null;
    case 'addProgress': {
      // L3-07: the update restarted the progress clock: the client learns when the next is due.
      const next = runningDeadline(slice, 'progress');
      return {
        type: 'PROGRESS_UPDATE',
        text: text(d.note),
        ...(next ? { nextUpdateBy: next } : {}),
      };
    }
    case 'submitEstimate':
    case 'submitChangeOrder': {
      // L3-12: a change order is emailed like an estimate, with the hours it adds.
      const latest = slice.details.estimates[slice.details.estimates.length - 1];
      return latest
        ? {
            type: 'ESTIMATE_SUBMITTED',
            estimateVersion: latest.version,
            hours: latest.hours,
            scope: latest.scope,
            ...addedHours(slice, latest.version),
          }
        : null;
    }
    case 'authorizeEstimate':
    case 'authorizeChangeOrder': {
      // L3-09/L3-11: the registrant and the approvers read the approver's note too, not only the
      // agent (providerNotificationFor).
      const note = optional(d.note);
      // L3-09: the scheduling clock the authorization started, in the same batch.
      const scheduling =
        e.type === 'authorizeEstimate' ? runningDeadline(slice, 'scheduling') : null;
      return {
        type: 'AUTHORIZATION_RECORDED',
        estimateVersion: Number(d.estimateVersion),
        statement: text(d.statement),
        ...(note ? { note } : {}),
        approverId: e.actor?.userId ?? '',
        authorizedAt: e.at,
        ...addedHours(slice, Number(d.estimateVersion)),
        ...(scheduling ? { schedulingDeadline: scheduling } : {}),
      };
    }
    case 'setReleaseDate':
      return { type: 'RELEASE_DATE_SET', releaseDate: text(d.releaseDate), note: optional(d.note) };
    case 'DATE_ADJUSTED':
      // L3-19: a moved date is communicated to the registrant (old, new, reason).
      return {
        type: 'DATE_ADJUSTED',
        subjectDate: d.subjectDate === 'REMOTE_SESSION' ? 'REMOTE_SESSION' : 'RELEASE_DATE',
        oldDate: text(d.oldDate),
        newDate: text(d.newDate),
        reason: text(d.reason),
      };
    case 'CLOCK_RECOMPUTED': {
      // L3-19, BUSINESS-TIME.md: the client was told this deadline (registration, classification,
      // progress update) or reads it on the ticket: they are told it moved.
      const moved = MOVED_CLOCKS[text(d.kind)];
      const oldDate = text(d.previousDeadline);
      const newDate = text(d.deadline);
      if (!moved || !oldDate || !newDate || oldDate === newDate) return null;
      return { type: 'DEADLINE_MOVED', moved, oldDate, newDate, ...versionsOf(d) };
    }
    case 'SCHEDULE_RECOMPUTED': {
      // L3-07: the «Ticket resuelto» email named the closing date. Reminders are the provider's
      // schedule: a moved reminder alone tells the client nothing.
      const closing = d.autoCloseAt as { from?: unknown; to?: unknown } | undefined;
      const oldDate = text(closing?.from);
      const newDate = text(closing?.to);
      if (!oldDate || !newDate || oldDate === newDate) return null;
      return { type: 'DEADLINE_MOVED', moved: 'AUTO_CLOSE', oldDate, newDate, ...versionsOf(d) };
    }
    case 'releaseForTesting':
      // L3-09 (QA S60 #4): a release after failures were reported says which one it is.
      return {
        type: 'RELEASED_FOR_TESTING',
        note: optional(d.note),
        release: slice.details.reworkCount + 1,
      };
    case 'reportFailures':
      // L3-09 (QA S60 #4): the client's side the release reached hears of the failures too (the
      // agent's email is providerNotificationFor's); the reporter is not emailed their own report.
      // The report counted the release it was about (reworkCount).
      return {
        type: 'FAILURES_REPORTED',
        release: Math.max(1, slice.details.reworkCount),
        text: text(d.note),
        reporterId: e.actor?.userId ?? '',
      };
    case 'resolve':
      // L3-07: the schedule the resolution set, projected with it.
      return {
        type: 'RESOLVED',
        resolution: optional(d.note),
        autoCloseAt: slice.details.autoClose?.closeAt,
      };
    case 'AUTO_CLOSE_REMINDER':
      return {
        type: 'AUTO_CLOSE_REMINDER',
        resolvedAt: text(d.resolvedAt),
        closeAt: text(d.closeAt),
      };
    case 'AUTO_CLOSED':
      return {
        type: 'CLOSED',
        outcome: 'AUTO_CLOSED',
        reason: optional(slice.details.closure?.reason),
      };
    case 'confirmResolution':
      return { type: 'CLOSED', outcome: 'CONFIRMED', reason: optional(d.note) };
    case 'acceptDelivery':
      return { type: 'CLOSED', outcome: 'ACCEPTED', reason: optional(d.note) };
    case 'declareOutOfScope':
      return { type: 'CLOSED', outcome: 'OUT_OF_SCOPE', reason: optional(d.note) };
    case 'declareNotFeasible':
      return {
        type: 'CLOSED',
        outcome: 'NOT_FEASIBLE',
        reason: Array.isArray(d.reasons) ? d.reasons.map(String).join('; ') : undefined,
      };
    case 'closeAdminAction':
      // L3-17: the reason lists what provider staff executed (the closure's recorded reason).
      return {
        type: 'CLOSED',
        outcome: 'ADMIN_ACTION_DONE',
        reason: optional(d.note) ?? optional(slice.details.closure?.reason),
      };
    case 'cancel': {
      // L3-06 (QA S60b #6): a remote session still ahead is cancelled with the ticket.
      const session = liveSession(slice, e.at);
      return {
        type: 'CANCELLED',
        reason: text(d.note),
        ...(slice.releaseDate ? { releaseDate: slice.releaseDate } : {}),
        ...(session ? { remoteSession: session } : {}),
        ...(e.actor ? { cancelledById: e.actor.userId } : {}),
        ...releasedHoursOf(d, slice),
      };
    }
    case 'recordAdminAction':
      // L3-17: the client requested the odoo.sh action; they are told each one executed.
      return {
        type: 'ADMIN_ACTION_EXECUTED',
        action: adminActionKind(d.action),
        details: text(d.details).trim(),
        executedAt: optional(d.executedAt) ?? e.at,
      };
    case 'startDevelopment':
      return {
        type: 'DEVELOPMENT_STARTED',
        releaseDate: slice.releaseDate ?? undefined,
        note: optional(d.note),
      };
    case 'rejectEstimate':
    case 'rejectChangeOrder': {
      // L3-08/L3-09: an estimate rejected goes back to diagnosis, whose clock restarted in the
      // same batch: the client learns by when the new one comes (QA S53).
      const next = e.type === 'rejectEstimate' ? runningDeadline(slice, 'diagnosis') : null;
      return {
        type: 'ESTIMATE_REJECTED',
        estimateVersion: Number(d.estimateVersion),
        reason: text(d.reason),
        approverId: e.actor?.userId ?? '',
        ...(e.type === 'rejectChangeOrder' ? { changeOrder: true } : {}),
        ...(next ? { diagnosisDeadline: next } : {}),
      };
    }
    case 'requestReestimate': {
      const next = runningDeadline(slice, 'diagnosis');
      return {
        type: 'REESTIMATE_REQUESTED',
        estimateVersion: Number(d.estimateVersion),
        reason: text(d.reason),
        requesterId: e.actor?.userId ?? '',
        ...(next ? { diagnosisDeadline: next } : {}),
      };
    }
    case 'ESTIMATE_REMINDER': {
      // L3-09: the estimate the reminder is about, as submitted (the workflow's schedule).
      const estimate = slice.details.estimates.find((x) => x.version === d.estimateVersion);
      return estimate
        ? {
            type: 'ESTIMATE_REMINDER',
            estimateVersion: estimate.version,
            hours: estimate.hours,
            scope: estimate.scope,
            submittedAt: estimate.submittedAt,
            reminder: typeof d.reminder === 'number' ? d.reminder : 0,
            limit: typeof d.limit === 'number' ? d.limit : 0,
          }
        : null;
    }
    case 'CHANGE_ORDER_REMINDER': {
      // L3-12: the change order the reminder is about, as submitted (the workflow's schedule).
      const order = slice.details.estimates.find((x) => x.version === d.estimateVersion);
      return order?.changeOrder && order.additionalHours !== undefined
        ? {
            type: 'CHANGE_ORDER_REMINDER',
            estimateVersion: order.version,
            additionalHours: order.additionalHours,
            hours: order.hours,
            scope: order.scope,
            submittedAt: order.submittedAt,
            reminder: typeof d.reminder === 'number' ? d.reminder : 0,
            limit: typeof d.limit === 'number' ? d.limit : 0,
          }
        : null;
    }
    case 'TESTING_REMINDER': {
      // L3-09: the release the reminder is about, as the workflow scheduled it, and what was
      // authorized (the newest authorized estimate's scope; a change order's is its reason).
      const estimate = slice.details.estimates
        .filter((x) => x.status === 'AUTHORIZED' && !x.changeOrder)
        .at(-1);
      return {
        type: 'TESTING_REMINDER',
        releasedAt: text(d.releasedAt),
        release: typeof d.release === 'number' ? d.release : 1,
        note: optional(d.note),
        scope: estimate?.scope,
        reminder: typeof d.reminder === 'number' ? d.reminder : 0,
        limit: typeof d.limit === 'number' ? d.limit : 0,
      };
    }
    case 'recordClientAnswer':
      // L3-11: the registrant learns what staff recorded in their name, and how it came.
      return {
        type: 'CLIENT_ANSWER_RECORDED',
        text: text(d.note),
        channel: clientAnswerChannel(d.channel),
        recordedById: e.actor?.userId ?? '',
        // The wait it answered (the workflow records it): triage's request or a paused clock.
        answered: d.answered === 'INFO_REQUESTED' ? 'INFO' : 'WAITING',
      };
    case 'comment': {
      // A client-visible comment emails the registrant (and the participants), whoever wrote it:
      // a provider's reply, or a colleague's comment on the registrant's ticket (QA S43: an
      // approver's comment reached the agent only). Its author is not emailed their own comment
      // (renderEmail); internal notes never leave the provider (L3-11).
      if (!(d.internal === false && e.actor)) return null;
      // L3-07: a reply that counted as a progress update restarted the progress clock.
      const next = d.countsAsProgress === true ? runningDeadline(slice, 'progress') : null;
      return {
        type: 'COMMENT_ADDED',
        text: text(d.body),
        authorId: e.actor.userId,
        ...(next ? { nextUpdateBy: next } : {}),
        ...attachmentIdsOf(d),
      };
    }
    case 'CLOCK_AT_RISK':
    case 'CLOCK_BREACHED':
      return {
        type: e.type === 'CLOCK_AT_RISK' ? 'SLA_AT_RISK' : 'SLA_BREACHED',
        clock: d.kind as 'triage',
        deadline: text(d.deadline),
        // The agent who must act is told with the managers (every agent while none is assigned).
        assigneeId: slice.assigneeId,
      };
    default:
      return null;
  }
}
