import type { SlaClockKind } from '../sla/sla-events.contract';
import type { ClockComputation } from './ticket.contract';

// Pure bookkeeping of the ticket's SLA clocks (SLA-CLAUSES.md "SLA clocks at a glance"). The
// business-time arithmetic lives in the `computeClockDeadlines` local activity; these helpers only
// hold its results and decide which durable timer comes next.

/**
 * RUNNING and PAUSED clocks are open. MET: stopped by the transition that fulfils it before its
 * deadline. BREACHED: the deadline passed (recorded once; stays BREACHED when later stopped).
 * STOPPED: no longer applies (the ticket was cancelled).
 */
export type ClockStatus = 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'STOPPED';

export interface ClockTarget {
  readonly amount: number;
  readonly unit: 'minutes' | 'days';
}

export interface PauseInterval {
  readonly from: string;
  readonly to: string | null;
}

export interface SlaClockView {
  /** `<ticket>:<kind>:<run>`: the key SLA events are recorded once under. */
  readonly id: string;
  readonly kind: SlaClockKind;
  readonly run: number;
  readonly target: ClockTarget;
  readonly status: ClockStatus;
  readonly startedAt: string;
  /** UTC instant of the breach; `null` while paused. */
  readonly deadline: string | null;
  readonly atRiskAt: string | null;
  /** Waiting-on-the-client intervals; the last one is open while paused. */
  readonly pauses: readonly PauseInterval[];
  /**
   * Business ms the clock allows. A days clock's budget is the business time from its start to
   * its days deadline: after a pause its remaining time is kept as business minutes
   * (BUSINESS-TIME.md, "Pausing").
   */
  readonly budgetMs: number;
  /** Business ms consumed as of `consumedAsOf` (frozen while paused, final once ended). */
  readonly consumedMs: number;
  readonly remainingMs: number;
  readonly consumedAsOf: string;
  readonly atRiskRecordedAt: string | null;
  readonly breachedAt: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly calendarVersion: number;
}

/** The next durable-timer target over the clocks: an at-risk mark or a breach. */
export interface ClockEvent {
  readonly clockId: string;
  readonly event: 'at_risk' | 'breached';
  readonly at: string;
}

export function isOpen(clock: SlaClockView): boolean {
  return clock.endedAt === null;
}

/** A new running clock, before its first computation. */
export function newClock(
  id: string,
  kind: SlaClockKind,
  run: number,
  target: ClockTarget,
  startedAt: string,
): SlaClockView {
  return {
    id,
    kind,
    run,
    target,
    status: 'RUNNING',
    startedAt,
    deadline: null,
    atRiskAt: null,
    pauses: [],
    budgetMs: 0,
    consumedMs: 0,
    remainingMs: 0,
    consumedAsOf: startedAt,
    atRiskRecordedAt: null,
    breachedAt: null,
    endedAt: null,
    endReason: null,
    calendarVersion: 0,
  };
}

/** Holds a computation's result; an already-recorded at-risk mark is never moved. */
export function withComputation(
  clock: SlaClockView,
  computed: ClockComputation,
  asOf: string,
): SlaClockView {
  return {
    ...clock,
    budgetMs: computed.budgetMs,
    consumedMs: computed.consumedMs,
    remainingMs: Math.max(0, computed.budgetMs - computed.consumedMs),
    consumedAsOf: asOf,
    deadline: computed.deadline,
    atRiskAt: clock.atRiskRecordedAt ?? computed.atRiskAt,
    calendarVersion: computed.calendarVersion,
  };
}

/** The earliest pending event of the running clocks, if any. */
export function nextClockEvent(clocks: readonly SlaClockView[]): ClockEvent | null {
  let next: ClockEvent | null = null;
  for (const clock of clocks) {
    const event = pendingEvent(clock);
    if (event && (next === null || Date.parse(event.at) < Date.parse(next.at))) next = event;
  }
  return next;
}

/** The event a clock still owes: at-risk first (when before the deadline), then the breach. */
export function pendingEvent(clock: SlaClockView): ClockEvent | null {
  if (clock.status !== 'RUNNING' || clock.deadline === null) return null;
  const warn =
    clock.atRiskAt !== null &&
    clock.atRiskRecordedAt === null &&
    Date.parse(clock.atRiskAt) < Date.parse(clock.deadline);
  return warn
    ? { clockId: clock.id, event: 'at_risk', at: clock.atRiskAt }
    : { clockId: clock.id, event: 'breached', at: clock.deadline };
}

/** Worst status over the open clocks (search attribute `SlaStatus`). */
export function slaStatusOf(clocks: readonly SlaClockView[]): 'ok' | 'at_risk' | 'breached' {
  const open = clocks.filter(isOpen);
  if (open.some((clock) => clock.status === 'BREACHED')) return 'breached';
  if (open.some((clock) => clock.atRiskRecordedAt !== null)) return 'at_risk';
  return 'ok';
}

/** Earliest deadline of the running clocks (search attribute `SlaNextDeadline`). */
export function nextDeadlineOf(clocks: readonly SlaClockView[]): string | null {
  let next: string | null = null;
  for (const clock of clocks) {
    if (clock.status !== 'RUNNING' || clock.deadline === null) continue;
    if (next === null || Date.parse(clock.deadline) < Date.parse(next)) next = clock.deadline;
  }
  return next;
}
