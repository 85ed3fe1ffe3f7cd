import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type {
  CheckpointActivities,
  CheckpointInput,
  CheckpointRunState,
} from './checkpoint.contract';
import { checkpointRunQuery } from './checkpoint.contract';

const { planCheckpointRun, recordCheckpointAgenda } = proxyActivities<CheckpointActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/** Set by the Temporal server on every run a Schedule starts: the nominal fire time. */
const SCHEDULED_START_TIME = defineSearchAttributeKey(
  'TemporalScheduledStartTime',
  SearchAttributeType.DATETIME,
);

/**
 * One biweekly checkpoint of a client (L3-15), started by the client's Temporal Schedule (or its
 * manual trigger), or by a manager's «Generar agenda ahora» (`onDemand`, built at once). It asks for the run's plan (business days only: a holiday moves the agenda to
 * the next business moment), waits for it on a durable timer, and has the agenda built, stored
 * and emailed once.
 */
export async function checkpointWorkflow(input: CheckpointInput): Promise<CheckpointRunState> {
  let state: CheckpointRunState = {
    phase: 'PLANNING',
    kind: null,
    scheduledFor: null,
    buildAt: null,
    checkpointId: null,
    skipReason: null,
  };
  setHandler(checkpointRunQuery, () => state);

  const info = workflowInfo();
  const startedAt = info.typedSearchAttributes.get(SCHEDULED_START_TIME) ?? info.startTime;
  const plan = await planCheckpointRun({
    organizationId: input.organizationId,
    startedAt: startedAt.toISOString(),
    // Only on-demand runs carry the flag: scheduled runs' activity input stays as recorded.
    ...(input.onDemand ? { onDemand: true } : {}),
  });
  if (plan.kind === 'SKIP') {
    state = { ...state, phase: 'SKIPPED', skipReason: plan.reason };
    return state;
  }
  state = {
    ...state,
    phase: 'WAITING',
    kind: plan.kind,
    scheduledFor: plan.scheduledFor,
    buildAt: plan.buildAt,
  };
  const wait = Date.parse(plan.buildAt) - Date.now();
  if (wait > 0) await sleep(wait);

  const recorded = await recordCheckpointAgenda({
    organizationId: input.organizationId,
    runKey: info.workflowId,
    kind: plan.kind,
    scheduledFor: plan.scheduledFor,
    builtAt: new Date().toISOString(),
  });
  state = { ...state, phase: 'BUILT', checkpointId: recorded.checkpointId };
  return state;
}
