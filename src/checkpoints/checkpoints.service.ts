import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { visibleClientOrganization } from '../contracts/client-organization';
import {
  AppUserEntity,
  type AuthenticatedUser,
  isProviderStaff,
  OrganizationEntity,
  Role,
} from '../identity';
import { checkpointMovedEventKey, NotificationsService } from '../notifications';
import { clientQueueOrder } from '../planning/client-queue-order';
import { QueueReorderService } from '../planning/queue-reorder.service';
import {
  checkpointTimeIssues,
  firstCheckpointDate,
  nextCheckpointAt,
  zonedInstant,
} from './checkpoint-schedule';
import {
  checkpointOnDemandWorkflowId,
  checkpointRequestWorkflowId,
} from '../../workflows/checkpoint/checkpoint.contract';
import { CheckpointDecisionNotices } from './checkpoint-decision-notices.service';
import { CheckpointSchedulesService } from './checkpoint-schedules.service';
import { CheckpointDecisionEntity } from './checkpoint-decision.entity';
import { CheckpointSettingsEntity } from './checkpoint-settings.entity';
import { lockCheckpointSettings } from './checkpoint-settings-lock';
import { CheckpointEntity } from './checkpoint.entity';
import type { CheckpointDecisionsInput, CheckpointSettingsInput } from './checkpoint.inputs';
import type {
  CheckpointDecisionModel,
  CheckpointModel,
  CheckpointRunKindModel,
  CheckpointSettingsModel,
} from './checkpoint.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who records a meeting's decisions: provider staff, or the client's approvers. */
const DECISION_ROLES: readonly Role[] = [
  Role.AGENT,
  Role.MANAGER,
  Role.ADMIN,
  Role.CLIENT_APPROVER,
];

/**
 * The API side of the biweekly checkpoint (L3-15): managers set when it happens (and so its
 * Temporal Schedule), both sides read the agendas, and the meeting's decisions are recorded
 * against them; new priorities go to the client's queue (L3-10) through the planning service.
 * Client users see only their own organization; anything else is NOT_FOUND.
 */
@Injectable()
export class CheckpointsService {
  private readonly logger = new Logger(CheckpointsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
    private readonly schedules: CheckpointSchedulesService,
    private readonly reorders: QueueReorderService,
    private readonly notifications: NotificationsService,
    private readonly decisionNotices: CheckpointDecisionNotices,
  ) {}

  async settings(
    organizationId: string,
    caller: AuthenticatedUser,
  ): Promise<CheckpointSettingsModel | null> {
    await visibleClientOrganization(this.db.manager, organizationId, caller);
    const row = await this.db.getRepository(CheckpointSettingsEntity).findOneBy({ organizationId });
    return row ? this.settingsModel(row) : null;
  }

  /**
   * Saves the client's checkpoint weekday and time and creates/updates its Schedule in the same
   * step: a bad input (VALIDATION_FAILED) or a Schedule Temporal refuses changes nothing. The
   * cadence restarts at the next occurrence of the weekday and time. Two saves of one client
   * take turns, the first ones too: the later is an edit of the earlier (its move told, the
   * Schedule synced again) and each caller gets what its own save committed.
   */
  async saveSettings(
    input: CheckpointSettingsInput,
    caller: AuthenticatedUser,
  ): Promise<CheckpointSettingsModel> {
    await visibleClientOrganization(this.db.manager, input.organizationId, caller);
    const calendar = await this.calendars.forOrganization(input.organizationId);
    const issues = checkpointTimeIssues(calendar.stored, input);
    if (issues.length > 0) {
      // The first issue's reason and facts, so the web app words it (QA: no English server text).
      throw new DomainError(ErrorCode.VALIDATION_FAILED, issues.map((i) => i.message).join('; '), {
        reason: issues[0].reason,
        field: issues[0].field,
        weekday: input.weekday,
        localTime: input.localTime,
        ...(issues[0].businessHours ? { businessHours: issues[0].businessHours } : {}),
        issues,
      });
    }
    const timeZone = calendar.engine.timeZone;
    const saved = await this.db.transaction(async (tx) => {
      // The client's lock, not the row's: a first save has no row to lock, so two first saves
      // would both insert (the second a unique violation). In turn, the second reads the first's
      // row (READ COMMITTED: a statement after the wait sees its commit) and is an edit of it.
      await lockCheckpointSettings(tx, input.organizationId);
      const repo = tx.getRepository(CheckpointSettingsEntity);
      const before = await repo.findOne({
        where: { organizationId: input.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (
        before &&
        before.weekday === input.weekday &&
        before.localTime === input.localTime &&
        before.timeZone === timeZone
      ) {
        // The same weekday and time again: no move, nothing changes, nobody is told.
        return { row: before, nextRuns: await this.nextRuns(before.organizationId) };
      }
      const now = new Date();
      const row = repo.create({
        organizationId: input.organizationId,
        weekday: input.weekday,
        localTime: input.localTime,
        anchorDate: firstCheckpointDate(timeZone, input, now),
        timeZone,
        updatedBy: caller.id,
        updatedAt: now,
      });
      await repo.save(row);
      if (before) await this.tellMove(tx, before, row, caller, now);
      // Inside the transaction: should Temporal refuse, the settings roll back with it.
      await this.schedules.sync(row);
      // Still under the lock: the fire times of this save's Schedule, not of a save after it.
      return { row, nextRuns: await this.nextRuns(row.organizationId) };
    });
    return this.settingsModel(saved.row, saved.nextRuns);
  }

  /**
   * L3-15: the checkpoint moved from `before`'s next session to `after`'s first one: the people
   * who receive its agenda are told, in the transaction that saves it (once per move).
   */
  private async tellMove(
    tx: EntityManager,
    before: CheckpointSettingsEntity,
    after: CheckpointSettingsEntity,
    caller: AuthenticatedUser,
    now: Date,
  ): Promise<void> {
    const from = nextCheckpointAt(after.timeZone, before.anchorDate, before.localTime, now);
    const to = zonedInstant(after.timeZone, after.anchorDate, after.localTime);
    if (from.getTime() === to.getTime()) return;
    const org = await tx
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: after.organizationId });
    const result = await this.notifications.enqueueCheckpointMoved(tx, {
      type: 'CHECKPOINT_MOVED',
      eventKey: checkpointMovedEventKey(after.organizationId, now),
      occurredAt: now.toISOString(),
      organizationId: after.organizationId,
      organizationName: org.name,
      from: from.toISOString(),
      to: to.toISOString(),
      movedById: caller.id,
    });
    this.logger.log(
      `checkpoint of ${after.organizationId} moved ${from.toISOString()} → ${to.toISOString()}: ${result.inserted} email(s)`,
    );
  }

  async list(
    organizationId: string,
    caller: AuthenticatedUser,
    first: number,
  ): Promise<CheckpointModel[]> {
    await visibleClientOrganization(this.db.manager, organizationId, caller);
    const rows = await this.db.getRepository(CheckpointEntity).find({
      where: { organizationId },
      order: { periodEnd: 'DESC' },
      take: first,
    });
    return this.models(rows);
  }

  /**
   * L3-15: an off-schedule agenda now, for a manager who cannot wait for the next session. It goes
   * through the checkpoint workflow like a scheduled run (built, stored and emailed to the same
   * audience once). With `idempotencyKey` the run's ID is that request's: the same key returns
   * the same agenda, also after its run ended (a retry, a late double click); without it, the
   * ID is "the agenda after the latest one", so simultaneous requests share one run.
   */
  async generateNow(
    organizationId: string,
    caller: AuthenticatedUser,
    idempotencyKey: string | null = null,
  ): Promise<CheckpointModel> {
    await visibleClientOrganization(this.db.manager, organizationId, caller);
    const checkpoints = this.db.getRepository(CheckpointEntity);
    let workflowId: string;
    if (idempotencyKey) {
      workflowId = checkpointRequestWorkflowId(organizationId, idempotencyKey);
      // Built already: the agenda outlives its workflow's history (Temporal's retention).
      const built = await checkpoints.findOne({
        where: { runKey: workflowId },
        select: { id: true },
      });
      if (built) return this.get(built.id, caller);
    } else {
      const previous = await checkpoints.findOne({
        where: { organizationId },
        order: { periodEnd: 'DESC' },
        select: { id: true },
      });
      workflowId = checkpointOnDemandWorkflowId(organizationId, previous?.id ?? null);
    }
    const run = await this.schedules.runNow(organizationId, workflowId);
    if (!run.checkpointId) {
      throw new Error(`on-demand checkpoint of ${organizationId} built no agenda (${run.phase})`);
    }
    this.logger.log(`on-demand checkpoint ${run.checkpointId} of ${organizationId}`);
    return this.get(run.checkpointId, caller);
  }

  async get(id: string, caller: AuthenticatedUser): Promise<CheckpointModel> {
    return (await this.models([await this.visible(id, caller)]))[0];
  }

  /**
   * Records the meeting's notes against the agenda; `newPriorities` (open tickets, most important
   * first) are applied to the client's queue as a reorder by the recorder. The reorder, the
   * decision row and its emails are one transaction: a refused reorder, or any failure before the
   * commit, changes nothing (L3-15, L3-10). Once committed, every release date the reorder moves
   * is published (L3-19).
   */
  async recordDecisions(
    checkpointId: string,
    input: CheckpointDecisionsInput,
    caller: AuthenticatedUser,
  ): Promise<CheckpointModel> {
    const checkpoint = await this.visible(checkpointId, caller);
    const role = DECISION_ROLES.find((r) => caller.roles.includes(r));
    if (!role) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only provider staff and the client’s approvers record checkpoint decisions (L3-15)',
      );
    }
    const notes = input.notes.trim();
    if (notes.length === 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'notes must not be empty', {
        field: 'notes',
      });
    }
    const priorities = input.newPriorities?.length ? input.newPriorities : null;
    const request = priorities
      ? { organizationId: checkpoint.organizationId, order: priorities, urgent: [] }
      : null;
    // Read-only, outside the transaction; `apply` refuses it (CONFLICT) should the queue change.
    const preview = request ? await this.reorders.preview(request) : null;
    const now = new Date();
    const reorder = await this.db.transaction(async (tx) => {
      // The queue as it was, so the decisions email tells each ticket's old and new position.
      const before = request ? await clientQueueOrder(tx, checkpoint.organizationId) : [];
      const applied =
        request && preview
          ? await this.reorders.apply(
              tx,
              request,
              preview.previewToken,
              `Checkpoint ${checkpoint.periodEnd.toISOString().slice(0, 10)} (L3-15): ${notes.slice(0, 200)}`,
              { userId: caller.id, role },
              now,
            )
          : null;
      const repo = tx.getRepository(CheckpointDecisionEntity);
      const decision = await repo.save(
        repo.create({
          checkpointId: checkpoint.id,
          notes,
          newPriorities: priorities,
          prioritiesStatus: applied ? 'APPLIED' : 'NONE',
          reorderId: applied?.id ?? null,
          recordedBy: caller.id,
          recordedByRole: role,
        }),
      );
      await this.decisionNotices.queue(tx, checkpoint, decision, before);
      return applied;
    });
    if (reorder) {
      this.logger.log(`checkpoint ${checkpoint.id}: priorities applied as reorder ${reorder.id}`);
      try {
        await this.reorders.announce(reorder, now);
      } catch (err) {
        // The decisions and the new order stand (committed, emailed); an error now would invite
        // a second recording. ReorderPublicationReconciler publishes the dates later (idempotent
        // per ticket: request IDs of the reorder).
        this.logger.error(
          `checkpoint ${checkpoint.id}: reorder ${reorder.id} recorded, dates not all published: ${String(err)}`,
        );
      }
    }
    return this.get(checkpoint.id, caller);
  }

  private async visible(id: string, caller: AuthenticatedUser): Promise<CheckpointEntity> {
    const row = UUID.test(id)
      ? await this.db.getRepository(CheckpointEntity).findOneBy({ id })
      : null;
    if (!row || (!isProviderStaff(caller) && row.organizationId !== caller.organizationId)) {
      throw notFound('checkpoint', id, `Checkpoint ${id} not found`);
    }
    return row;
  }

  /** The Schedule's next fire times; none when Temporal does not answer (the settings stand). */
  private async nextRuns(organizationId: string): Promise<Date[]> {
    try {
      return await this.schedules.nextRuns(organizationId);
    } catch (err) {
      this.logger.warn(`checkpoint schedule of ${organizationId}: ${String(err)}`);
      return [];
    }
  }

  private async settingsModel(
    row: CheckpointSettingsEntity,
    nextRuns?: Date[],
  ): Promise<CheckpointSettingsModel> {
    nextRuns ??= await this.nextRuns(row.organizationId);
    return {
      organizationId: row.organizationId,
      weekday: row.weekday,
      localTime: row.localTime,
      timeZone: row.timeZone,
      firstDate: row.anchorDate,
      nextRuns,
      updatedAt: row.updatedAt,
    };
  }

  private async models(rows: CheckpointEntity[]): Promise<CheckpointModel[]> {
    const decisions = rows.length
      ? await this.db.getRepository(CheckpointDecisionEntity).find({
          where: { checkpointId: In(rows.map((r) => r.id)) },
          order: { recordedAt: 'ASC' },
        })
      : [];
    const ids = [...new Set(decisions.map((d) => d.recordedBy))];
    const users = ids.length
      ? await this.db.getRepository(AppUserEntity).find({
          where: { id: In(ids) },
          select: { id: true, displayName: true },
        })
      : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const date = (v: string | null) => (v ? new Date(v) : null);
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organizationId,
      kind: r.kind as CheckpointRunKindModel,
      scheduledFor: r.scheduledFor,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      openByState: [...r.agenda.openByState],
      openTickets: r.agenda.openTickets.map((t) => ({
        ...t,
        nextDeadline: date(t.nextDeadline),
        releaseDate: date(t.releaseDate),
        registeredAt: new Date(t.registeredAt),
        queuePosition: t.queuePosition ?? null,
        nextDeadlineClock: t.nextDeadlineClock ?? null,
        confirmedRemoteSessionAt: date(t.confirmedRemoteSessionAt ?? null),
      })),
      slaAlerts: r.agenda.slaAlerts.map((a) => ({
        ...a,
        deadline: date(a.deadline),
        atRiskAt: date(a.atRiskAt),
        breachedAt: date(a.breachedAt),
      })),
      estimatesAwaitingAuthorization: r.agenda.estimatesAwaitingAuthorization.map((e) => ({
        ...e,
        submittedAt: new Date(e.submittedAt),
        additionalHours: e.additionalHours ?? null,
      })),
      dateChanges: r.agenda.dateChanges.map((d) => ({ ...d, at: new Date(d.at) })),
      hours: { ...r.agenda.hours },
      decisions: decisions
        .filter((d) => d.checkpointId === r.id)
        .map((d): CheckpointDecisionModel => ({
          id: d.id,
          notes: d.notes,
          newPriorities: d.newPriorities,
          prioritiesStatus: d.prioritiesStatus,
          reorderId: d.reorderId,
          recordedBy: d.recordedBy,
          recordedByName: names.get(d.recordedBy) ?? null,
          recordedByRole: d.recordedByRole,
          recordedAt: d.recordedAt,
        })),
    }));
  }
}
