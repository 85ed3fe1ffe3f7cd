import { Injectable, Logger } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { OrganizationEntity } from '../identity';
import { checkpointDecisionsEventKey, NotificationsService } from '../notifications';
import { clientQueueOrder } from '../planning/client-queue-order';
import { TicketEntity } from '../tickets/ticket.entity';
import type { CheckpointDecisionEntity } from './checkpoint-decision.entity';
import type { CheckpointEntity } from './checkpoint.entity';

/**
 * L3-15, L3-11: the decisions of a checkpoint meeting reach the people its agenda goes to (the
 * client's approvers and the provider managers, not who recorded them), once per recording: the
 * notes, and each reprioritised ticket's position in the client's queue (L3-10) before and after.
 * Queued through the outbox in the transaction that records the decision (and applies its
 * reorder), keyed by the decision's id: the emails exist if and only if the recording does.
 */
@Injectable()
export class CheckpointDecisionNotices {
  private readonly logger = new Logger(CheckpointDecisionNotices.name);

  constructor(private readonly notifications: NotificationsService) {}

  /**
   * Queues the emails of `decision`, just written in `tx`; `before` is the client's queue order
   * (ticket numbers, first = position 1) read in `tx` before the decision's reorder was applied.
   */
  async queue(
    tx: EntityManager,
    checkpoint: CheckpointEntity,
    decision: CheckpointDecisionEntity,
    before: readonly string[],
  ): Promise<void> {
    const numbers = decision.newPriorities ?? [];
    const after = numbers.length ? await clientQueueOrder(tx, checkpoint.organizationId) : [];
    const subjects = new Map(
      numbers.length
        ? (
            await tx.getRepository(TicketEntity).find({
              where: { number: In(numbers) },
              select: { number: true, subject: true },
            })
          ).map((t) => [t.number, t.subject])
        : [],
    );
    const positionIn = (order: readonly string[], n: string) => {
      const i = order.indexOf(n);
      return i < 0 ? null : i + 1;
    };
    const org = await tx
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: checkpoint.organizationId });
    const result = await this.notifications.enqueueCheckpointDecisions(tx, {
      type: 'CHECKPOINT_DECISIONS',
      eventKey: checkpointDecisionsEventKey(decision.id),
      occurredAt: decision.recordedAt.toISOString(),
      checkpoint: {
        id: checkpoint.id,
        organizationId: checkpoint.organizationId,
        organizationName: org.name,
        scheduledFor: checkpoint.scheduledFor?.toISOString() ?? null,
        periodEnd: checkpoint.periodEnd.toISOString(),
      },
      notes: decision.notes,
      priorities: numbers.map((number) => ({
        number,
        subject: subjects.get(number) ?? '',
        position: positionIn(after, number),
        previousPosition: positionIn(before, number),
      })),
      recordedById: decision.recordedBy,
      recordedByRole: decision.recordedByRole,
    });
    this.logger.log(
      `checkpoint ${checkpoint.id}: decisions ${decision.id} recorded, ${result.inserted} email(s)`,
    );
  }
}
