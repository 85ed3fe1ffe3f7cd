import { defineQuery } from '@temporalio/workflow';

// Contract of the biweekly checkpoint workflow (L3-15), imported by the workflow, the worker's
// activities (`src/checkpoints`) and the API that manages the client's Temporal Schedule.

/** Workflow type name the Schedule starts. */
export const CHECKPOINT_WORKFLOW_TYPE = 'checkpointWorkflow';

/**
 * Business key of a client's checkpoint Schedule, also the workflow ID its action uses (Temporal
 * appends the fire time, e.g. `checkpoint:<orgId>-2026-01-13T16:00:00Z`).
 */
export function checkpointScheduleId(organizationId: string): string {
  return `checkpoint:${organizationId}`;
}

/**
 * Business key of an agenda a manager asks for now (L3-15): one per client and previous agenda
 * (`none` before the first), so a double request starts or joins the same run, never two.
 */
export function checkpointOnDemandWorkflowId(
  organizationId: string,
  previousCheckpointId: string | null,
): string {
  return `${checkpointScheduleId(organizationId)}-on-demand-after-${previousCheckpointId ?? 'none'}`;
}

/**
 * Business key of one «Generar agenda ahora» intent (L3-15): the web app makes an idempotency key
 * per click and sends it again on retry, so a retry or a double click that lands after the first
 * run ended gets that run's agenda; a new key (a deliberate new request) is a new agenda.
 */
export function checkpointRequestWorkflowId(
  organizationId: string,
  idempotencyKey: string,
): string {
  return `${checkpointScheduleId(organizationId)}-on-demand-request-${idempotencyKey}`;
}

export interface CheckpointInput {
  readonly organizationId: string;
  /** Asked for by a manager outside the schedule: built at once as an off-schedule agenda. */
  readonly onDemand?: boolean;
}

/** See `planCheckpointRun` in `src/checkpoints/checkpoint-schedule.ts`. */
export type CheckpointRunKind = 'SCHEDULED' | 'MOVED_TO_NEXT_BUSINESS_MOMENT' | 'MANUAL';

export interface PlanCheckpointArgs {
  readonly organizationId: string;
  /** ISO instant the run was (nominally) started: the Schedule's fire time, else the start. */
  readonly startedAt: string;
  /** A manager's request: off schedule (MANUAL) whatever the hour, even without settings. */
  readonly onDemand?: boolean;
}

/** How this run goes: build at `buildAt`, or skip (the client has no checkpoint settings). */
export type CheckpointRunPlan =
  | {
      readonly kind: CheckpointRunKind;
      /** ISO instant of the checkpoint's weekday and time; null for a manual run. */
      readonly scheduledFor: string | null;
      /** ISO instant the agenda is built at (a durable timer waits for it). */
      readonly buildAt: string;
    }
  | { readonly kind: 'SKIP'; readonly reason: string };

export interface RecordAgendaArgs {
  readonly organizationId: string;
  /** The run's workflow ID: one agenda per run, however often the activity retries. */
  readonly runKey: string;
  readonly kind: CheckpointRunKind;
  readonly scheduledFor: string | null;
  /** Workflow time the agenda was built at: the end of its period. */
  readonly builtAt: string;
}

export interface RecordedAgenda {
  readonly checkpointId: string;
  /** Emails queued by this call (0 on a retry: the outbox already has them). */
  readonly emailsQueued: number;
}

/** Activities of the checkpoint workflow; implemented in `src/checkpoints/checkpoint.activities.ts`. */
export interface CheckpointActivities {
  planCheckpointRun(args: PlanCheckpointArgs): Promise<CheckpointRunPlan>;
  /** Builds, stores and emails the agenda in one transaction; idempotent per `runKey`. */
  recordCheckpointAgenda(args: RecordAgendaArgs): Promise<RecordedAgenda>;
}

export type CheckpointPhase = 'PLANNING' | 'WAITING' | 'BUILT' | 'SKIPPED';

export interface CheckpointRunState {
  readonly phase: CheckpointPhase;
  readonly kind: CheckpointRunKind | null;
  readonly scheduledFor: string | null;
  readonly buildAt: string | null;
  readonly checkpointId: string | null;
  readonly skipReason: string | null;
}

export const checkpointRunQuery = defineQuery<CheckpointRunState>('checkpointRun');
