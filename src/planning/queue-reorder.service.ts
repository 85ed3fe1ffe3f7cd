import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import {
  type ActorRole,
  adjustReleaseDateUpdate,
  RELEASE_DATE_STATES,
} from '../../workflows/ticket/ticket.contract';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { TicketWorkflowClient } from '../tickets/ticket-workflow.client';
import { notifyTicketChanged } from '../tickets/ticket-projection.service';
import { replannedReleaseDate } from './capacity-model';
import { type RefusedDateChange, permanentRefusal } from './date-refusal';
import { DeliveryRiskService } from './delivery-risk.service';
import { laterReorderExistsSql } from './latest-reorder-sql';
import { ranksOf } from './queue-order';
import { type PlannedDateChange, QueueReorderEntity } from './queue-reorder.entity';
import { QueueRankEntity } from './queue-rank.entity';
import { type ClientQueue, QueueService, type QueueSnapshot } from './queue.service';

/** A reorder as the client proposes it: tickets first to last, some flagged urgent. */
export interface ReorderRequest {
  readonly organizationId: string;
  readonly order: readonly string[];
  readonly urgent: readonly string[];
}

export interface ReorderPreview {
  /** Opaque; confirmation applies the reorder only while this still describes it. */
  readonly previewToken: string;
  /** The queue as it would be, with the planned dates in the new order. */
  readonly queue: ClientQueue;
  /** The published release dates that would move (old → new). */
  readonly changes: readonly PlannedDateChange[];
}

export interface ReorderResult {
  readonly reorderId: string;
  readonly changes: readonly PlannedDateChange[];
  readonly queue: ClientQueue;
}

/** States with a published release date (the ones `adjustReleaseDate` moves). */
const PUBLISHED_STATES: readonly string[] = RELEASE_DATE_STATES;

/** Advisory lock namespace of one client's queue (with `hashtext(organization id)`). */
const QUEUE_LOCK = 0x51_55_45_55; // "QUEU"

/**
 * L3-10/L3-19 re-planning: the impact preview of a reorder, and its confirmation, which applies
 * exactly what the preview showed (or refuses with CONFLICT when the queue or its dates changed
 * meanwhile), records the reorder, replaces the ranks and publishes each moved date on its ticket
 * (`adjustReleaseDate` with a request ID derived from the reorder: once per ticket, however often
 * the confirmation is retried).
 */
@Injectable()
export class QueueReorderService {
  private readonly logger = new Logger(QueueReorderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly workflows: TicketWorkflowClient,
    private readonly deliveryRisk: DeliveryRiskService,
    private readonly config: AppConfig,
  ) {}

  /** The impact preview (no access check: callers check). Writes nothing. */
  async preview(request: ReorderRequest, now = new Date()): Promise<ReorderPreview> {
    const snapshot = await this.queues.snapshot(request.organizationId);
    return this.compute(snapshot, await reordersSoFar(this.db.manager, snapshot), request, now);
  }

  /**
   * Applies the reorder the preview `previewToken` described, on behalf of `actor` (the caller
   * checked it may reorder this organization's queue). A retried confirmation (same token) returns
   * the recorded reorder and publishes whatever of it is still unpublished.
   */
  async confirm(
    request: ReorderRequest,
    previewToken: string,
    reason: string,
    actor: { readonly userId: string; readonly role: ActorRole },
    now = new Date(),
  ): Promise<ReorderResult> {
    const reorder = await this.db.transaction((tx) =>
      this.apply(tx, request, previewToken, reason, actor, now),
    );
    return this.announce(reorder, now);
  }

  /**
   * The write half of {@link confirm}, inside the caller's transaction `tx` (e.g. the one that
   * also records a checkpoint's decisions, L3-15): checks the token under the queue's lock,
   * records the reorder and replaces the ranks. Nothing is published: once `tx` committed, the
   * caller passes the reorder to {@link announce}. Should `tx` roll back, the queue is unchanged.
   */
  async apply(
    tx: EntityManager,
    request: ReorderRequest,
    previewToken: string,
    reason: string,
    actor: { readonly userId: string; readonly role: ActorRole },
    now = new Date(),
  ): Promise<QueueReorderEntity> {
    if (reason.trim() === '') {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'reason must not be empty', {
        field: 'reason',
      });
    }
    await lockQueue(tx, request.organizationId);
    const earlier = await tx.getRepository(QueueReorderEntity).findOneBy({ previewToken });
    if (earlier) {
      if (earlier.organizationId !== request.organizationId) throw staleToken();
      // A retry of a reorder whose dates never all went out, after a later reorder of the same
      // queue: the later one was planned from the dates on the tickets, so publishing this one's
      // leftovers now would undo it (L3-19). The caller previews again.
      if (earlier.publishedAt === null && (await this.laterReorderExists(tx, earlier))) {
        throw superseded(earlier);
      }
      return earlier;
    }
    const snapshot = await this.queues.snapshot(request.organizationId, tx);
    const preview = this.compute(snapshot, await reordersSoFar(tx, snapshot), request, now);
    if (preview.previewToken !== previewToken) throw staleToken();
    return this.record(tx, request, preview, reason.trim(), actor);
  }

  /**
   * The effects of a committed reorder (after {@link apply}'s transaction): each moved date is
   * published on its ticket, the provider is warned of deliveries left at risk, and the queue as
   * it now is is returned, and the reorder is marked published (`published_at`). Idempotent: a
   * retry publishes only what is still unpublished. A date a ticket refused for good is recorded
   * (`refused`) and counts as settled; should a transient failure remain,
   * `ReorderPublicationReconciler` calls it again later.
   */
  async announce(reorder: QueueReorderEntity, now = new Date()): Promise<ReorderResult> {
    // L3-19: the dates go out under the queue's lock, so no later reorder is recorded while they
    // do (its confirmation waits, then finds the dates moved: CONFLICT, preview again); one
    // recorded before stands, and this one publishes nothing. Checked before the lock only, a
    // later reorder confirmed meanwhile had its plan overwritten by this one's stale dates.
    const refused = await this.db.transaction(async (tx) => {
      await lockQueue(tx, reorder.organizationId);
      if (await this.laterReorderExists(tx, reorder)) throw superseded(reorder);
      return this.publish(tx, reorder, now);
    });
    // L3-19: a reorder publishes every date its plan pushes later, so what it can leave at risk is
    // a ticket already late whose plan moved (e.g. up the queue, still after its date): the
    // provider hears of each new (published, planned) pair once. After the publication, in a
    // transaction of its own (the dates are Updates of the ticket workflows); a retried
    // confirmation offers the warnings again, and the outbox keys make that a no-op.
    await this.deliveryRisk.warnNow(reorder.organizationId, 'QUEUE_REORDERED', now);
    // Settled: the reconciliation sweep no longer looks at it (a retried confirmation still may).
    await this.db
      .getRepository(QueueReorderEntity)
      .update({ id: reorder.id, publishedAt: IsNull() }, { publishedAt: new Date() });
    return {
      reorderId: reorder.id,
      // The dates published: a ticket that refused its date for good (closed meanwhile) kept it.
      changes: reorder.changes.filter((c) => !refused.has(c.ticketNumber)),
      queue: await this.queues.queueOf(reorder.organizationId),
    };
  }

  /** Whether the client's queue was reordered again after `reorder` (the newest one stands). */
  private async laterReorderExists(
    tx: EntityManager,
    reorder: QueueReorderEntity,
  ): Promise<boolean> {
    const [row] = await tx.query<{ superseded: boolean }[]>(
      `SELECT ${laterReorderExistsSql('r')} AS superseded FROM queue_reorder r WHERE r.id = $1`,
      [reorder.id],
    );
    return row?.superseded === true;
  }

  /** The recorded reorders of a client since `since`, oldest first (the checkpoint reads them). */
  async since(organizationId: string, since: Date): Promise<QueueReorderEntity[]> {
    return this.db
      .getRepository(QueueReorderEntity)
      .createQueryBuilder('r')
      .where('r.organization_id = :organizationId', { organizationId })
      .andWhere('r.at >= :since', { since })
      .orderBy('r.at', 'ASC')
      .getMany();
  }

  private compute(
    snapshot: QueueSnapshot,
    reorders: number,
    request: ReorderRequest,
    now: Date,
  ): ReorderPreview {
    validateOrder(snapshot, request);
    const before = this.queues.arrange(snapshot, now);
    const after = this.queues.arrange(snapshot, now, ranksOf(request.order, request.urgent));
    const planBefore = new Map(before.entries.map((e) => [e.ticketNumber, e]));
    const committed = new Map(snapshot.rows.map((r) => [r.ticketNumber, r.committedReleaseDate]));
    // L3-19: a published date is a promise; the reorder moves it only as `replannedReleaseDate`
    // says (later when the plan needs it, never before the agent's commitment, never earlier for
    // a ticket moved down the queue). Unchanged dates are neither published nor emailed.
    const changes: PlannedDateChange[] = [];
    for (const e of after.entries) {
      const was = planBefore.get(e.ticketNumber);
      if (!PUBLISHED_STATES.includes(e.state) || !e.releaseDate || !e.plannedReleaseDate) continue;
      if (!was?.plannedReleaseDate) continue;
      const newDate = replannedReleaseDate({
        published: e.releaseDate,
        committed: committed.get(e.ticketNumber) ?? null,
        plannedBefore: was.plannedReleaseDate,
        plannedAfter: e.plannedReleaseDate,
        positionBefore: was.position,
        positionAfter: e.position,
      });
      if (!newDate) continue;
      changes.push({
        ticketNumber: e.ticketNumber,
        subject: e.subject,
        oldDate: e.releaseDate.toISOString(),
        newDate: newDate.toISOString(),
      });
    }
    // L3-10/L3-19: the queue's history is part of what a preview describes (`reorders`, how many
    // the client has recorded). Ranks alone repeat when a client toggles the order back and forth,
    // and a repeated token named an older reorder: confirming found it as a retry and answered
    // REORDER_SUPERSEDED for good. Counted, so every recorded reorder changes every later token
    // (and a preview from before one is stale) while a retried confirmation keeps its own.
    const fingerprint = JSON.stringify({
      organizationId: snapshot.organizationId,
      reorders,
      ranks: snapshot.rows
        .map((r) => [r.ticketNumber, r.rank, r.urgent] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      order: request.order,
      urgent: [...new Set(request.urgent)].sort(),
      changes,
    });
    const previewToken = createHash('sha256').update(fingerprint).digest('base64url');
    return { previewToken, queue: after, changes };
  }

  private async record(
    tx: EntityManager,
    request: ReorderRequest,
    preview: ReorderPreview,
    reason: string,
    actor: { readonly userId: string; readonly role: ActorRole },
  ): Promise<QueueReorderEntity> {
    const reorder = await tx.getRepository(QueueReorderEntity).save(
      tx.getRepository(QueueReorderEntity).create({
        organizationId: request.organizationId,
        actorId: actor.userId,
        actorRole: actor.role,
        reason,
        ticketOrder: [...request.order],
        urgent: [...new Set(request.urgent)],
        changes: [...preview.changes],
        previewToken: preview.previewToken,
      }),
    );
    await tx.getRepository(QueueRankEntity).delete({ organizationId: request.organizationId });
    const ranks = [...ranksOf(request.order, request.urgent)].map(([ticketNumber, r]) => ({
      ticketNumber,
      organizationId: request.organizationId,
      rank: r.rank,
      urgent: r.urgent,
      reorderId: reorder.id,
    }));
    if (ranks.length) await tx.getRepository(QueueRankEntity).insert(ranks);
    // L3-10: each ticket's place in its client's queue changed. Open queues (another approver's,
    // staff's) follow ticket changes; a reorder that moves no published date sends no other.
    await notifyTicketChanged(
      tx,
      ranks.map((r) => r.ticketNumber),
    );
    return reorder;
  }

  /**
   * L3-19: each moved date on its ticket, emailed and in its timeline; idempotent per ticket. A
   * ticket that refuses its date for good (closed, cancelled, the date past: `permanentRefusal`)
   * is recorded in `refused`, logged once and never asked again, as is a date staff moved by hand
   * since the reorder (`DATE_MOVED_SINCE`: seen here, or by the workflow from `fromDate`); only the
   * other failures (Temporal unreachable, a timeout) throw, for a retry. Returns the refused
   * tickets.
   */
  private async publish(
    tx: EntityManager,
    reorder: QueueReorderEntity,
    now: Date,
  ): Promise<ReadonlySet<string>> {
    const refused = new Set((reorder.refused ?? []).map((r) => r.ticketNumber));
    const failed: string[] = [];
    const newlyRefused: RefusedDateChange[] = [];
    const current = await releaseDatesOf(
      tx,
      reorder.changes.map((c) => c.ticketNumber),
    );
    for (const change of reorder.changes) {
      if (refused.has(change.ticketNumber)) continue;
      // L3-19: a reorder moves the date it was planned from. One published late (a retry, the
      // sweep) may find that staff moved it by hand meanwhile; sending its date now would undo
      // theirs and email "moved <theirs> → <ours>". Such a change is recorded as refused (never
      // sent, the reorder settles). Its own date already there is a retry (the request ID
      // dedupes it). Read under the queue's lock, which keeps other reorders out, not staff's
      // adjustments: one landing between this read and the Update is caught by the workflow,
      // which moves the date only from `fromDate` and refuses the same CONFLICT
      // `DATE_MOVED_SINCE` (recorded below by `permanentRefusal`). This read only spares the round
      // trip in the common case. Without a date (closed meanwhile) the ticket's workflow answers.
      const at = current.get(change.ticketNumber) ?? null;
      if (at !== null && at !== Date.parse(change.oldDate) && at !== Date.parse(change.newDate)) {
        const moved = movedMeanwhile(change, at, now);
        this.logger.warn(
          `reorder ${reorder.id}: ${change.ticketNumber} not moved to ${change.newDate}: ${moved.message}; recorded, not sent`,
        );
        newlyRefused.push(moved);
        refused.add(change.ticketNumber);
        continue;
      }
      try {
        await this.workflows.update(
          change.ticketNumber,
          adjustReleaseDateUpdate,
          {
            requestId: `reorder:${reorder.id}:${change.ticketNumber}`,
            actor: { userId: reorder.actorId, role: reorder.actorRole as ActorRole },
            newDate: change.newDate,
            fromDate: change.oldDate,
            reason: reorder.reason,
            reorderId: reorder.id,
          },
          // A worker away for a moment (restarted, deploying) leaves the Update waiting on the
          // server until one polls again: the confirmation would hang with it, and the sweep (one
          // at a time) would hold every other reorder behind it. Past the bound the date is a
          // transient failure, retried with the same request ID (an Update that ran meanwhile
          // answers with its first result).
          { timeoutMs: this.config.temporal.reorderUpdateTimeoutMs },
        );
      } catch (err) {
        const refusal = permanentRefusal(change.ticketNumber, err, now);
        if (refusal) {
          this.logger.warn(
            `reorder ${reorder.id}: ${change.ticketNumber} refused ${change.newDate} for good (${refusal.code}${refusal.reason && refusal.reason !== refusal.code ? ` ${refusal.reason}` : ''}: ${refusal.message}); recorded, not retried`,
          );
          newlyRefused.push(refusal);
          refused.add(change.ticketNumber);
          continue;
        }
        this.logger.warn(
          `reorder ${reorder.id}: ${change.ticketNumber} not adjusted: ${String(err)}`,
        );
        failed.push(`${change.ticketNumber} (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    if (newlyRefused.length) await this.recordRefusals(reorder, newlyRefused);
    if (failed.length) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Reorder recorded, but these dates were not published: ${failed.join('; ')}. Confirm again with the same previewToken to retry.`,
        { reorderId: reorder.id },
      );
    }
    return refused;
  }

  /**
   * Appends `refusals` to the reorder's `refused`, each ticket once even when a retried
   * confirmation and the sweep record the same refusal at the same time.
   */
  private async recordRefusals(
    reorder: QueueReorderEntity,
    refusals: readonly RefusedDateChange[],
  ): Promise<void> {
    const [[row]] = await this.db.query<[{ refused: RefusedDateChange[] }[], number]>(
      `UPDATE queue_reorder
          SET refused = refused || (
                SELECT coalesce(jsonb_agg(n.value), '[]'::jsonb)
                  FROM jsonb_array_elements($2::jsonb) n
                 WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(queue_reorder.refused) o
                                    WHERE o.value->>'ticketNumber' = n.value->>'ticketNumber'))
        WHERE id = $1
        RETURNING refused`,
      [reorder.id, JSON.stringify(refusals)],
    );
    reorder.refused = row.refused;
  }
}

/** Takes the advisory lock of `organizationId`'s queue for the rest of `tx`. */
async function lockQueue(tx: EntityManager, organizationId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [QUEUE_LOCK, organizationId]);
}

/**
 * How many reorders `snapshot`'s client has recorded: the queue's version in a preview token. A
 * count rather than the newest reorder's ID: `at` is its transaction's start, so a confirmation
 * that waited on the queue's lock may record a reorder older by `at` than the one before it.
 */
async function reordersSoFar(tx: EntityManager, snapshot: QueueSnapshot): Promise<number> {
  const [row] = await tx.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM queue_reorder WHERE organization_id = $1',
    [snapshot.organizationId],
  );
  return row.n;
}

/** The published release date of each of `ticketNumbers` (the read model), as epoch ms. */
async function releaseDatesOf(
  tx: EntityManager,
  ticketNumbers: readonly string[],
): Promise<ReadonlyMap<string, number | null>> {
  if (!ticketNumbers.length) return new Map();
  const rows = await tx.query<{ number: string; release_date: Date | null }[]>(
    'SELECT number, release_date FROM ticket WHERE number = ANY ($1::text[])',
    [ticketNumbers],
  );
  return new Map(rows.map((r) => [r.number, r.release_date?.getTime() ?? null]));
}

/** L3-19: a reorder's date change whose old date is no longer the ticket's (moved by hand). */
function movedMeanwhile(change: PlannedDateChange, at: number, now: Date): RefusedDateChange {
  return {
    ticketNumber: change.ticketNumber,
    code: ErrorCode.CONFLICT,
    reason: 'DATE_MOVED_SINCE',
    message: `its release date is ${new Date(at).toISOString()}, no longer ${change.oldDate}`,
    at: now.toISOString(),
  };
}

/** L3-19: `reorder` was replaced by a later reorder of the same queue before its dates went out. */
function superseded(reorder: QueueReorderEntity): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    'A later reorder of this queue replaced this one; preview the reorder again',
    { reason: 'REORDER_SUPERSEDED', reorderId: reorder.id },
  );
}

function staleToken(): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    'The queue or its planned dates changed since this preview; preview the reorder again',
  );
}

/**
 * The order lists open tickets of this client's queue, each once; urgent ones are in the order.
 * A ticket the client cannot see (another organization's, unknown) is NOT_FOUND.
 */
function validateOrder(snapshot: QueueSnapshot, request: ReorderRequest): void {
  const open = new Set(snapshot.rows.map((r) => r.ticketNumber));
  const seen = new Set<string>();
  for (const number of request.order) {
    if (!open.has(number)) {
      throw new DomainError(ErrorCode.NOT_FOUND, `Ticket ${number} is not in this queue`, {
        ticketNumber: number,
      });
    }
    if (seen.has(number)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `Ticket ${number} is listed twice`, {
        field: 'order',
      });
    }
    seen.add(number);
  }
  for (const number of request.urgent) {
    if (!seen.has(number)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `Urgent ticket ${number} must also be in the order`,
        { field: 'urgent' },
      );
    }
  }
}
