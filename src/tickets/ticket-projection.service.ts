import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { SlaClockView } from '../../workflows/ticket/ticket.contract';
import { NotificationsService } from '../notifications';
import { TicketClockEntity } from './ticket-clock.entity';
import { notificationFor } from './ticket-notifications';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketEntity } from './ticket.entity';
import { foldEvents, type ProjectionBatch, type ReadModelSlice } from './ticket-projection';

/** Postgres channel notified after every projected change (live updates). */
export const TICKET_CHANGED_CHANNEL = 'ticket_changed';

/**
 * Writes the ticket workflows' events to the append-only log and folds them into the read model.
 * Idempotent: a retried batch inserts no event twice (key: ticket number + sequence) and an older
 * batch never overwrites a newer read model.
 */
@Injectable()
export class TicketProjectionService {
  private readonly logger = new Logger(TicketProjectionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async project(batch: ProjectionBatch): Promise<{ appended: number }> {
    if (!batch.events.length) return { appended: 0 };
    return this.db.transaction(async (tx) => {
      const last = batch.events[batch.events.length - 1];
      const rows = batch.events.map((e) => ({
        ticketNumber: batch.ticketNumber,
        seq: e.seq,
        type: e.type,
        at: new Date(e.at),
        actorId: e.actor?.userId ?? null,
        actorRole: e.actor?.role ?? null,
        data: e.data,
        readModel: e.seq === last.seq ? batch.slice : null,
      }));
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(TicketEventEntity)
        .values(rows as QueryDeepPartialEntity<TicketEventEntity>[])
        .orIgnore()
        .returning(['seq'])
        .execute();
      await this.applySlice(tx, batch.ticketNumber, last.seq, batch.slice);
      await this.notify(tx, batch, new Set((inserted.raw as { seq: number }[]).map((r) => r.seq)));
      await tx.query('SELECT pg_notify($1, $2)', [TICKET_CHANGED_CHANNEL, batch.ticketNumber]);
      return { appended: (inserted.raw as unknown[]).length };
    });
  }

  /**
   * Rebuilds the read model of `ticketNumber` (or of every ticket) from the event log alone.
   * Returns how many tickets were rebuilt.
   */
  async rebuild(ticketNumber?: string): Promise<number> {
    const numbers = ticketNumber
      ? [ticketNumber]
      : (
          await this.db.query<{ number: string }[]>('SELECT number FROM ticket ORDER BY number')
        ).map((r) => r.number);
    for (const number of numbers) {
      await this.db.transaction(async (tx) => {
        const events = await tx.getRepository(TicketEventEntity).find({
          where: { ticketNumber: number },
          order: { seq: 'ASC' },
          select: { seq: true, readModel: true },
        });
        const folded = foldEvents(events);
        await tx.getRepository(TicketClockEntity).delete({ ticketNumber: number });
        if (folded.slice) {
          await this.applySlice(
            tx,
            number,
            folded.lastEventSeq,
            { ...folded.slice, clocks: [...folded.clocks.values()] },
            true,
          );
        }
      });
    }
    this.logger.log(`read model rebuilt for ${numbers.length} ticket(s)`);
    return numbers.length;
  }

  /** L3-11: the email of each newly logged event, queued in the same transaction (outbox). */
  private async notify(
    tx: EntityManager,
    batch: ProjectionBatch,
    fresh: Set<number>,
  ): Promise<void> {
    if (!fresh.size) return;
    const ticket = await tx
      .getRepository(TicketEntity)
      .findOneByOrFail({ number: batch.ticketNumber });
    const about = {
      number: ticket.number,
      subject: ticket.subject,
      registrantId: ticket.registrantId,
      clientOrgId: ticket.organizationId,
    };
    for (const event of batch.events) {
      if (!fresh.has(event.seq)) continue;
      const notification = notificationFor(about, event, batch.slice);
      if (notification) await this.notifications.enqueue(tx, notification);
    }
  }

  private async applySlice(
    tx: EntityManager,
    ticketNumber: string,
    seq: number,
    slice: ReadModelSlice,
    force = false,
  ): Promise<void> {
    const result = await tx
      .createQueryBuilder()
      .update(TicketEntity)
      .set({
        state: slice.state,
        classification: slice.classification,
        requirementKind: slice.requirementKind,
        assigneeId: slice.assigneeId,
        releaseDate: slice.releaseDate ? new Date(slice.releaseDate) : null,
        closureOutcome: slice.closureOutcome,
        slaStatus: slice.slaStatus,
        nextDeadline: slice.nextDeadline ? new Date(slice.nextDeadline) : null,
        details: slice.details as QueryDeepPartialEntity<TicketEntity>['details'],
        lastEventSeq: seq,
        updatedAt: () => 'now()',
        // The workflow runs, so it started (TicketStartReconciler looks for rows without it).
        workflowStartedAt: () => 'COALESCE(workflow_started_at, now())',
      })
      .where('number = :ticketNumber', { ticketNumber })
      .andWhere(force ? 'true' : 'last_event_seq < :seq', { seq })
      .execute();
    // A batch older than what is projected already changes nothing.
    if (!result.affected) return;
    if (!slice.clocks.length) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(TicketClockEntity)
      .values(slice.clocks.map((c) => clockRow(ticketNumber, c)))
      .orUpdate(
        [
          'status',
          'deadline',
          'at_risk_at',
          'budget_ms',
          'consumed_ms',
          'consumed_as_of',
          'pauses',
          'at_risk_recorded_at',
          'breached_at',
          'ended_at',
          'end_reason',
          'calendar_version',
          'updated_at',
        ],
        ['clock_id'],
      )
      .execute();
  }
}

function clockRow(ticketNumber: string, c: SlaClockView): Partial<TicketClockEntity> {
  const date = (v: string | null) => (v ? new Date(v) : null);
  return {
    clockId: c.id,
    ticketNumber,
    kind: c.kind,
    run: c.run,
    status: c.status,
    targetAmount: c.target.amount,
    targetUnit: c.target.unit,
    startedAt: new Date(c.startedAt),
    deadline: date(c.deadline),
    atRiskAt: date(c.atRiskAt),
    budgetMs: String(Math.round(c.budgetMs)),
    consumedMs: String(Math.round(c.consumedMs)),
    consumedAsOf: new Date(c.consumedAsOf),
    pauses: c.pauses.map((p) => ({ ...p })),
    atRiskRecordedAt: date(c.atRiskRecordedAt),
    breachedAt: date(c.breachedAt),
    endedAt: date(c.endedAt),
    endReason: c.endReason,
    calendarVersion: c.calendarVersion,
    updatedAt: new Date(),
  };
}
