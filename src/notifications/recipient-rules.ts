import type { NotificationEventType } from './notification-event';

/**
 * Who receives an event's email. `REGISTRANT` is who registered the ticket; while they are
 * deactivated, the client's approvers stand in for them (QA S62 #1: otherwise nobody at the client
 * hears of the ticket). `AUTHORIZERS` are the client approvers who authorized an estimate
 * of the ticket in writing (L3-09): what their authorization set going (the release date, its
 * changes, development, testing, the end) reaches them too; none on a ticket nobody authorized.
 * Provider side: `PROVIDER_STAFF` are the provider's agents and
 * managers; `ASSIGNEE_OR_AGENTS` is the ticket's assigned agent, or every provider agent while the
 * ticket has no (active) assignee. `PARTICIPANTS` are the client users added to the ticket
 * (`ticket_participant`): they hear whatever the registrant hears ({@link ticketAudiences}).
 * `SESSION_HOLDERS` are the provider staff whose calendars hold the ticket's remote session (the
 * agent it was confirmed with, the one it was handed to; QA S62), whom a reassignment takes it from.
 * `SESSION_PROPOSER` is the staff member (agent, manager or admin) who proposed the remote session
 * the client answered (S64): nobody else's rule reaches a manager, nor an agent while someone
 * else has the ticket.
 */
export type Audience =
  | 'REGISTRANT'
  | 'PARTICIPANTS'
  | 'CLIENT_APPROVERS'
  | 'AUTHORIZERS'
  | 'MANAGERS'
  | 'PROVIDER_STAFF'
  | 'ASSIGNEE_OR_AGENTS'
  | 'SESSION_HOLDERS'
  | 'SESSION_PROPOSER';

/**
 * L3-11 recipients per event. Client-visible events go to the registrant; estimates and their
 * authorization also to the organization's approvers; SLA warnings only to the provider (the
 * assigned agent and the managers, never to clients); the provider's own notices to provider staff only; internal notes to nobody.
 * Exhaustive: a new event type must be placed here.
 */
export const RECIPIENT_RULES: Readonly<Record<NotificationEventType, readonly Audience[]>> = {
  TICKET_REGISTERED: ['REGISTRANT'],
  INFO_REQUESTED: ['REGISTRANT'],
  REMOTE_SESSION_PROPOSED: ['REGISTRANT'],
  // L3-06 (QA S62 #9): the client confirmed it: of the client's side, those the proposal reached
  // (EventExtras.reaches: whose calendars hold it); the agent's copy is PROVIDER_CLIENT_ACTIVITY.
  REMOTE_SESSION_CONFIRMED: ['REGISTRANT'],
  // L3-06 (QA S60b #6): a declined session leaves the calendars its invitation reached.
  REMOTE_SESSION_CANCELLED: ['REGISTRANT'],
  // L3-06 (QA S62): staff withdrew it: the client's side, and the staff whose calendars hold it.
  REMOTE_SESSION_WITHDRAWN: ['REGISTRANT', 'SESSION_HOLDERS'],
  CLASSIFIED: ['REGISTRANT'],
  ASSIGNED: ['REGISTRANT'],
  PROGRESS_UPDATE: ['REGISTRANT'],
  ESTIMATE_SUBMITTED: ['REGISTRANT', 'CLIENT_APPROVERS'],
  AUTHORIZATION_RECORDED: ['REGISTRANT', 'CLIENT_APPROVERS'],
  RELEASE_DATE_SET: ['REGISTRANT', 'AUTHORIZERS'],
  RELEASED_FOR_TESTING: ['REGISTRANT', 'AUTHORIZERS'],
  // L3-09 (QA S60 #4): failures reported on a release go where the release went (the approver who
  // authorized the work heard nothing); who reported them is not emailed their own report.
  FAILURES_REPORTED: ['REGISTRANT', 'AUTHORIZERS'],
  RESOLVED: ['REGISTRANT'],
  CLOSED: ['REGISTRANT', 'AUTHORIZERS'],
  // L3-07: the registrant is the one who confirms or reopens a resolution.
  AUTO_CLOSE_REMINDER: ['REGISTRANT'],
  CANCELLED: ['REGISTRANT', 'AUTHORIZERS'],
  DATE_ADJUSTED: ['REGISTRANT', 'AUTHORIZERS'],
  // L3-19, BUSINESS-TIME.md: a calendar change moved a date the registrant was told; told where
  // an adjusted date is (QA S53), so an approver who authorized the work hears of it too.
  DEADLINE_MOVED: ['REGISTRANT', 'AUTHORIZERS'],
  // L3-06..L3-09: the agent who must act (every agent while none is assigned, like
  // PROVIDER_DELIVERY_AT_RISK) and the managers who watch SLAs; never the client.
  SLA_AT_RISK: ['ASSIGNEE_OR_AGENTS', 'MANAGERS'],
  SLA_BREACHED: ['ASSIGNEE_OR_AGENTS', 'MANAGERS'],
  COMMENT_ADDED: ['REGISTRANT'],
  // L3-11: an answer staff recorded in the client's name is told to the one it speaks for.
  CLIENT_ANSWER_RECORDED: ['REGISTRANT'],
  // L3-17: the client asked for the odoo.sh action, so the registrant is told it was executed.
  ADMIN_ACTION_EXECUTED: ['REGISTRANT'],
  DEVELOPMENT_STARTED: ['REGISTRANT', 'AUTHORIZERS'],
  // L3-09: an estimate's decisions go where its authorization goes (registrant and approvers).
  ESTIMATE_REJECTED: ['REGISTRANT', 'CLIENT_APPROVERS'],
  REESTIMATE_REQUESTED: ['REGISTRANT', 'CLIENT_APPROVERS'],
  // L3-09: the approval wait reminds whoever the estimate was sent to.
  ESTIMATE_REMINDER: ['REGISTRANT', 'CLIENT_APPROVERS'],
  // L3-12: a change order is sent and reminded like an estimate.
  CHANGE_ORDER_REMINDER: ['REGISTRANT', 'CLIENT_APPROVERS'],
  // L3-09: a release waiting for the client's testing reminds whoever its release reached.
  TESTING_REMINDER: ['REGISTRANT', 'AUTHORIZERS'],
  // L3-11, provider side: a new ticket reaches the provider's agents and managers; what a client
  // does on a ticket (comments, answers, decisions) reaches the agent working it.
  PROVIDER_NEW_TICKET: ['PROVIDER_STAFF'],
  // L3-06 (S64): the client's confirmation or decline of a remote session also reaches who
  // proposed it (a manager, or an agent while another has the ticket), in one email each.
  PROVIDER_CLIENT_ACTIVITY: ['ASSIGNEE_OR_AGENTS', 'SESSION_PROPOSER'],
  // L3-07: a reassigned ticket reaches the agent who now has it (never the client). L3-06 (QA S62):
  // with a confirmed remote session ahead, also whoever held it (its METHOD:CANCEL).
  PROVIDER_ASSIGNED: ['ASSIGNEE_OR_AGENTS', 'SESSION_HOLDERS'],
  // L3-19: a published date the plan can no longer meet reaches the agent working the ticket and
  // the managers (who set the capacity); the client hears only of a date the agent adjusts.
  PROVIDER_DELIVERY_AT_RISK: ['ASSIGNEE_OR_AGENTS', 'MANAGERS'],
  // L3-19 (QA S59): a calendar change closed a published date's day; the agent working the ticket
  // adjusts it (a manager made the change and was told of it on the spot).
  PROVIDER_RELEASE_ON_CLOSED_DAY: ['ASSIGNEE_OR_AGENTS'],
  // L3-11: a file provider staff attached is client-visible (a client's own file tells the
  // provider as PROVIDER_CLIENT_ACTIVITY).
  ATTACHMENT_ADDED: ['REGISTRANT'],
  INTERNAL_NOTE: [],
};

/**
 * L3-11 (S19): who receives a ticket event's email: its rule, with the ticket's participants
 * right after the registrant wherever the registrant is an audience (Jira SM's request
 * participants, Zendesk's CCs). `selectRecipients` keeps one email per address, so a participant
 * who is also the registrant (or an approver) gets one copy, and a deactivated one none.
 */
export function ticketAudiences(type: NotificationEventType): readonly Audience[] {
  return RECIPIENT_RULES[type].flatMap((a): Audience[] =>
    a === 'REGISTRANT' ? ['REGISTRANT', 'PARTICIPANTS'] : [a],
  );
}

/** L3-15: a checkpoint agenda goes to the client's approvers and to the provider managers. */
export const CHECKPOINT_AGENDA_AUDIENCES: readonly Audience[] = ['CLIENT_APPROVERS', 'MANAGERS'];

/**
 * L3-03, L3-11, L3-13: a client's hours changing outside a ticket (a package bought, a manual
 * adjustment, a reversal) is told to the client's approvers: they authorize what the hours are
 * spent on (L3-09, L3-12) and are the account's billing contacts, as in Zendesk or Odoo where
 * balance and invoice notices go to the account's contacts, not to every requester. Registrants
 * hear of hours on their own tickets (estimates, time logged), not of the account's balance.
 */
export const HOUR_CHANGE_AUDIENCES: readonly Audience[] = ['CLIENT_APPROVERS'];

/**
 * L3-12, L3-13: hours running low concern who buys them (the client's approvers) and who sells
 * them and plans the work (the provider managers).
 */
export const LOW_BALANCE_AUDIENCES: readonly Audience[] = ['CLIENT_APPROVERS', 'MANAGERS'];

/** Which side of the contract an email is written for: its footer differs (L3-11). */
export type RecipientSide = 'CLIENT' | 'STAFF';

const STAFF_AUDIENCES: ReadonlySet<Audience> = new Set<Audience>([
  'MANAGERS',
  'PROVIDER_STAFF',
  'ASSIGNEE_OR_AGENTS',
  'SESSION_HOLDERS',
  'SESSION_PROPOSER',
]);

/** The side an audience is on: the provider's people are staff, everyone else the client. */
export function audienceSide(audience: Audience): RecipientSide {
  return STAFF_AUDIENCES.has(audience) ? 'STAFF' : 'CLIENT';
}

/**
 * The side of an event's readers when only its type is known: staff when every audience of its
 * rule is staff (provider notices, SLA warnings), else the client.
 */
export function eventSide(type: NotificationEventType): RecipientSide {
  const audiences = RECIPIENT_RULES[type];
  return audiences.length > 0 && audiences.every((a) => audienceSide(a) === 'STAFF')
    ? 'STAFF'
    : 'CLIENT';
}

/** A user who may receive email, as loaded from `app_user`. */
export interface RecipientCandidate {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly active: boolean;
  /**
   * L3-11 (QA S63 #6): the inactive registrant this user stands in for (the client's approvers
   * while the registrant is deactivated): their email says why it reaches them.
   */
  readonly standsInFor?: string;
}

/** A recipient and the side their email is written for (the audience that chose them). */
export interface SelectedRecipient extends RecipientCandidate {
  readonly side: RecipientSide;
}

/**
 * The final recipient list: active users only, one email per address (a registrant who is also
 * an approver gets one), in audience order. Each keeps the side of the audience that chose them,
 * so an event told to client and staff gives each their own footer, and nobody two emails. A
 * stand-in for an inactive registrant who is also in an audience of their own (a participant, an
 * approver of an estimate) gets the email for that reason, not as a stand-in (QA S63 #6).
 */
export function selectRecipients(
  byAudience: Readonly<Partial<Record<Audience, readonly RecipientCandidate[]>>>,
  audiences: readonly Audience[],
): SelectedRecipient[] {
  const ownRight = new Set(
    audiences.flatMap((a) =>
      (byAudience[a] ?? []).filter((u) => !u.standsInFor).map((u) => u.email.toLowerCase()),
    ),
  );
  const seen = new Set<string>();
  const out: SelectedRecipient[] = [];
  for (const audience of audiences) {
    for (const { standsInFor, ...user } of byAudience[audience] ?? []) {
      const key = user.email.toLowerCase();
      if (!user.active || seen.has(key)) continue;
      seen.add(key);
      out.push({
        ...user,
        side: audienceSide(audience),
        ...(standsInFor && !ownRight.has(key) ? { standsInFor } : {}),
      });
    }
  }
  return out;
}
