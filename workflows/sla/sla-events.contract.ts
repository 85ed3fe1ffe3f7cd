// The SLA clocks' kinds and the one side effect of a clock firing, shared by the ticket workflow
// (which runs the clocks as durable timers), the worker and the API.

/** The contract's clocks (SLA-CLAUSES.md, "SLA clocks at a glance"). */
export type SlaClockKind = 'triage' | 'diagnosis' | 'scheduling' | 'progress';

/** What a clock reports when it fires; recorded exactly once per (clockId, event). */
export interface SlaEventRecord {
  /** Unique per clock run, e.g. `L3-2026-000123:triage:1`. */
  readonly clockId: string;
  readonly ticketKey: string;
  readonly kind: SlaClockKind;
  readonly event: 'at_risk' | 'breached';
  readonly deadline: string;
  /** Workflow time at which the clock fired. */
  readonly firedAt: string;
}

/** The activity a firing calls; implemented in `src/sla`. */
export interface SlaEventActivities {
  recordSlaEvent(event: SlaEventRecord): Promise<{ readonly firstTime: boolean }>;
}
