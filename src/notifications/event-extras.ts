import type { EntityManager } from 'typeorm';
import { toHundredths } from '../contracts/hours';
import { isNoCharge } from '../contracts/ledger-rows';
import { foldTotals, type HoursShortfall, reservationShortfall } from '../contracts/ledger-rules';
import { ledgerTotals } from '../contracts/ledger-totals';
import { OrganizationEntity } from '../identity/organization.entity';
import { withCancellationHours, withClosureHours } from './closure-hours';
import { withMovedByChanges } from './moved-by-changes';
import {
  type AttachedFile,
  type CommentAddedEvent,
  type ProviderClientActivityEvent,
  attachmentBatchKey,
  type EventOfType,
  type NotificationEvent,
  type NotificationEventType,
  type ProviderNewTicketEvent,
  type SlaAtRiskEvent,
  type SlaBreachedEvent,
  type TicketRegisteredEvent,
} from './notification-event';
import type { Audience, RecipientCandidate } from './recipient-rules';
import { withSessionHolders } from './session-holders';
import { withSlaBusinessTime } from './sla-business-time';
import type { TicketCalendarLookup } from './ticket-calendar-lookup';

/** Where an event's extras are read from: the transaction that queues its emails. */
export interface ExtrasSources {
  readonly manager: EntityManager;
  /** The ticket's calendar (SLA emails' business time). */
  readonly calendars: TicketCalendarLookup;
}

/** The users of each audience of an event, as `NotificationsService` loaded them. */
type AudienceUsers = Readonly<Partial<Record<Audience, readonly RecipientCandidate[]>>>;

/** An event as its email tells it, and the names (by id) the email shows besides its users'. */
export interface Completed<E extends NotificationEvent> {
  readonly event: E;
  readonly names: readonly (readonly [string, string])[];
}

/**
 * What `NotificationsService.enqueue` adds to an event of one type before rendering its emails,
 * in the order it needs them.
 */
export interface EventExtras<E extends NotificationEvent> {
  /** Before its recipients are picked: what the email tells that the event does not carry. */
  readonly told?: (event: E, from: ExtrasSources) => Promise<E>;
  /** The ticket's assignee, whom ASSIGNEE_OR_AGENTS means (without it: every agent). */
  readonly assigneeId?: (event: E) => string | null;
  /** Whom SESSION_HOLDERS means: the users whose calendars hold the ticket's remote session. */
  readonly sessionHolderIds?: (event: E) => readonly string[];
  /** Whom SESSION_PROPOSER means: who proposed the remote session the event is about, if any. */
  readonly sessionProposerId?: (event: E) => string | null;
  /** Of the recipients its audiences give, who gets the email (without it: all of them). */
  readonly reaches?: (event: E, recipient: RecipientCandidate) => boolean;
  /** Once its audiences are loaded: the event with what they show, and the names it needs. */
  readonly complete?: (
    event: E,
    audiences: AudienceUsers,
    from: ExtrasSources,
  ) => Completed<E> | Promise<Completed<E>>;
  /**
   * The batch its emails wait in for `MAIL_BATCH_WINDOW_MS` (`EmailBatch.key`), so that what
   * follows it at once is told in the same email rather than in one of its own; `undefined` when
   * nothing is to follow (they go at once). A waiting email whose event, revised, has nothing more
   * to wait for goes at once too.
   */
  readonly waitsIn?: (event: E) => string | undefined;
}

/**
 * L3-08/L3-09 (QA S18): an estimate's emails tell a registrant who is not an approver who is; so
 * does a re-estimate request's, which says whose authorization the new estimate goes to (QA S60 #6).
 */
function withApprovers<
  E extends EventOfType<
    'ESTIMATE_SUBMITTED' | 'ESTIMATE_REMINDER' | 'CHANGE_ORDER_REMINDER' | 'REESTIMATE_REQUESTED'
  >,
>(event: E, audiences: AudienceUsers): Completed<E> {
  const approvers = (audiences.CLIENT_APPROVERS ?? []).filter((u) => u.active);
  return {
    event: { ...event, approverIds: approvers.map((u) => u.id) },
    names: approvers.map((u) => [u.id, u.displayName]),
  };
}

/**
 * L3-18: an estimate of a ticket staff marked «sin cargo» does not say its hours go to the
 * package (the ledger holds none when it is authorized).
 */
async function withNoCharge<E extends EventOfType<'ESTIMATE_SUBMITTED' | 'AUTHORIZATION_RECORDED'>>(
  event: E,
  { manager }: ExtrasSources,
): Promise<E> {
  return (await isNoCharge(manager, event.ticket.number)) ? { ...event, noCharge: true } : event;
}

/** The events whose emails ask for a written authorization of hours (L3-08, L3-09, L3-12). */
type AuthorizationAsked = EventOfType<
  'ESTIMATE_SUBMITTED' | 'ESTIMATE_REMINDER' | 'CHANGE_ORDER_REMINDER'
>;

/**
 * L3-12: what the client's available hours lack to authorize `event`'s estimate (or change
 * order), with the figures the ledger would refuse its authorization with, read in the
 * transaction that queues its emails. A «sin cargo» ticket reserves nothing, so lacks nothing.
 */
async function shortfallOf(
  event: AuthorizationAsked,
  manager: EntityManager,
  noCharge: boolean,
): Promise<HoursShortfall | undefined> {
  if (noCharge) return undefined;
  return reservationShortfall(foldTotals(await ledgerTotals(manager, event.ticket.clientOrgId)), {
    ticketNumber: event.ticket.number,
    hundredths: toHundredths(event.hours),
    noCharge,
  });
}

/** An estimate (or change order) the client's available hours do not cover says so. */
async function withShortfall(
  event: EventOfType<'ESTIMATE_SUBMITTED'>,
  from: ExtrasSources,
): Promise<EventOfType<'ESTIMATE_SUBMITTED'>> {
  const told = await withNoCharge(event, from);
  const shortfall = await shortfallOf(told, from.manager, told.noCharge === true);
  return shortfall ? { ...told, shortfall } : told;
}

/**
 * A reminder of an estimate (or change order) says so too, as of the reminder: hours bought or
 * spent since it was submitted change the figures, or end the shortfall.
 */
async function withReminderShortfall<
  E extends EventOfType<'ESTIMATE_REMINDER' | 'CHANGE_ORDER_REMINDER'>,
>(event: E, { manager }: ExtrasSources): Promise<E> {
  const noCharge = await isNoCharge(manager, event.ticket.number);
  const shortfall = await shortfallOf(event, manager, noCharge);
  return shortfall ? { ...event, shortfall } : event;
}

/** The provider's email names the client organization (by its id in the names). */
async function withClientOrgName<E extends NotificationEvent>(
  event: E,
  _audiences: unknown,
  { manager }: ExtrasSources,
): Promise<Completed<E>> {
  const org = await manager
    .getRepository(OrganizationEntity)
    .findOne({ where: { id: event.ticket.clientOrgId }, select: { id: true, name: true } });
  return { event, names: org ? [[org.id, org.name]] : [] };
}

/** A registration's email: the provider's new-ticket one, or the registrant's «Ticket registrado». */
type RegistrationEvent = ProviderNewTicketEvent | TicketRegisteredEvent;

/**
 * L3-11: a registration's emails name the files its registrant attached before they were queued
 * (the web uploads them once the ticket exists, maybe before its registration's emails are queued,
 * TicketEmailRelay: those uploads queue no email of their own), and how many they announced
 * (`filesToFollow`). Later ones join them while they wait (`attachmentBatch`, `reviseBatch`): the
 * provider's since QA S20, the registrant's since QA S56.
 */
async function withRegistrationFiles<E extends RegistrationEvent>(
  event: E,
  { manager }: ExtrasSources,
): Promise<E> {
  // One statement: each registration queues two such emails (issues 5/10: the intake path).
  const [row] = await manager.query<{ filesToFollow: number; files: AttachedFile[] }[]>(
    `SELECT t.attachments_to_follow AS "filesToFollow",
            COALESCE(json_agg(json_build_object(
                       'attachmentId', a.id, 'fileName', a.file_name,
                       'mediaType', a.media_type, 'sizeBytes', a.size_bytes)
                     ORDER BY a.uploaded_at, a.id) FILTER (WHERE a.id IS NOT NULL),
                     '[]') AS files
       FROM ticket t
       LEFT JOIN ticket_attachment a
         ON a.ticket_number = t.number AND a.uploaded_by = $2 AND NOT a.internal
        AND a.deleted_at IS NULL AND a.held_for_comment_until IS NULL
      WHERE t.number = $1
      GROUP BY t.attachments_to_follow`,
    [event.ticket.number, event.ticket.registrantId],
  );
  const filesToFollow = row?.filesToFollow ?? 0;
  const files = row?.files ?? [];
  return {
    ...event,
    ...(files.length > 0 ? { files } : {}),
    ...(filesToFollow > 0 ? { filesToFollow } : {}),
  };
}

/**
 * L3-11: a comment's email (the registrant's, or the agent's of a client's comment) names the files
 * it carried, those not deleted by the time it is queued, oldest first. One statement, and none
 * for an email about no such files.
 */
async function withCommentFiles<E extends CommentAddedEvent | ProviderClientActivityEvent>(
  event: E,
  { manager }: ExtrasSources,
): Promise<E> {
  if (!event.attachmentIds?.length) return event;
  const files = await manager.query<AttachedFile[]>(
    `SELECT id::text AS "attachmentId", file_name AS "fileName", media_type AS "mediaType",
            size_bytes AS "sizeBytes"
       FROM ticket_attachment
      WHERE ticket_number = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL
      ORDER BY uploaded_at, id`,
    [event.ticket.number, event.attachmentIds],
  );
  return { ...event, files: files.map((f) => ({ ...f, sizeBytes: Number(f.sizeBytes) })) };
}

/**
 * QA S20: a registration's email waits in its registrant's file batch only while it names fewer
 * files than they announced; a ticket registered without files is told at once (it waited the
 * whole window for every ticket).
 */
function registrationBatch(event: RegistrationEvent): string | undefined {
  return (event.filesToFollow ?? 0) > (event.files?.length ?? 0)
    ? attachmentBatchKey(event.ticket.number, event.ticket.registrantId)
    : undefined;
}

/**
 * An SLA email tells the business time left (or how late), as of now (L3-06…L3-09), goes to the
 * ticket's assignee when it has one, and names the client organization.
 */
function slaExtras<E extends SlaAtRiskEvent | SlaBreachedEvent>(): EventExtras<E> {
  return {
    told: (event, { manager, calendars }) =>
      withSlaBusinessTime(calendars, manager, event, new Date()),
    assigneeId: (event) => event.assigneeId ?? null,
    complete: withClientOrgName,
  };
}

/** The extras of each event type that has any; adding a type's extra is one entry here. */
const EVENT_EXTRAS: {
  readonly [T in NotificationEventType]?: EventExtras<EventOfType<T>>;
} = {
  SLA_AT_RISK: slaExtras(),
  SLA_BREACHED: slaExtras(),
  // «Ticket cerrado» says the hours charged and given back, as the ledger holds them (L3-12).
  CLOSED: { told: (event, { manager }) => withClosureHours(manager, event) },
  // «Ticket cancelado» too, beside the unused hours that go back (QA S54); its remote session's
  // METHOD:CANCEL only for the calendars that hold it (QA S62).
  CANCELLED: {
    told: async (event, { manager }) =>
      withSessionHolders(manager, await withCancellationHours(manager, event)),
  },
  // L3-06 (QA S62 #9): a confirmed session is told to the client's side its proposal reached
  // (whose calendars hold it); a participant added since, who never had it, is not.
  REMOTE_SESSION_CONFIRMED: {
    told: (event, { manager }) => withSessionHolders(manager, event),
    reaches: (event, recipient) =>
      event.session.heldBy === undefined || event.session.heldBy.includes(recipient.id),
  },
  // L3-06 (QA S62): a declined session leaves only the calendars that hold it.
  REMOTE_SESSION_CANCELLED: { told: (event, { manager }) => withSessionHolders(manager, event) },
  // L3-06 (QA S62): staff withdrew it: the staff whose calendars hold it are told too, and (QA
  // S63 #12) who proposed it, when someone else withdrew it.
  REMOTE_SESSION_WITHDRAWN: {
    told: (event, { manager }) => withSessionHolders(manager, event),
    sessionHolderIds: (event) => [
      ...(event.session.heldBy ?? []),
      ...(event.proposedById && event.proposedById !== event.withdrawnById
        ? [event.proposedById]
        : []),
    ],
  },
  ESTIMATE_SUBMITTED: { told: withShortfall, complete: withApprovers },
  AUTHORIZATION_RECORDED: { told: withNoCharge },
  ESTIMATE_REMINDER: { told: withReminderShortfall, complete: withApprovers },
  CHANGE_ORDER_REMINDER: { told: withReminderShortfall, complete: withApprovers },
  REESTIMATE_REQUESTED: { complete: withApprovers },
  // L3-19: a date a calendar change moved names the change, as the ticket's history does.
  DEADLINE_MOVED: { told: (event, { manager }) => withMovedByChanges(event, manager) },
  // L3-11: a registration's emails name the files sent with it (and wait for those announced).
  TICKET_REGISTERED: { told: withRegistrationFiles, waitsIn: registrationBatch },
  PROVIDER_NEW_TICKET: {
    told: withRegistrationFiles,
    complete: withClientOrgName,
    waitsIn: registrationBatch,
  },
  PROVIDER_DELIVERY_AT_RISK: {
    assigneeId: (event) => event.assigneeId,
    complete: withClientOrgName,
  },
  PROVIDER_RELEASE_ON_CLOSED_DAY: {
    assigneeId: (event) => event.assigneeId,
    complete: withClientOrgName,
  },
  // S64 (L3-06): the client's answer to a remote session reaches who proposed it too.
  PROVIDER_CLIENT_ACTIVITY: {
    assigneeId: (event) => event.assigneeId,
    sessionProposerId: (event) => event.sessionProposedById ?? null,
    told: async (event, from) =>
      withSessionHolders(from.manager, await withCommentFiles(event, from)),
  },
  // L3-11: a comment's email names the files it carried.
  COMMENT_ADDED: { told: withCommentFiles },
  // L3-06 (QA S62): a confirmed session changes hands with the ticket (SESSION_HOLDERS).
  PROVIDER_ASSIGNED: {
    assigneeId: (event) => event.assigneeId,
    told: (event, { manager }) => withSessionHolders(manager, event),
    sessionHolderIds: (event) => event.sessionCalendar?.session.heldBy ?? [],
  },
};

/** {@link EVENT_EXTRAS} of `event`'s type (none: an empty entry). */
export function extrasOf(event: NotificationEvent): EventExtras<NotificationEvent> {
  // The table is typed per type; TypeScript cannot relate `event.type` to its entry's event.
  return (EVENT_EXTRAS[event.type] ?? {}) as EventExtras<NotificationEvent>;
}
