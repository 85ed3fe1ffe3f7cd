import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type {
  MoveDeadlineArgs,
  SlaTimerActivities,
  SlaTimerInput,
  SlaTimerState,
} from './sla-timer.contract';
import {
  moveDeadlineUpdate,
  pauseUpdate,
  slaTimerStateQuery,
  stopUpdate,
} from './sla-timer.contract';

// At most 10 s between attempts: a firing that met a database outage is recorded within about
// 10 s of its return.
const { recordSlaEvent } = proxyActivities<SlaTimerActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

/**
 * One SLA clock as a durable Temporal timer: warns once at `atRiskAt`, breaches once at `deadline`.
 * The deadline can be moved, paused and stopped by Updates; firing is never polled.
 */
export async function slaTimerWorkflow(input: SlaTimerInput): Promise<SlaTimerState> {
  assertInstant(input.deadline, 'deadline');
  if (input.atRiskAt) assertInstant(input.atRiskAt, 'atRiskAt');
  let state: SlaTimerState = {
    clockId: input.clockId,
    kind: input.kind,
    status: 'running',
    deadline: input.deadline,
    atRiskAt: input.atRiskAt ?? null,
    atRiskRecordedAt: null,
    breachedAt: null,
    stopReason: null,
  };
  // Bumped on every change so a pending wait restarts with the new target.
  let revision = 0;
  const finished = (): boolean => state.status === 'stopped' || state.status === 'breached';
  const rejectWhenFinished = (): void => {
    if (finished()) throw new Error(`clock ${state.clockId} is already ${state.status}`);
  };

  setHandler(slaTimerStateQuery, () => state);
  setHandler(
    moveDeadlineUpdate,
    (args: MoveDeadlineArgs) => {
      state = {
        ...state,
        status: 'running',
        deadline: args.deadline,
        atRiskAt: args.atRiskAt ?? null,
      };
      revision++;
      return state;
    },
    {
      validator: (args: MoveDeadlineArgs) => {
        rejectWhenFinished();
        assertInstant(args.deadline, 'deadline');
        if (args.atRiskAt) assertInstant(args.atRiskAt, 'atRiskAt');
      },
    },
  );
  setHandler(
    pauseUpdate,
    () => {
      state = { ...state, status: 'paused' };
      revision++;
      return state;
    },
    { validator: rejectWhenFinished },
  );
  setHandler(
    stopUpdate,
    ({ reason }) => {
      state = { ...state, status: 'stopped', stopReason: reason };
      revision++;
      return state;
    },
    { validator: (_args: { readonly reason: string }) => rejectWhenFinished() },
  );

  while (!finished()) {
    if (state.status === 'paused') {
      await condition(() => state.status !== 'paused');
      continue;
    }
    const warnPending = state.atRiskAt !== null && state.atRiskRecordedAt === null;
    const isWarning = warnPending && Date.parse(state.atRiskAt!) < Date.parse(state.deadline);
    const waitMs = Date.parse(isWarning ? state.atRiskAt! : state.deadline) - Date.now();
    const seen = revision;
    if (waitMs > 0 && (await condition(() => revision !== seen, waitMs))) continue;

    const firedAt = new Date().toISOString();
    await recordSlaEvent({
      clockId: state.clockId,
      ticketKey: input.ticketKey,
      kind: state.kind,
      event: isWarning ? 'at_risk' : 'breached',
      deadline: state.deadline,
      firedAt,
    });
    // A change that arrived while the activity ran wins over this firing only for the next round.
    state = isWarning
      ? { ...state, atRiskRecordedAt: firedAt }
      : { ...state, status: 'breached', breachedAt: firedAt };
  }
  await condition(allHandlersFinished);
  return state;
}

function assertInstant(value: string, field: string): void {
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw ApplicationFailure.nonRetryable(
      `${field} must be an ISO-8601 instant, got ${JSON.stringify(value)}`,
      'VALIDATION_FAILED',
    );
  }
}
