// The event → email contract (L3-11). The ticket code builds one of these for every event it
// records and passes it to `NotificationsService.enqueue(manager, event)` inside the same
// transaction. Plain types only: no Nest, no TypeORM, so workflows and activities may import them
// as types.
import type { HoursShortfall } from '../contracts/ledger-rules';
import type { CalendarChangeWords } from '../shared/calendar-change-words';
import type { BusinessDaysLeft } from '../shared/business-time-text';

/** The ticket an event belongs to. */
export interface NotificationTicket {
  /** L3-02 number, e.g. `L3-2026-000123`; the email links to `PUBLIC_URL/tickets/<number>`. */
  readonly number: string;
  readonly subject: string;
  /** The client user who opened the ticket (`app_user.id`): the main recipient. */
  readonly registrantId: string;
  /** The client organization (its CLIENT_APPROVER users receive estimate emails). */
  readonly clientOrgId: string;
}

interface EventBase {
  /**
   * Deterministic and unique per event, e.g. {@link ticketEventKey}`(number, seq)`. Enqueuing the
   * same key twice writes nothing new, so a retried activity cannot double-send.
   */
  readonly eventKey: string;
  /** ISO-8601 instant the event happened (the `.ics` DTSTAMP; shown in no email). */
  readonly occurredAt: string;
  readonly ticket: NotificationTicket;
  /**
   * The business-day target of the clock the email speaks of (a requirement's diagnosis, L3-08,
   * or scheduling, L3-09), from the ticket's own clock run; absent when the event names none or
   * was recorded before (the template then reads the contract's `clockTarget`).
   */
  readonly clockTargetDays?: number;
}

export interface TicketRegisteredEvent extends EventBase {
  readonly type: 'TICKET_REGISTERED';
  /** ISO-8601 instant: the L3-06 triage deadline (8 business hours). */
  readonly triageDeadline: string;
  /** L3-11 (QA S56): the files the registrant attached with the registration, oldest first. */
  readonly files?: readonly AttachedFile[];
  /** The files announced with the registration: the email waits for them while it names fewer. */
  readonly filesToFollow?: number;
}
export interface InfoRequestedEvent extends EventBase {
  readonly type: 'INFO_REQUESTED';
  readonly question: string;
  /**
   * Set when a problem in analysis (L3-07: `progress`) or a requirement in diagnosis (L3-08:
   * `diagnosis`) waits on the client: that clock is paused and resumes with the time it had left.
   * Absent for triage's information request (L3-06), whose answer starts a new triage clock.
   */
  readonly pausedClock?: 'progress' | 'diagnosis';
}
export interface RemoteSessionProposedEvent extends EventBase {
  readonly type: 'REMOTE_SESSION_PROPOSED';
  /** ISO-8601 instant of the session start. */
  readonly at: string;
  readonly durationMinutes: number;
  readonly note?: string;
  /** L3-06: the meeting link (an `https://` URL), when the proposal has one. */
  readonly link?: string;
  /** QA S63 #4: its calendar entry, when not the ticket's first ({@link RemoteSessionEntry}). */
  readonly calendarEntry?: number;
}
/**
 * L3-06: a remote session as its calendar entry (`.ics`) holds it: every email about a ticket's
 * session moves or cancels the same entry.
 */
export interface RemoteSessionEntry {
  /** ISO-8601 instant of the session start. */
  readonly at: string;
  readonly durationMinutes: number;
  readonly link?: string;
  readonly note?: string;
  /**
   * QA S63 #4 (RFC 5546): the proposal that opened the session's calendar entry, when it is not
   * the ticket's first: its `.ics` has a UID of its own (`<number>#remote-session#<entry>`), since
   * a calendar keeps a cancelled UID cancelled. Absent: the ticket's first entry
   * (`<number>#remote-session`), and every email queued before the change.
   */
  readonly calendarEntry?: number;
  /**
   * L3-06 (QA S62): on an email that cancels (or, QA S62 #9, confirms) the entry, the users whose
   * calendars hold it when the email is queued (their latest `.ics` of it was a REQUEST: the proposal, the agent's copy
   * of the confirmation or of a reassignment; {@link remoteSessionHolders}). Only their emails
   * carry the METHOD:CANCEL; anyone else told of the cancellation (an approver, a participant
   * added later) reads it without a calendar file. Absent on emails queued before: all carry it.
   */
  readonly heldBy?: readonly string[];
}
/**
 * L3-06 (QA S62 #9): the client confirmed the proposed remote session (`acceptRemoteSession`).
 * Told to the client's side whose calendars got the proposal (the registrant and the participants
 * it reached, who confirmed included; `session.heldBy`): its `.ics` (METHOD:REQUEST, the
 * proposal's UID, a higher SEQUENCE) turns the entry from STATUS:TENTATIVE to CONFIRMED. The
 * agent hears of it as `PROVIDER_CLIENT_ACTIVITY` (with their own invitation), not this.
 */
export interface RemoteSessionConfirmedEvent extends EventBase {
  readonly type: 'REMOTE_SESSION_CONFIRMED';
  /** The proposal confirmed. */
  readonly session: RemoteSessionEntry;
  /** `app_user.id` of the client user who confirmed it; the email names them (or says «usted»). */
  readonly confirmedById: string;
}
/**
 * L3-06 (QA S62): provider staff withdrew the pending remote session (`withdrawRemoteSession`:
 * the issue was fixed before it, say). Told to the client's side (the registrant and the
 * participants) and to the staff whose calendars hold it (SESSION_HOLDERS); only the calendars
 * that hold it get the METHOD:CANCEL (`session.heldBy`).
 */
export interface RemoteSessionWithdrawnEvent extends EventBase {
  readonly type: 'REMOTE_SESSION_WITHDRAWN';
  /** The proposal withdrawn. */
  readonly session: RemoteSessionEntry;
  /** `app_user.id` of the staff member who withdrew it. */
  readonly withdrawnById: string;
  /**
   * QA S63 #12: `app_user.id` of the staff member who proposed it: told when someone else
   * withdrew it, in their language (absent in older payloads).
   */
  readonly proposedById?: string;
  /** Their note to the client, if any. */
  readonly note?: string;
  /**
   * ISO-8601 instant: the deadline of the new 8-business-hour triage clock (L3-06) the withdrawal
   * started, back in «Registrado» (QA S63 #5). Absent after classification (the ticket keeps its
   * clocks), in runs that withdrew before that clock, and in older payloads.
   */
  readonly triageDeadline?: string;
}
/**
 * L3-06 (QA S60b #6): the client cannot attend the proposed remote session (`declineRemoteSession`).
 * Told to the client's side that got the invitation (the registrant and the participants), who
 * declined included: its `.ics` (METHOD:CANCEL, the invitation's UID) takes the session out of
 * their calendars. The agent hears of the decline as `PROVIDER_CLIENT_ACTIVITY`.
 */
export interface RemoteSessionCancelledEvent extends EventBase {
  readonly type: 'REMOTE_SESSION_CANCELLED';
  /** The proposal that was declined. */
  readonly session: RemoteSessionEntry;
  /** `app_user.id` of the client user who declined; the email names them (or says «usted»). */
  readonly declinedById: string;
  readonly reason: string;
  /** The time the client suggested instead, if any. */
  readonly suggestedAt?: string;
  /**
   * S64: ISO-8601 instant, the deadline of the new 8-business-hour triage clock (L3-06) the
   * decline started, back in «Registrado». Absent when none runs after the batch, and in older
   * payloads.
   */
  readonly triageDeadline?: string;
}
export interface ClassifiedEvent extends EventBase {
  readonly type: 'CLASSIFIED';
  readonly classification: 'PROBLEM' | 'REQUIREMENT';
  /** For a requirement (L3-08). */
  readonly requirementKind?: 'CHANGE' | 'CONFIGURATION' | 'DEVELOPMENT' | 'TRAINING' | 'OTHER';
  /**
   * `app_user.id` of the agent who got the ticket with its classification (L3-07/L3-08): told in
   * this email, so the client gets one email, not «clasificado» and «asignado» in the same second.
   */
  readonly agentId?: string;
  /** L3-08 (QA S18): a requirement's diagnosis deadline, its clock started by the classification. */
  readonly diagnosisDeadline?: string;
  /** L3-07: a problem's first progress update is due by then (its progress clock started). */
  readonly progressDeadline?: string;
  /** The classifying agent's note, which the client also reads in the ticket's history. */
  readonly note?: string;
}
export interface AssignedEvent extends EventBase {
  readonly type: 'ASSIGNED';
  /** `app_user.id` of the L3 agent; the email shows their display name. */
  readonly agentId: string;
}
export interface ProgressUpdateEvent extends EventBase {
  readonly type: 'PROGRESS_UPDATE';
  readonly text: string;
  /** L3-07: when the next update is due at the latest (the progress clock this update restarted). */
  readonly nextUpdateBy?: string;
}
export interface EstimateSubmittedEvent extends EventBase {
  readonly type: 'ESTIMATE_SUBMITTED';
  readonly estimateVersion: number;
  readonly hours: number;
  readonly scope: string;
  /** L3-12: set for a change order, the hours it adds (`hours` is then the new total). */
  readonly additionalHours?: number;
  /** L3-18: true when the ticket is «sin cargo» as the email is queued: nothing is charged. */
  readonly noCharge?: boolean;
  /**
   * L3-12: set when the client's available hours, as the email is queued, do not cover what
   * authorizing it would reserve (`reservationShortfall`): the email says by how much.
   */
  readonly shortfall?: HoursShortfall;
  /**
   * L3-08/L3-09: the organization's active approvers when the email was queued: the one recipient
   * who is not among them is told who must authorize (QA S18), not invited to authorize.
   */
  readonly approverIds?: readonly string[];
}
export interface AuthorizationRecordedEvent extends EventBase {
  readonly type: 'AUTHORIZATION_RECORDED';
  readonly estimateVersion: number;
  /** The approver's written statement (L3-09), quoted verbatim. */
  readonly statement: string;
  /** The approver's optional note beside the statement, quoted apart (as the agent's email does). */
  readonly note?: string;
  /** `app_user.id` of the approver. */
  readonly approverId: string;
  /** ISO-8601 instant of the authorization. */
  readonly authorizedAt: string;
  /** L3-12: set when a change order was authorized, the hours it adds. */
  readonly additionalHours?: number;
  /** L3-12: the hours the authorized version holds (a change order: the new total). */
  readonly hours?: number;
  /** L3-18: as {@link EstimateSubmittedEvent.noCharge}: nothing was reserved. */
  readonly noCharge?: boolean;
  /**
   * L3-09: the deadline of the scheduling clock the authorization started, by when the release
   * date is published (QA S54: the email gave only «2 días hábiles»); absent for a change order.
   */
  readonly schedulingDeadline?: string;
}
export interface ReleaseDateSetEvent extends EventBase {
  readonly type: 'RELEASE_DATE_SET';
  /** `YYYY-MM-DD` → all-day `.ics` event; an ISO-8601 instant → a timed one. */
  readonly releaseDate: string;
  /** Length of a timed release event; default 60. */
  readonly durationMinutes?: number;
  /** The agent's note with the date, as the ticket page shows it (QA S51). */
  readonly note?: string;
}
export interface ReleasedForTestingEvent extends EventBase {
  readonly type: 'RELEASED_FOR_TESTING';
  readonly note?: string;
  /**
   * L3-09: which release it is: 1, then one more after each failure report (the ticket's
   * `reworkCount` + 1). A release after failures says so (QA S60 #4); absent in older payloads (1).
   */
  readonly release?: number;
}
/**
 * L3-09 client testing (QA S60 #4): the client reported failures on a release, which goes back to
 * development. Told to the client's side its release reached (the registrant, the participants and
 * the approvers who authorized the work), except who reported them; the agent hears of it as
 * `PROVIDER_CLIENT_ACTIVITY`.
 */
export interface FailuresReportedEvent extends EventBase {
  readonly type: 'FAILURES_REPORTED';
  /** The release the failures were found in (1, 2, …). */
  readonly release: number;
  /** The failures, in the client's words. */
  readonly text: string;
  /** `app_user.id` of the client user who reported them; the email names them. */
  readonly reporterId: string;
}
export interface ResolvedEvent extends EventBase {
  readonly type: 'RESOLVED';
  readonly resolution?: string;
  /** L3-07: when the ticket closes by itself unless the client confirms or reopens it. */
  readonly autoCloseAt?: string;
}
export interface ClosedEvent extends EventBase {
  readonly type: 'CLOSED';
  /** ADMIN_ACTION_DONE: L3-17 odoo.sh administration executed and closed by provider staff. */
  readonly outcome:
    | 'CONFIRMED'
    | 'ACCEPTED'
    | 'OUT_OF_SCOPE'
    | 'NOT_FEASIBLE'
    | 'ADMIN_ACTION_DONE'
    /** L3-07: resolved, and the client neither confirmed nor reopened it in time. */
    | 'AUTO_CLOSED';
  readonly reason?: string;
  /**
   * L3-12/L3-13: hours the ticket charged to the package (its ledger consumption), set when time
   * was logged on the ticket or hours were reserved for it; read when the email is queued.
   */
  readonly chargedHours?: number;
  /** L3-12: the unused reservation that goes back to the package (> 0), with `chargedHours`. */
  readonly returnedHours?: number;
  /**
   * L3-18: the hours logged on the ticket when more than those charged (a no-charge ticket's work),
   * with `chargedHours`.
   */
  readonly loggedHours?: number;
}
/** L3-07: a resolved ticket the client has not answered closes by itself at `closeAt`. */
export interface AutoCloseReminderEvent extends EventBase {
  readonly type: 'AUTO_CLOSE_REMINDER';
  readonly resolvedAt: string;
  readonly closeAt: string;
}
export interface CancelledEvent extends EventBase {
  readonly type: 'CANCELLED';
  readonly reason: string;
  /** `app_user.id` of who cancelled it; the email names them. Absent when nobody is recorded. */
  readonly cancelledById?: string;
  /**
   * L3-12: the ticket had an authorized estimate, so its reservation's unused hours go back to the
   * balance. Set for cancel events of runs that released after the run ended (the amount was not
   * known when the email was built), so the email says so without a number.
   */
  readonly releasesReservedHours?: boolean;
  /**
   * L3-12: the unused reserved hours the cancellation gave back to the package (> 0; the cancel
   * event carries the ledger's answer). Absent when none went back.
   */
  readonly releasedHours?: number;
  /**
   * L3-12/L3-13: the hours the ticket charged to the package, as {@link ClosedEvent.chargedHours},
   * set when any were logged; read when the email is queued (QA S54).
   */
  readonly chargedHours?: number;
  /** L3-18: the hours logged when more than those charged (a no-charge ticket's work). */
  readonly loggedHours?: number;
  /** L3-09: the release date that was published, if any: its calendar entry is cancelled. */
  readonly releaseDate?: string;
  /**
   * QA S62 review (L3-09): the users whose calendars hold the release date's entry when the email
   * is queued (their latest `.ics` of it was a REQUEST: RELEASE_DATE_SET, a moved date;
   * `releaseDateHolders`). Only their emails carry its METHOD:CANCEL; anyone else told (a
   * participant added after it was published) reads the cancellation without a file. Absent on
   * emails queued before: all carry it.
   */
  readonly releaseHeldBy?: readonly string[];
  /**
   * L3-06 (QA S60b #6): the remote session still ahead when the ticket was cancelled (proposed or
   * confirmed, not declined): its calendar entry is cancelled too.
   */
  readonly remoteSession?: RemoteSessionEntry;
}
export interface DateAdjustedEvent extends EventBase {
  readonly type: 'DATE_ADJUSTED';
  /** Which date moved (L3-19). */
  readonly subjectDate: 'RELEASE_DATE' | 'REMOTE_SESSION';
  /** `YYYY-MM-DD` or ISO-8601 instants, as in {@link ReleaseDateSetEvent}. */
  readonly oldDate: string;
  readonly newDate: string;
  readonly reason: string;
}
/** Which of a ticket's dates a calendar change moved ({@link DeadlineMovedEvent}). */
export type MovedDate = 'TRIAGE' | 'PROGRESS' | 'DIAGNOSIS' | 'SCHEDULING' | 'AUTO_CLOSE';

/**
 * One change of the calendar, as the email names it (`business_calendar_version.details`): the
 * shape the ticket history's words take (`src/shared/calendar-change-words.ts`).
 */
export type MovedByChange = CalendarChangeWords;

/**
 * BUSINESS-TIME.md, L3-19, L3-11: a calendar change (a holiday added, a date's hours set…) moved
 * a date the client was told by email: a running clock's deadline (triage's «atención a más
 * tardar», the next progress update, the diagnosis, the scheduling notice) or the automatic
 * closure of a resolved ticket (L3-07). One per CLOCK_RECOMPUTED / SCHEDULE_RECOMPUTED event,
 * keyed by it, so a repeated signal that moves nothing emails nobody.
 */
export interface DeadlineMovedEvent extends EventBase {
  readonly type: 'DEADLINE_MOVED';
  readonly moved: MovedDate;
  /** ISO-8601 instants: the date before and after the change. */
  readonly oldDate: string;
  readonly newDate: string;
  /** The calendar versions the date moved between: `told` reads their changes. */
  readonly calendarVersions?: { readonly from: number; readonly to: number };
  /** The calendar's name and the changes that moved the date, oldest first (read when queued). */
  readonly calendarName?: string;
  readonly changes?: readonly MovedByChange[];
}
/**
 * L3-19/L3-10, provider side: a re-plan (a capacity change, a queue reorder) left a published
 * release date that the capacity plan can no longer meet. Told to the assigned agent (every agent
 * while none is assigned) and the provider managers, never to the client: the agent decides
 * whether to adjust the date (`adjustReleaseDate`, which emails the client). Not a timeline event:
 * keyed by {@link deliveryAtRiskEventKey}, so it is told once per (ticket, published, planned).
 */
export interface ProviderDeliveryAtRiskEvent extends EventBase {
  readonly type: 'PROVIDER_DELIVERY_AT_RISK';
  /** ISO-8601 instants: the published release date and the capacity model's date. */
  readonly releaseDate: string;
  readonly plannedDate: string;
  /** Business days the plan is late by (≥ 1). */
  readonly slipBusinessDays: number;
  /** What re-planned: the client's capacity changed, or its queue was reordered. */
  readonly cause: 'CAPACITY_CHANGED' | 'QUEUE_REORDERED';
  /** The client's capacity after the re-plan (provider hours per business day). */
  readonly hoursPerBusinessDay: number;
  /** 1-based place of the ticket in its client's queue after the re-plan. */
  readonly position: number;
  /** `app_user.id` of the assigned agent, or `null` (then every provider agent is told). */
  readonly assigneeId: string | null;
}
/**
 * L3-19 (QA S59), provider side: a calendar change closed the day of a published release date (a
 * holiday or a closed day added on it). The date does not move by itself (the client was told it):
 * the assigned agent (every agent while none is assigned) is told to adjust it. Not a timeline
 * event: keyed by {@link releaseOnClosedDayEventKey}, told once per ticket, date and calendar
 * version that closed it.
 */
export interface ProviderReleaseOnClosedDayEvent extends EventBase {
  readonly type: 'PROVIDER_RELEASE_ON_CLOSED_DAY';
  /** ISO-8601 instant of the published release date. */
  readonly releaseDate: string;
  readonly calendarName: string;
  /** What closed the day: the holiday's name, an exception's reason, or null (none given). */
  readonly closedBy: string | null;
  /** `app_user.id` of the assigned agent, or `null` (then every provider agent is told). */
  readonly assigneeId: string | null;
}
export interface SlaAtRiskEvent extends EventBase {
  readonly type: 'SLA_AT_RISK';
  readonly clock: 'triage' | 'diagnosis' | 'scheduling' | 'progress';
  /** ISO-8601 instant of the clock's deadline. */
  readonly deadline: string;
  /**
   * The ticket's assigned agent when the clock fired: they are told (every agent while none is);
   * `null` (or absent, as in payloads stored before agents were told) while unassigned.
   */
  readonly assigneeId?: string | null;
  /**
   * Business minutes left until `deadline` when the email was queued, on the ticket's calendar
   * (set by `NotificationsService.enqueue`; absent in payloads stored before it was).
   */
  readonly businessMinutesLeft?: number;
  /**
   * QA S21: the business minutes of one «día hábil» of a clock counted in days (diagnosis L3-08,
   * scheduling L3-09), its calendar's usual working day, so the email says «3 días hábiles» as the
   * web app does. Set with `businessMinutesLeft`; absent for a clock counted in minutes and in
   * payloads stored before it was (those read in hours).
   */
  readonly businessDayMinutes?: number;
  /**
   * QA S62 #13: a clock counted in days, its time left in business dates when the email was
   * queued («Resta hoy y 2 días hábiles», not «3 días hábiles» for a 2-day clock). Set with
   * `businessMinutesLeft` for such a clock; absent in payloads stored before it was.
   */
  readonly businessDaysLeft?: BusinessDaysLeft;
  /**
   * QA S60: the IANA zone of the ticket's calendar (its client's working hours), set with
   * `businessMinutesLeft`: a warning read in another zone also gives the deadline in the client's.
   */
  readonly calendarTimeZone?: string;
}
export interface SlaBreachedEvent extends EventBase {
  readonly type: 'SLA_BREACHED';
  readonly clock: 'triage' | 'diagnosis' | 'scheduling' | 'progress';
  readonly deadline: string;
  /** As {@link SlaAtRiskEvent.assigneeId}. */
  readonly assigneeId?: string | null;
  /**
   * Business minutes from `deadline` to when the email was queued, on the ticket's calendar: how
   * late a breach told late (after an outage) is. Set by `NotificationsService.enqueue`.
   */
  readonly businessMinutesLate?: number;
  /** As {@link SlaAtRiskEvent.businessDayMinutes}. */
  readonly businessDayMinutes?: number;
  /** As {@link SlaAtRiskEvent.calendarTimeZone}. */
  readonly calendarTimeZone?: string;
}
/** A provider's client-visible reply on the ticket (L3-11): emailed to the registrant. */
export interface CommentAddedEvent extends EventBase {
  readonly type: 'COMMENT_ADDED';
  readonly text: string;
  /** `app_user.id` of the provider staff member who wrote it; the email shows their name. */
  readonly authorId: string;
  /** L3-07: a reply that counted as a progress update: when the next one is due at the latest. */
  readonly nextUpdateBy?: string;
  /** L3-11: the files the comment carried (`files` names those not deleted when it is queued). */
  readonly attachmentIds?: readonly string[];
  readonly files?: readonly AttachedFile[];
}
/**
 * L3-06/L3-07/L3-08/L3-11: provider staff recorded, on the registrant's behalf, the answer the
 * client gave off the portal (phone, WhatsApp, email, a meeting). Emailed to the registrant, so
 * they see what was recorded in their name and can correct it on the ticket.
 */
export interface ClientAnswerRecordedEvent extends EventBase {
  readonly type: 'CLIENT_ANSWER_RECORDED';
  /** What the client said, in the staff member's words. */
  readonly text: string;
  readonly channel: 'PHONE' | 'WHATSAPP' | 'EMAIL' | 'MEETING' | 'OTHER';
  /** `app_user.id` of the staff member who recorded it; the email shows their name. */
  readonly recordedById: string;
  /**
   * What the answer did: `INFO` answered triage's information request (a new 8-hour triage
   * clock); `WAITING` ended a wait on the client (the paused clock resumed with its time left).
   */
  readonly answered: 'INFO' | 'WAITING';
}
/** L3-17: provider staff executed an odoo.sh administration action the client requested. */
export interface AdminActionExecutedEvent extends EventBase {
  readonly type: 'ADMIN_ACTION_EXECUTED';
  readonly action: 'BACKUP' | 'RESTORE' | 'BRANCH_CONFIGURATION' | 'OTHER';
  readonly details: string;
  /** ISO-8601 instant the action was executed. */
  readonly executedAt: string;
}
/** L3-09: development of an authorized requirement started (release date already published). */
export interface DevelopmentStartedEvent extends EventBase {
  readonly type: 'DEVELOPMENT_STARTED';
  /** The published release date for testing, as in {@link ReleaseDateSetEvent}. */
  readonly releaseDate?: string;
  readonly note?: string;
}
/** L3-09: an approver rejected the submitted estimate; the requirement goes back to diagnosis. */
export interface EstimateRejectedEvent extends EventBase {
  readonly type: 'ESTIMATE_REJECTED';
  readonly estimateVersion: number;
  readonly reason: string;
  /** `app_user.id` of the approver. */
  readonly approverId: string;
  /** L3-12: a change order was rejected (the work goes on within the hours already authorized). */
  readonly changeOrder?: boolean;
  /** L3-08/L3-09: by when the new estimate comes (the diagnosis clock the rejection restarted). */
  readonly diagnosisDeadline?: string;
}
/** L3-09: the client asked for a new estimate; the requirement goes back to diagnosis. */
export interface ReestimateRequestedEvent extends EventBase {
  readonly type: 'REESTIMATE_REQUESTED';
  readonly estimateVersion: number;
  readonly reason: string;
  /** `app_user.id` of the client user who asked. */
  readonly requesterId: string;
  /** L3-08/L3-09: by when the new estimate comes (QA S53: the email did not say). */
  readonly diagnosisDeadline?: string;
  /**
   * As {@link EstimateSubmittedEvent.approverIds} (QA S60 #6): a recipient who is not among them
   * reads that the new estimate goes to them for authorization, not that it comes for theirs.
   */
  readonly approverIds?: readonly string[];
}
/**
 * L3-09: the submitted estimate still waits for its written authorization. No provider SLA: a
 * reminder (every 2 business days, at most `limit`) to the registrant and the approvers.
 */
export interface EstimateReminderEvent extends EventBase {
  readonly type: 'ESTIMATE_REMINDER';
  readonly estimateVersion: number;
  readonly hours: number;
  readonly scope: string;
  /** ISO-8601 instant the estimate was submitted. */
  readonly submittedAt: string;
  /** This reminder's number for the estimate (1-based), and the most that are sent. */
  readonly reminder: number;
  readonly limit: number;
  /** As {@link EstimateSubmittedEvent.approverIds}. */
  readonly approverIds?: readonly string[];
  /** As {@link EstimateSubmittedEvent.shortfall}, as the reminder is queued. */
  readonly shortfall?: HoursShortfall;
}
/**
 * L3-12 (with L3-09's approval wait): a change order still waits for its written authorization.
 * Reminded like an estimate (every 2 business days, at most `limit`), to the same people.
 */
export interface ChangeOrderReminderEvent extends EventBase {
  readonly type: 'CHANGE_ORDER_REMINDER';
  /** The change order's version. */
  readonly estimateVersion: number;
  /** The hours it adds, and the ticket's authorized total with them. */
  readonly additionalHours: number;
  readonly hours: number;
  /** Why the hours are needed (its scope). */
  readonly scope: string;
  /** ISO-8601 instant the change order was submitted. */
  readonly submittedAt: string;
  /** This reminder's number for the change order (1-based), and the most that are sent. */
  readonly reminder: number;
  readonly limit: number;
  /** As {@link EstimateSubmittedEvent.approverIds}. */
  readonly approverIds?: readonly string[];
  /** As {@link EstimateSubmittedEvent.shortfall}, as the reminder is queued. */
  readonly shortfall?: HoursShortfall;
}
/**
 * L3-09 client testing: a release still waits for the client's tests and decision (accept it or
 * report failures). No deadline and no provider SLA there, so only a reminder (every 2 business
 * days from the release, at most `limit`) to the registrant and the approvers who authorized it.
 */
export interface TestingReminderEvent extends EventBase {
  readonly type: 'TESTING_REMINDER';
  /** ISO-8601 instant the ticket was released for testing. */
  readonly releasedAt: string;
  /** Which release it is: 1, then one more after each rework (failures reported). */
  readonly release: number;
  /** The note the release was made with, if any. */
  readonly note?: string;
  /** What was authorized (the estimate's scope), when the ticket has an authorized estimate. */
  readonly scope?: string;
  /** This reminder's number for the release (1-based), and the most that are sent. */
  readonly reminder: number;
  readonly limit: number;
}
/**
 * L3-11, provider side: a new ticket, told to the provider's agents and managers (every helpdesk
 * tells its people). Its key is {@link providerEventKey}: the registrant's email of the same
 * timeline event keeps {@link ticketEventKey}.
 */
export interface ProviderNewTicketEvent extends EventBase {
  readonly type: 'PROVIDER_NEW_TICKET';
  /** Category as registered (`INCIDENT`, `QUESTION`, …). The email names the client by its id. */
  readonly category: string;
  /** ISO-8601 instant: the L3-06 triage deadline (8 business hours). */
  readonly triageDeadline?: string;
  /** L3-11: the files the registrant attached with the registration, oldest first. */
  readonly files?: readonly AttachedFile[];
  /**
   * L3-11 (QA S20): the files the registrant announced with the registration (`registerTicket`'s
   * `attachmentsToFollow`); the email waits for them while it names fewer.
   */
  readonly filesToFollow?: number;
}

/** What a client did on a ticket that the provider hears about. */
export type ClientActivity =
  | 'COMMENT'
  | 'INFO_PROVIDED'
  | 'CLIENT_REPLIED'
  | 'ESTIMATE_AUTHORIZED'
  | 'ESTIMATE_REJECTED'
  /** L3-12: the approver authorized / rejected a change order (more hours). */
  | 'CHANGE_ORDER_AUTHORIZED'
  | 'CHANGE_ORDER_REJECTED'
  | 'REESTIMATE_REQUESTED'
  | 'FAILURES_REPORTED'
  | 'DELIVERY_ACCEPTED'
  | 'RESOLUTION_CONFIRMED'
  | 'REOPENED'
  /** The client cancelled the ticket; `text` is their note. */
  | 'CANCELLED'
  /** L3-06: the client confirmed the proposed remote session (`sessionAt`). */
  | 'REMOTE_SESSION_ACCEPTED'
  /** L3-06: the client cannot attend it; `text` is why, `suggestedAt` a time that suits them. */
  | 'REMOTE_SESSION_DECLINED'
  /**
   * Another staff member recorded the client's answer given off the portal (L3-06/L3-07): the
   * assigned agent learns the ticket moves again; `actorId` is that staff member.
   */
  | 'ANSWER_RECORDED'
  /** A file attached to the ticket; `text` is its name. */
  | 'ATTACHMENT_ADDED'
  /** Files attached one after another, told in one email; `text` has their names, one a line. */
  | 'ATTACHMENTS_ADDED';

/**
 * L3-11, provider side: a client's comment, answer or decision on a ticket, told to the assigned
 * agent (to the provider's agents while nobody is assigned). Keyed by {@link providerEventKey}.
 */
export interface ProviderClientActivityEvent extends EventBase {
  readonly type: 'PROVIDER_CLIENT_ACTIVITY';
  readonly activity: ClientActivity;
  /** `app_user.id` of the client user who acted; the email shows their name. */
  readonly actorId: string;
  /** `app_user.id` of the assigned agent, or `null` (then every provider agent is told). */
  readonly assigneeId: string | null;
  /**
   * QA S63 #12: on the client's answer to a remote session (confirmed or declined), the staff
   * member who proposed it: while nobody is assigned they read «Usted propuso esta sesión», the
   * other agents who proposed it (absent in older payloads).
   */
  readonly sessionProposedById?: string;
  /** The client's words (comment, answer, reason, written authorization), when there are any. */
  readonly text?: string;
  /** The note the client added beside a written authorization or a reason (L3-09). */
  readonly note?: string;
  readonly estimateVersion?: number;
  /**
   * The files, when the activity is attachments (`text` then names them, one a line), or those a
   * comment or an answer carried (`attachmentIds`; named when the email is queued).
   */
  readonly files?: readonly AttachedFile[];
  readonly attachmentIds?: readonly string[];
  /** L3-06: the remote session the client answered (ISO-8601 start) and its duration. */
  readonly sessionAt?: string;
  readonly durationMinutes?: number;
  /** L3-06: the time the client suggests instead, when it declined with one. */
  readonly suggestedAt?: string;
  /**
   * L3-06 (QA S60b #6): the remote session's calendar entry for the agent who holds it (the
   * assigned agent, else the one who proposed it): a REQUEST when the client confirmed it, a
   * CANCEL when a confirmed session is declined or its ticket cancelled. Only `agentId`'s email
   * carries it; the other agents told while nobody is assigned get none.
   */
  readonly sessionCalendar?: {
    readonly session: RemoteSessionEntry;
    readonly agentId: string;
    readonly cancelled?: true;
  };
  /**
   * L3-06…L3-08: the clock the client's answer set going again, and its deadline (null when it
   * has none running, e.g. breached): `triage` starts over (8 business hours from the answer),
   * `progress` and `diagnosis` resume with the time they had left (QA S57).
   */
  readonly answerClock?: { readonly kind: AnswerClock; readonly deadline: string | null };
  /**
   * L3-08/L3-09 (QA S60 #5): the deadline of the requirement clock the client's decision set
   * going, as the client's email of the same event gives it: scheduling after an authorization
   * (the release date is due), diagnosis after a rejection or a re-estimate request (the new
   * estimate is due). Absent when none runs, and in older payloads.
   */
  readonly clockDeadline?: string;
  /**
   * S64 (L3-06): on `REMOTE_SESSION_DECLINED`, the deadline of the new 8-business-hour triage
   * clock the decline started, back in «Registrado» (ISO-8601), as the client's email of the same
   * event gives it. Absent when none runs after the batch, and in older payloads.
   */
  readonly triageDeadline?: string;
}

/** The clock a client's answer to a request sets going again (L3-06…L3-08). */
export type AnswerClock = 'triage' | 'progress' | 'diagnosis';

/**
 * L3-07, provider side: a problem's first assignment on classification (`initial`), or provider
 * staff handed an assigned ticket to another agent; the agent who now has it is told (every agent
 * should that one no longer be active). The client is not emailed about it: it already hears of
 * the classification and the assignment (`CLASSIFIED`, `ASSIGNED`), and the ticket page shows
 * the name.
 */
export interface ProviderAssignedEvent extends EventBase {
  readonly type: 'PROVIDER_ASSIGNED';
  /** `app_user.id` of the agent who now has the ticket. */
  readonly assigneeId: string;
  /** `app_user.id` of the agent who had it, when known. */
  readonly previousAssigneeId: string | null;
  /**
   * `app_user.id` of the staff member who assigned or reassigned it; `null` when the workflow
   * picked the least-loaded agent itself.
   */
  readonly actorId: string | null;
  /**
   * Set on the first assignment at classification: `AUTOMATIC` (least-loaded agent) or `NAMED`
   * (the classifying staff member chose the agent). Absent on a reassignment.
   */
  readonly initial?: 'AUTOMATIC' | 'NAMED';
  /** With `initial`: what the ticket was classified as (L3-07 problem, L3-08 requirement). */
  readonly classification?: 'PROBLEM' | 'REQUIREMENT';
  readonly note?: string;
  /**
   * L3-06 (QA S62): the confirmed remote session still ahead, which changes hands with the
   * ticket: the agent who now has it gets the invitation (METHOD:REQUEST), and whoever on the
   * provider's side held it before (`session.heldBy`, the SESSION_HOLDERS audience) its
   * cancellation (METHOD:CANCEL, same UID, a higher SEQUENCE), in this one email each.
   */
  readonly sessionCalendar?: { readonly session: RemoteSessionEntry };
  /**
   * QA S65 #1 (L3-06): a proposed session still ahead, not confirmed yet: in no agent's calendar,
   * but the agent who now has the ticket is told of it (the invitation comes on confirmation).
   */
  readonly proposedSession?: RemoteSessionEntry;
  /**
   * QA S63 (L3-06, L3-07): the agent assigned the ticket to themselves (classifying it with their
   * own name, «Automático» picking them, or a reassignment to themselves). Their own action needs
   * no «assigned to you» email: the event exists only to hand over a confirmed session they do not
   * hold yet (`sessionCalendar`), and they get its invitation alone, never a second copy.
   */
  readonly selfAssigned?: true;
}

/**
 * L3-11: provider staff attached a file to the ticket (a screenshot, a log, a document): a
 * client-visible event, emailed to the registrant. Not a timeline event (attachments live outside
 * the workflow): keyed by {@link attachmentEventKey}. The email names the file; the bytes stay on
 * the platform.
 */
export interface AttachmentAddedEvent extends EventBase {
  readonly type: 'ATTACHMENT_ADDED';
  readonly attachmentId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** `app_user.id` of the staff member who attached it; the email shows their name. */
  readonly uploaderId: string;
  /** Files the same person attached right after, told in the same email (oldest first). */
  readonly more?: readonly AttachedFile[];
}

/** A file an attachment email names. */
export interface AttachedFile {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

/** Provider-only note on a ticket: recorded, never emailed to anyone. */
export interface InternalNoteEvent extends EventBase {
  readonly type: 'INTERNAL_NOTE';
  readonly text: string;
}

/** Every event that may cause email (L3-11). Discriminated by `type`. */
export type NotificationEvent =
  | TicketRegisteredEvent
  | InfoRequestedEvent
  | RemoteSessionProposedEvent
  | RemoteSessionConfirmedEvent
  | RemoteSessionCancelledEvent
  | RemoteSessionWithdrawnEvent
  | ClassifiedEvent
  | AssignedEvent
  | ProgressUpdateEvent
  | EstimateSubmittedEvent
  | AuthorizationRecordedEvent
  | ReleaseDateSetEvent
  | ReleasedForTestingEvent
  | FailuresReportedEvent
  | ResolvedEvent
  | ClosedEvent
  | AutoCloseReminderEvent
  | CancelledEvent
  | DateAdjustedEvent
  | DeadlineMovedEvent
  | ProviderDeliveryAtRiskEvent
  | ProviderReleaseOnClosedDayEvent
  | SlaAtRiskEvent
  | SlaBreachedEvent
  | CommentAddedEvent
  | ClientAnswerRecordedEvent
  | AdminActionExecutedEvent
  | DevelopmentStartedEvent
  | EstimateRejectedEvent
  | ReestimateRequestedEvent
  | EstimateReminderEvent
  | ChangeOrderReminderEvent
  | TestingReminderEvent
  | ProviderNewTicketEvent
  | ProviderClientActivityEvent
  | ProviderAssignedEvent
  | AttachmentAddedEvent
  | InternalNoteEvent;

export type NotificationEventType = NotificationEvent['type'];

/** The event of a given type. */
export type EventOfType<T extends NotificationEventType> = Extract<NotificationEvent, { type: T }>;

/** The event key of a ticket workflow's timeline event: `ticket-<number>:<seq>`. */
export function ticketEventKey(ticketNumber: string, seq: number): string {
  return `ticket-${ticketNumber}:${seq}`;
}

/**
 * QA S63 #6: the key of the managers' copy of a client's activity on a ticket whose assignee is
 * inactive: one per ticket and inactive assignee (not per event), so each manager is told once.
 */
export function inactiveAssigneeNoticeKey(ticketNumber: string, assigneeId: string): string {
  return `ticket-${ticketNumber}:assignee-inactive:${assigneeId}:managers`;
}

/**
 * The timeline `seq` of a ticket event's key ({@link ticketEventKey}, {@link providerEventKey});
 * 0 for keys of events outside the timeline.
 */
export function timelineSeqOf(eventKey: string): number {
  const m = /^ticket-[^:]+:(\d+)(?::provider)?$/.exec(eventKey);
  return m ? Number(m[1]) : 0;
}

/**
 * The event key of the provider's email about a ticket's timeline event: `ticket-<number>:<seq>:
 * provider`, so the registrant's and the provider's emails of one event are each queued once.
 */
export function providerEventKey(ticketNumber: string, seq: number): string {
  return `${ticketEventKey(ticketNumber, seq)}:provider`;
}

/**
 * The event key of a delivery-at-risk warning (L3-19): `ticket-<number>:delivery-at-risk:
 * <published>:<planned>` (ISO instants). The outbox is unique per (event key, recipient), so every
 * re-plan may offer the warning again and only a new (published, planned) pair is emailed.
 */
export function deliveryAtRiskEventKey(
  ticketNumber: string,
  releaseDate: Date,
  plannedDate: Date,
): string {
  return `ticket-${ticketNumber}:delivery-at-risk:${releaseDate.toISOString()}:${plannedDate.toISOString()}`;
}

/**
 * The event key of a release date a calendar change closed (L3-19): `ticket-<number>:release-on-
 * closed-day:<published>:<calendar>:v<version>`. Told once per change that closed it: a holiday
 * removed and added again is a new version, and told again.
 */
export function releaseOnClosedDayEventKey(
  ticketNumber: string,
  releaseDate: Date,
  calendarId: string,
  version: number,
): string {
  return `ticket-${ticketNumber}:release-on-closed-day:${releaseDate.toISOString()}:${calendarId}:v${version}`;
}

/**
 * The event key of a file attached to a ticket: `attachment-<id>` (the registrant's email), or
 * `attachment-<id>:provider` (the provider's). Each is queued once per recipient, however often
 * it is offered.
 */
export function attachmentEventKey(attachmentId: string, side: 'client' | 'provider'): string {
  return side === 'client' ? `attachment-${attachmentId}` : `attachment-${attachmentId}:provider`;
}

/**
 * The batch of the files one person attaches to a ticket one after another (L3-11); the provider's
 * new-ticket email waits in its registrant's, so the files sent with the registration join it.
 */
export function attachmentBatchKey(ticketNumber: string, uploaderId: string): string {
  return `attachments:${ticketNumber}:${uploaderId}`;
}

// ---- L3-15 biweekly checkpoint (issue 8): not about one ticket, so outside the ticket union ----

/**
 * A client's checkpoint agenda, emailed to the client's approvers and the provider managers
 * (one email per recipient per agenda). Queued with `NotificationsService.enqueueCheckpointAgenda`.
 */
export interface CheckpointAgendaEvent {
  readonly type: 'CHECKPOINT_AGENDA';
  /** {@link checkpointEventKey}`(checkpoint id)`: the same agenda never queues twice. */
  readonly eventKey: string;
  readonly occurredAt: string;
  readonly checkpoint: {
    readonly id: string;
    readonly organizationId: string;
    readonly organizationName: string;
    /** ISO instant of the checkpoint's weekday and time; null for a manual run. */
    readonly scheduledFor: string | null;
    /** The period the agenda reviews, `(periodStart, periodEnd]` (ISO instants). */
    readonly periodStart: string;
    readonly periodEnd: string;
  };
  readonly agenda: {
    readonly openByState: readonly { readonly state: string; readonly count: number }[];
    readonly openTickets: readonly {
      readonly number: string;
      readonly subject: string;
      readonly state: string;
      /** L3-10: position in the client's queue (absent in older agendas). */
      readonly queuePosition?: number;
    }[];
    readonly slaAlerts: readonly {
      readonly ticketNumber: string;
      readonly clock: string;
      readonly status: 'AT_RISK' | 'BREACHED';
    }[];
    readonly estimatesAwaitingAuthorization: readonly {
      readonly ticketNumber: string;
      readonly subject: string;
      readonly version: number;
      readonly hours: number;
      /** L3-12: a change order's added hours. */
      readonly additionalHours?: number;
    }[];
    readonly dateChanges: readonly {
      readonly ticketNumber: string;
      readonly oldDate: string | null;
      readonly newDate: string;
      readonly reason: string;
    }[];
    readonly hours: {
      readonly consumedInPeriod: number;
      readonly balance: number;
      readonly available: number;
    };
  };
}

/** The event key of a checkpoint agenda: `checkpoint-<id>`. */
export function checkpointEventKey(checkpointId: string): string {
  return `checkpoint-${checkpointId}`;
}

/**
 * L3-15: provider staff moved a client's checkpoint (its weekday or time): the people who receive
 * its agenda (the client's approvers and the provider managers, not who moved it) are told once
 * per move, with the next checkpoint before and after. Queued with
 * `NotificationsService.enqueueCheckpointMoved`; an identical save is no move and tells nobody.
 */
export interface CheckpointMovedEvent {
  readonly type: 'CHECKPOINT_MOVED';
  /** {@link checkpointMovedEventKey}: one per move. */
  readonly eventKey: string;
  readonly occurredAt: string;
  readonly organizationId: string;
  readonly organizationName: string;
  /** ISO instants: the next checkpoint as it was, and as it is now. */
  readonly from: string;
  readonly to: string;
  /** `app_user.id` of the staff member who moved it; the email names them. */
  readonly movedById: string;
}

/** The event key of a checkpoint move: `checkpoint-moved-<organization id>:<saved at ISO>`. */
export function checkpointMovedEventKey(organizationId: string, savedAt: Date): string {
  return `checkpoint-moved-${organizationId}:${savedAt.toISOString()}`;
}

/**
 * L3-15: decisions recorded against a checkpoint agenda (by provider staff or a client approver),
 * told to the agenda's audience (the client's approvers and the provider managers) except who
 * recorded them, once per recording. Queued with `NotificationsService.enqueueCheckpointDecisions`
 * in the transaction that stores the recording.
 */
export interface CheckpointDecisionsEvent {
  readonly type: 'CHECKPOINT_DECISIONS';
  /** {@link checkpointDecisionsEventKey}`(decision id)`: one per recording. */
  readonly eventKey: string;
  readonly occurredAt: string;
  readonly checkpoint: {
    readonly id: string;
    readonly organizationId: string;
    readonly organizationName: string;
    /** ISO instant of the checkpoint's weekday and time; null for an on-demand agenda. */
    readonly scheduledFor: string | null;
    /** When the agenda was built (its date when it had no scheduled time). */
    readonly periodEnd: string;
  };
  /** What the meeting decided, as written. */
  readonly notes: string;
  /**
   * L3-10: the tickets the recording put in a new order (first = most important), with their
   * position in the client's queue before and after; empty when the priorities did not change.
   */
  readonly priorities: readonly {
    readonly number: string;
    readonly subject: string;
    readonly position: number | null;
    readonly previousPosition: number | null;
  }[];
  /** `app_user.id` of who recorded them; the email names them. */
  readonly recordedById: string;
  readonly recordedByRole: string;
}

/** The event key of a checkpoint decisions recording: `checkpoint-decision-<decision id>`. */
export function checkpointDecisionsEventKey(decisionId: string): string {
  return `checkpoint-decision-${decisionId}`;
}
