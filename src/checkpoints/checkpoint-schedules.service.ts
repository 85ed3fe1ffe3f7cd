import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ScheduleOptionsStartWorkflowAction,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
} from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import {
  CHECKPOINT_WORKFLOW_TYPE,
  type CheckpointRunState,
  checkpointScheduleId,
} from '../../workflows/checkpoint/checkpoint.contract';
import type { checkpointWorkflow } from '../../workflows/checkpoint/checkpoint.workflow';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { AppConfig } from '../config/app-config';
import { TemporalClientService } from '../temporal/temporal-client.service';
import { checkpointInterval } from './checkpoint-schedule';
import { CheckpointSettingsEntity } from './checkpoint-settings.entity';
import { lockCheckpointSettings } from './checkpoint-settings-lock';

/**
 * One Temporal Schedule per client checkpoint (L3-15), ID `checkpoint:<orgId>` (the business key):
 * created or updated whenever its settings are saved, whenever a calendar changes (its zone
 * moves the fire instants), and at API boot for every stored setting (so settings saved while
 * Temporal was away, or seeded straight into the database, get their Schedule).
 */
/** How long «Generar agenda ahora» waits for the agenda before answering UNAVAILABLE. */
const ON_DEMAND_WAIT_MS = 30_000;

@Injectable()
export class CheckpointSchedulesService
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(CheckpointSchedulesService.name);
  private background: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;
  private stopping = false;
  /** How long after a failed sync of every Schedule the next is tried. */
  retryAfterMs = 30_000;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClientService,
    private readonly calendars: CalendarsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A calendar edit must not fail because Temporal is away: the sync is retried until it lands.
    this.calendars.onChange(() => this.syncAllOrRetry('after a calendar change'));
    // Not awaited: the API serves while Temporal is away.
    this.background = this.syncAllOrRetry('at boot');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    await this.background;
  }

  /**
   * Syncs every client's Schedule; after a failure (Temporal away) tries again every
   * {@link retryAfterMs} until a pass succeeds, so a calendar's new zone reaches the Schedules
   * without waiting for the next boot or save (they would fire at the old instants meanwhile).
   */
  private syncAllOrRetry(when: string): Promise<void> {
    clearTimeout(this.retry);
    this.retry = undefined;
    return this.syncAll().catch((err: unknown) => {
      this.logger.warn(`Checkpoint schedules not synced ${when}, retrying: ${String(err)}`);
      if (this.stopping || this.retry) return;
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.background = this.syncAllOrRetry('on a retry');
      }, this.retryAfterMs);
      this.retry.unref();
    });
  }

  /** Creates or updates the client's Schedule to match `settings` in its calendar's zone. */
  async sync(settings: CheckpointSettingsEntity): Promise<void> {
    const calendar = await this.calendars.forOrganization(settings.organizationId);
    const interval = checkpointInterval(
      calendar.engine.timeZone,
      settings.anchorDate,
      settings.localTime,
    );
    const scheduleId = checkpointScheduleId(settings.organizationId);
    const action: ScheduleOptionsStartWorkflowAction<typeof checkpointWorkflow> = {
      type: 'startWorkflow',
      workflowType: CHECKPOINT_WORKFLOW_TYPE,
      workflowId: scheduleId,
      taskQueue: this.config.temporal.taskQueue,
      args: [{ organizationId: settings.organizationId }],
    };
    const spec = { intervals: [interval] };
    // Missed fires (Temporal down) are caught up within a day; runs never overlap.
    const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 86_400_000 };
    const note = `L3-15 checkpoint every 14 days from ${settings.anchorDate} at ${settings.localTime} (${calendar.engine.timeZone})`;
    const client = this.temporal.client.schedule;
    try {
      await client.create({ scheduleId, spec, action, policies, state: { note } });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client
        .getHandle(scheduleId)
        .update(() => ({ spec, action, policies, state: { note, paused: false } }));
    }
  }

  /**
   * Runs the client's checkpoint workflow now, off schedule (L3-15 «Generar agenda ahora»), and
   * waits for its agenda. `workflowId` is the request's business key (see
   * `checkpointRequestWorkflowId`, `checkpointOnDemandWorkflowId`): a second request with it while
   * the run is going joins it, and one after it ended gets its result, so one agenda is built and
   * emailed per key.
   */
  async runNow(
    organizationId: string,
    workflowId: string,
    waitMs = ON_DEMAND_WAIT_MS,
  ): Promise<CheckpointRunState> {
    const client = this.temporal.client.workflow;
    let handle;
    try {
      handle = await client.start<typeof checkpointWorkflow>(CHECKPOINT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [{ organizationId, onDemand: true }],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      handle = client.getHandle<typeof checkpointWorkflow>(workflowId);
    }
    // No worker (stopped, or busy for long): the caller hears it rather than waiting for ever.
    // The run goes on and emails its agenda once; asking again joins it (same workflow ID).
    const timeout = AbortSignal.timeout(waitMs);
    try {
      return await this.temporal.connection.withAbortSignal(timeout, () => handle.result());
    } catch (err) {
      if (!timeout.aborted) throw err;
      throw new DomainError(
        ErrorCode.UNAVAILABLE,
        'La agenda sigue generándose; vuelva a pedirla en un momento y se mostrará la misma / ' +
          'the agenda is still being built; ask again in a moment to get the same one',
        { reason: 'AGENDA_STILL_BUILDING', workflowId },
      );
    }
  }

  /** The next fire instants the Temporal server has for the client (empty without a Schedule). */
  async nextRuns(organizationId: string): Promise<Date[]> {
    const description = await this.temporal.client.schedule
      .getHandle(checkpointScheduleId(organizationId))
      .describe();
    return description.info.nextActionTimes;
  }

  /**
   * Syncs each client's Schedule from its committed settings, in one short transaction per client
   * under the client's settings lock, as a save takes it: a save in flight has synced its new
   * settings but not committed them, so a row read without the lock would be the old settings,
   * pushed back to the Schedule after the save's. A failure ends the pass (the caller retries all
   * of it); no lock is held from one client to the next.
   */
  private async syncAll(): Promise<void> {
    const clients = await this.db
      .getRepository(CheckpointSettingsEntity)
      .find({ select: { organizationId: true } });
    for (const { organizationId } of clients) {
      await this.db.transaction(async (tx) => {
        await lockCheckpointSettings(tx, organizationId);
        // After the wait: what the last save committed (READ COMMITTED), the Schedule it synced.
        const repo = tx.getRepository(CheckpointSettingsEntity);
        const settings = await repo.findOneBy({ organizationId });
        if (!settings) return;
        await this.sync(settings);
        // The Schedule followed the calendar's zone; so does what the settings show.
        const { timeZone } = (await this.calendars.forOrganization(organizationId)).engine;
        if (timeZone !== settings.timeZone) await repo.update({ organizationId }, { timeZone });
      });
    }
  }
}
