import type {
  AdminAction,
  Estimate,
  RemoteSession,
  SlaClockView,
  TicketCategory as WorkflowTicketCategory,
  TicketInput,
  TicketView,
  TimelineEvent,
} from '../../workflows/ticket/ticket.contract';
import { REGISTRANT_ROLES } from '../../workflows/ticket/ticket.contract';
import { isTicketEnded } from '../../workflows/ticket/ticket-states';
import { FOLDED_PATCHES_LEVEL } from '../../workflows/ticket/folded-patches';
import type { CompiledCalendar } from '../business-time/calendars/calendars.service';
import {
  businessMillisecondsBetween,
  nextBusinessMoment,
  NoWorkingTimeError,
} from '../business-time/engine';
import type { TicketClockEntity } from './ticket-clock.entity';
import type { TicketEventEntity } from './ticket-event.entity';
import { workingDayMinutes } from './working-day-minutes';
import { businessDaysLeft } from './business-days-left';
import type { TicketEntity } from './ticket.entity';
import type {
  AdminActionKind,
  AdminActionModel,
  EstimateModel,
  RemoteSessionModel,
  RequirementKind,
  SlaClockModel,
  TicketCategory,
  TicketClassification,
  TicketEventModel,
  TicketModel,
} from './ticket.model';

const MS_PER_MINUTE = 60_000;
const date = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);
const adminActions = (list: readonly AdminAction[] | undefined): AdminActionModel[] =>
  (list ?? []).map((a) => ({
    action: a.action as AdminActionKind,
    details: a.details,
    executedAt: new Date(a.executedAt),
    executedBy: a.executedBy,
  }));

/** L3-06: the newest remote-session proposal, its dates as `Date`s. */
function remoteSessionOf(r: RemoteSession | null | undefined): RemoteSessionModel | null {
  if (!r) return null;
  return {
    proposal: r.proposal,
    at: new Date(r.at),
    durationMinutes: r.durationMinutes,
    link: r.link,
    note: r.note,
    proposedAt: new Date(r.proposedAt),
    proposedBy: r.proposedBy,
    accepted: r.accepted
      ? {
          at: new Date(r.accepted.at),
          by: r.accepted.by,
          reason: null,
          suggestedAt: null,
          note: null,
        }
      : null,
    declined: r.declined
      ? {
          at: new Date(r.declined.at),
          by: r.declined.by,
          reason: r.declined.reason,
          suggestedAt: date(r.declined.suggestedAt),
          note: null,
        }
      : null,
    withdrawn: r.withdrawn
      ? {
          at: new Date(r.withdrawn.at),
          by: r.withdrawn.by,
          reason: null,
          suggestedAt: null,
          note: r.withdrawn.note,
        }
      : null,
  };
}

/**
 * A ticket as GraphQL shows it. `clocks`/`timeline` ride along when the source already has them
 * (a fresh workflow view after a mutation); otherwise they are loaded from the read model.
 */
export type TicketWithParts = TicketModel & {
  clocks?: SlaClockModel[];
  timeline?: TicketEventModel[];
  /** Not in the schema: where a ticket waiting on the client came from (for `allowedActions`). */
  waitingFrom?: string | null;
};

export function ticketFromEntity(t: TicketEntity): TicketWithParts {
  const d = t.details ?? {};
  return {
    number: t.number,
    organizationId: t.organizationId,
    registrantId: t.registrantId,
    calendarId: t.calendarId,
    category: t.category as TicketCategory,
    subject: t.subject,
    description: t.description,
    state: t.state,
    classification: t.classification as TicketClassification | null,
    requirementKind: t.requirementKind as RequirementKind | null,
    assigneeId: t.assigneeId,
    releaseDate: t.releaseDate,
    closureOutcome: t.closureOutcome,
    // Every ending records its closure (workflow `close`); an open ticket has none to show.
    closedAt: isTicketEnded(t.state) ? date(d.closure?.at) : null,
    slaStatus: t.slaStatus,
    nextDeadline: t.nextDeadline,
    registeredAt: t.registeredAt,
    updatedAt: t.updatedAt,
    remoteSessionAt: date(d.remoteSessionAt),
    remoteSession: remoteSessionOf(d.remoteSession),
    autoCloseAt: t.state === 'RESOLVED' ? date(d.autoClose?.closeAt ?? null) : null,
    estimates: (d.estimates ?? []).map(estimateOf),
    authorizations: (d.authorizations ?? []).map((a) => ({ ...a, at: new Date(a.at) })),
    adminActions: adminActions(d.adminActions),
    waitingFrom: d.waitingFrom ?? null,
  };
}

export function ticketFromView(v: TicketView): TicketWithParts {
  return {
    number: v.ticketNumber,
    organizationId: v.clientOrgId,
    registrantId: v.registrantId,
    calendarId: v.calendarId,
    category: v.category as TicketCategory,
    subject: v.subject,
    description: v.description,
    state: v.state,
    classification: v.classification as TicketClassification | null,
    requirementKind: v.requirementKind as RequirementKind | null,
    assigneeId: v.assigneeId,
    releaseDate: date(v.releaseDate),
    closureOutcome: v.closure?.outcome ?? null,
    closedAt: isTicketEnded(v.state) ? date(v.closure?.at) : null,
    slaStatus: v.slaStatus,
    nextDeadline: date(v.nextDeadline),
    registeredAt: new Date(v.registeredAt),
    // A view is the opening answer of a registration: nothing has happened since.
    updatedAt: new Date(v.registeredAt),
    remoteSessionAt: date(v.remoteSessionAt),
    remoteSession: remoteSessionOf(v.remoteSession),
    autoCloseAt: v.state === 'RESOLVED' ? date(v.autoClose?.closeAt ?? null) : null,
    estimates: v.estimates.map(estimateOf),
    authorizations: v.authorizations.map((a) => ({ ...a, at: new Date(a.at) })),
    adminActions: adminActions(v.adminActions),
    waitingFrom: v.waitingFrom,
    clocks: v.clocks.map((c) => clockFromView(c)),
    timeline: v.timeline.map(eventFromView),
  };
}

/** What a clock model is made of, from a workflow view or a stored row (timestamps as `Date`s). */
interface ClockParts {
  readonly id: string;
  readonly kind: string;
  readonly run: number;
  readonly status: string;
  readonly target: { readonly amount: number; readonly unit: string };
  readonly budgetMs: number;
  readonly consumedMs: number;
  readonly startedAt: Date;
  readonly deadline: Date | null;
  readonly atRiskAt: Date | null;
  readonly pauses: readonly { readonly from: string; readonly to: string | null }[];
  readonly atRiskRecordedAt: Date | null;
  readonly breachedAt: Date | null;
  readonly endedAt: Date | null;
  readonly calendarVersion: number;
  /** The calendar's usual working day, for a clock counted in days; else null. */
  readonly businessDayMinutes: number | null;
}

function clockModel(c: ClockParts): SlaClockModel {
  return {
    id: c.id,
    kind: c.kind,
    run: c.run,
    status: c.status,
    target: `${c.target.amount} business ${c.target.unit === 'days' ? 'days' : 'minutes'}`,
    startedAt: c.startedAt,
    deadline: c.deadline,
    atRiskAt: c.atRiskAt,
    budgetMinutes: c.budgetMs / MS_PER_MINUTE,
    consumedMinutes: Math.min(c.consumedMs, c.budgetMs) / MS_PER_MINUTE,
    remainingMinutes: Math.max(0, c.budgetMs - c.consumedMs) / MS_PER_MINUTE,
    pauses: c.pauses.map((p) => ({ from: new Date(p.from), to: date(p.to) })),
    atRiskRecordedAt: c.atRiskRecordedAt,
    breachedAt: c.breachedAt,
    overdueMinutes: null,
    endedAt: c.endedAt,
    calendarVersion: c.calendarVersion,
    businessDayMinutes: c.businessDayMinutes,
    // Set by `liveClockFromEntity`: a view carries no calendar.
    countsFrom: null,
    daysLeft: null,
  };
}

/**
 * `consumedSinceMs`: business time a running clock used after its recorded `consumedAsOf`. A view
 * carries no calendar, so its days clocks have no `businessDayMinutes` (a registration's answer,
 * the one caller, holds the triage clock alone, counted in minutes).
 */
export function clockFromView(c: SlaClockView, consumedSinceMs = 0): SlaClockModel {
  return clockModel({
    ...c,
    businessDayMinutes: null,
    consumedMs: c.consumedMs + consumedSinceMs,
    startedAt: new Date(c.startedAt),
    deadline: date(c.deadline),
    atRiskAt: date(c.atRiskAt),
    atRiskRecordedAt: date(c.atRiskRecordedAt),
    breachedAt: date(c.breachedAt),
    endedAt: date(c.endedAt),
  });
}

/**
 * Per calendar (one compiled version), the last answer of {@link nextOpening}: the instant it
 * was asked for, and the opening found (null: business time then). The same instant answers
 * again without a walk (every clock of one read shares its `now`), and so does any later instant
 * before an opening found (the calendar is closed all the way to it): the SLA board's 200 running
 * clocks, on a handful of calendars, walk each calendar once.
 */
const openings = new WeakMap<
  CompiledCalendar['engine'],
  { readonly at: number; readonly next: Date | null }
>();

/**
 * When `now` is outside business time on `calendar` (a night, a weekend, a holiday:
 * BUSINESS-TIME.md), the opening when its running clocks count again; null inside it.
 */
function nextOpening(calendar: CompiledCalendar['engine'], now: Date): Date | null {
  const at = now.getTime();
  const known = openings.get(calendar);
  if (known?.at === at) return known.next;
  if (known?.next && known.at <= at && at < known.next.getTime()) return known.next;
  let next: Date | null;
  try {
    const opening = nextBusinessMoment(calendar, now);
    next = opening.getTime() > at ? opening : null;
  } catch (error) {
    // No working time within three years: the clock has no deadline to count towards either.
    if (!(error instanceof NoWorkingTimeError)) throw error;
    next = null;
  }
  openings.set(calendar, { at, next });
  return next;
}

/**
 * A stored clock as of `now`: a running clock keeps using business time after the projection
 * recorded its consumption, so that part is added on the ticket's calendar. The row's timestamps
 * go through as they are (the SLA board maps 200 of them per read: issue 10).
 */
export function liveClockFromEntity(
  row: TicketClockEntity,
  { engine: calendar, stored }: Pick<CompiledCalendar, 'engine' | 'stored'>,
  now: Date,
): SlaClockModel {
  const since =
    row.status === 'RUNNING' ? businessMillisecondsBetween(calendar, row.consumedAsOf, now) : 0;
  const clock = clockModel({
    id: row.clockId,
    kind: row.kind,
    run: row.run,
    status: row.status,
    target: { amount: row.targetAmount, unit: row.targetUnit },
    budgetMs: Number(row.budgetMs),
    consumedMs: Number(row.consumedMs) + since,
    startedAt: row.startedAt,
    deadline: row.deadline,
    atRiskAt: row.atRiskAt,
    pauses: row.pauses,
    atRiskRecordedAt: row.atRiskRecordedAt,
    breachedAt: row.breachedAt,
    endedAt: row.endedAt,
    calendarVersion: row.calendarVersion,
    businessDayMinutes: row.targetUnit === 'days' ? workingDayMinutes(stored) : null,
  });
  // How late a breach is, in the same business time as the target (QA: «0 min hábiles» left said
  // nothing about it).
  if (row.breachedAt && row.deadline) {
    const late = businessMillisecondsBetween(calendar, row.deadline, row.endedAt ?? now);
    clock.overdueMinutes = Math.max(0, late) / MS_PER_MINUTE;
  }
  // QA S51: a ticket registered on a Saturday read «Corriendo» until Monday's opening.
  if (row.status === 'RUNNING') clock.countsFrom = nextOpening(calendar, now);
  // QA S62 #13: a days clock's time left in business dates, as its target counts them.
  if (row.status === 'RUNNING' && row.targetUnit === 'days' && row.deadline && !row.breachedAt) {
    clock.daysLeft = businessDaysLeft(calendar, now, row.deadline);
  }
  return clock;
}

export function eventFromView(e: TimelineEvent): TicketEventModel {
  return {
    seq: e.seq,
    type: e.type,
    at: new Date(e.at),
    actorId: e.actor?.userId ?? null,
    actorRole: e.actor?.role ?? null,
    data: JSON.stringify(e.data),
  };
}

export function eventFromEntity(e: TicketEventEntity): TicketEventModel {
  return {
    seq: e.seq,
    type: e.type,
    at: e.at,
    actorId: e.actorId,
    actorRole: e.actorRole,
    data: JSON.stringify(e.data),
  };
}

/** The workflow input of a registered ticket (what `registerTicket` starts it with). */
export function ticketInputOf(t: TicketEntity): TicketInput {
  const cadence = t.details?.progressCadenceMinutes;
  // Kept on the row by the registration until the first projection (see TicketsService.register).
  const role = REGISTRANT_ROLES.find(
    (r) => r === (t.details as { registrantRole?: unknown } | null)?.registrantRole,
  );
  return {
    ticketNumber: t.number,
    clientOrgId: t.organizationId,
    calendarId: t.calendarId,
    registrantId: t.registrantId,
    // L3-04: the role the registrant registered in (absent: the workflow records CLIENT_USER).
    ...(role ? { registrantRole: role } : {}),
    category: t.category as WorkflowTicketCategory,
    subject: t.subject,
    description: t.description,
    registeredAt: t.registeredAt.toISOString(),
    // L3-07: the client's cadence when the ticket was registered (absent: the default 480).
    ...(Number.isInteger(cadence) ? { progressCadenceMinutes: cadence } : {}),
    // Started under this code: every patch it holds is taken without a marker (issues 5/10).
    foldedPatches: FOLDED_PATCHES_LEVEL,
  };
}

/** An estimate version for the API; versions before L3-12 change orders read as estimates. */
function estimateOf(e: Estimate): EstimateModel {
  return {
    ...e,
    changeOrder: e.changeOrder ?? false,
    additionalHours: e.additionalHours ?? null,
    submittedAt: new Date(e.submittedAt),
  };
}
