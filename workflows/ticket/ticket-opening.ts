import type { SlaClockKind } from '../sla/sla-events.contract';
import {
  type ClockTarget,
  newClock,
  nextDeadlineOf,
  type SlaClockView,
  slaStatusOf,
  withComputation,
} from './sla-clock';
import type {
  ClockComputation,
  ClockComputationArgs,
  RegistrantRole,
  TicketInput,
  TicketView,
} from './ticket.contract';
import { clockId } from './ticket.contract';

/**
 * How a ticket opens (L3-05, L3-06), as pure functions: the workflow builds its first state with
 * them, and the API answers `registerTicket` with the very same state without waiting for the
 * workflow's first task (both compute the triage clock with the same engine and calendar version).
 */

export const DEFAULT_CADENCE_MINUTES = 480;

const HOUR_MS = 3_600_000;
/** The calendar window asked with a computation: from its earliest clock start, at most a week back… */
export const WINDOW_BACK_MS = 7 * 24 * HOUR_MS;
/** …to three weeks ahead (a few dozen working intervals in history). */
export const WINDOW_AHEAD_MS = 21 * 24 * HOUR_MS;

/**
 * The window (epoch ms) a computation of clocks started at `earliestStartMs`, asked at `nowMs`,
 * comes with: the workflow's local activity and the API's opening (`TicketInput.opening`) ask the
 * same one.
 */
export function computationWindow(
  earliestStartMs: number,
  nowMs: number,
): { readonly fromMs: number; readonly toMs: number } {
  const earliest = Math.min(nowMs, earliestStartMs);
  const fromMs = Number.isNaN(earliest) ? nowMs : Math.max(earliest, nowMs - WINDOW_BACK_MS);
  return { fromMs, toMs: nowMs + WINDOW_AHEAD_MS };
}
export const DEFAULT_AT_RISK_FRACTION = 0.75;

/** The contract's target of each clock (SLA-CLAUSES.md table). */
export function clockTarget(kind: SlaClockKind, progressCadenceMinutes: number): ClockTarget {
  switch (kind) {
    case 'triage':
      return { amount: 8 * 60, unit: 'minutes' };
    case 'diagnosis':
      return { amount: 5, unit: 'days' };
    case 'scheduling':
      return { amount: 2, unit: 'days' };
    case 'progress':
      return { amount: progressCadenceMinutes, unit: 'minutes' };
  }
}

/** What a clock event carries in the timeline. */
export function clockData(clock: SlaClockView): Record<string, unknown> {
  return {
    clockId: clock.id,
    kind: clock.kind,
    status: clock.status,
    deadline: clock.deadline,
    atRiskAt: clock.atRiskAt,
    consumedMs: clock.consumedMs,
    remainingMs: clock.remainingMs,
    calendarVersion: clock.calendarVersion,
  };
}

/** A ticket before anything happened to it. */
export function initialView(input: TicketInput): TicketView {
  return {
    ticketNumber: input.ticketNumber,
    clientOrgId: input.clientOrgId,
    calendarId: input.calendarId,
    registrantId: input.registrantId,
    category: input.category,
    subject: input.subject,
    description: input.description,
    registeredAt: input.registeredAt,
    progressCadenceMinutes: input.progressCadenceMinutes ?? DEFAULT_CADENCE_MINUTES,
    atRiskFraction: input.atRiskFraction ?? DEFAULT_AT_RISK_FRACTION,
    state: 'REGISTERED',
    waitingFrom: null,
    classification: null,
    requirementKind: null,
    assigneeId: null,
    remoteSessionAt: null,
    estimates: [],
    authorizations: [],
    releaseDate: null,
    reworkCount: 0,
    adminActions: [],
    closure: null,
    clocks: [],
    timeline: [],
    slaStatus: 'ok',
    nextDeadline: null,
  };
}

/** The triage clock (L3-06) before its deadline is computed: it counts from registration. */
export function openingTriageClock(input: TicketInput): SlaClockView {
  const view = initialView(input);
  const target = clockTarget('triage', view.progressCadenceMinutes);
  return newClock(
    clockId(input.ticketNumber, 'triage', 1),
    'triage',
    1,
    target,
    input.registeredAt,
  );
}

/** What the calendar must compute for the opening triage clock. */
export function openingTriageArgs(input: TicketInput): ClockComputationArgs {
  const clock = openingTriageClock(input);
  return {
    calendarId: input.calendarId,
    startedAt: clock.startedAt,
    amount: clock.target.amount,
    unit: clock.target.unit,
    pauses: clock.pauses,
    atRiskFraction: initialView(input).atRiskFraction,
  };
}

/**
 * A just-registered ticket: the `registered` event (by the registrant, in `registrantRole`), the
 * running triage clock and its `CLOCK_STARTED` event (recorded at `clockStartedAt`).
 */
export function openedView(
  input: TicketInput,
  triage: ClockComputation,
  clockStartedAt: string,
  registrantRole: RegistrantRole = input.registrantRole ?? 'CLIENT_USER',
): TicketView {
  const view = initialView(input);
  const clock = withComputation(openingTriageClock(input), triage, input.registeredAt);
  const clocks = [clock];
  return {
    ...view,
    clocks,
    timeline: [
      {
        seq: 1,
        type: 'registered',
        at: input.registeredAt,
        actor: { userId: input.registrantId, role: registrantRole },
        data: { category: input.category, subject: input.subject },
      },
      { seq: 2, type: 'CLOCK_STARTED', at: clockStartedAt, actor: null, data: clockData(clock) },
    ],
    slaStatus: slaStatusOf(clocks),
    nextDeadline: nextDeadlineOf(clocks),
  };
}
