import { defineQuery, defineUpdate } from '@temporalio/workflow';

// Contract of the SLA timer workflow, imported by the workflow, the worker and the clients alike.

/** The contract's clocks (SLA-CLAUSES.md, "SLA clocks at a glance"). */
export type SlaClockKind = 'triage' | 'diagnosis' | 'scheduling' | 'progress';

export interface SlaTimerInput {
  /** Unique per clock run, e.g. `L3-2026-000123:triage:1`; the workflow ID derives from it. */
  readonly clockId: string;
  readonly ticketKey: string;
  readonly kind: SlaClockKind;
  /** ISO-8601 UTC instant at which the clock is breached. */
  readonly deadline: string;
  /** ISO-8601 UTC instant at which the clock is at risk (a warning before the deadline), if any. */
  readonly atRiskAt?: string | null;
}

export type SlaTimerStatus = 'running' | 'paused' | 'stopped' | 'breached';

export interface SlaTimerState {
  readonly clockId: string;
  readonly kind: SlaClockKind;
  readonly status: SlaTimerStatus;
  readonly deadline: string;
  readonly atRiskAt: string | null;
  readonly atRiskRecordedAt: string | null;
  readonly breachedAt: string | null;
  readonly stopReason: string | null;
}

export interface MoveDeadlineArgs {
  readonly deadline: string;
  readonly atRiskAt?: string | null;
}

/** What the timer reports when it fires; recorded exactly once per (clockId, event). */
export interface SlaEventRecord {
  readonly clockId: string;
  readonly ticketKey: string;
  readonly kind: SlaClockKind;
  readonly event: 'at_risk' | 'breached';
  readonly deadline: string;
  /** Workflow time at which the timer fired. */
  readonly firedAt: string;
}

/** Activities the timer calls; implemented in `src/sla`. */
export interface SlaTimerActivities {
  recordSlaEvent(event: SlaEventRecord): Promise<{ readonly firstTime: boolean }>;
}

export const slaTimerStateQuery = defineQuery<SlaTimerState>('slaTimerState');
/** Moves the deadline (and warning); also resumes a paused timer. */
export const moveDeadlineUpdate = defineUpdate<SlaTimerState, [MoveDeadlineArgs]>('moveDeadline');
/** Pauses the timer (waiting on the client); a later `moveDeadline` resumes it. */
export const pauseUpdate = defineUpdate<SlaTimerState, []>('pause');
/** Stops the clock for good (its goal was met or it no longer applies). */
export const stopUpdate = defineUpdate<SlaTimerState, [{ readonly reason: string }]>('stop');

/** Business key of the timer workflow. */
export function slaTimerWorkflowId(clockId: string): string {
  return `sla-timer:${clockId}`;
}
