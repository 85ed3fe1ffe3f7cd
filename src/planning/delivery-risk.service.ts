import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  deliveryAtRiskEventKey,
  NotificationsService,
  type ProviderDeliveryAtRiskEvent,
} from '../notifications';
import { type QueueEntry, QueueService } from './queue.service';

/** What re-planned a client's queue. */
export type ReplanCause = ProviderDeliveryAtRiskEvent['cause'];

interface TicketPeople {
  number: string;
  registrant_id: string;
  assignee_id: string | null;
}

/**
 * L3-19/L3-10: after a re-plan (the client's capacity changed, its queue was reordered), every
 * open ticket whose published release date the plan can no longer meet is told to the provider —
 * the assigned agent (every agent while none is assigned) and the managers — through the email
 * outbox, never to the client (the agent decides whether to adjust the date, which emails the
 * client). Only the re-plans warn: queries show the risk and send nothing.
 *
 * "Once per (ticket, published date, planned date)": the warning is not a ticket timeline event,
 * so it does not take the timeline's `ticket-<n>:<seq>` key; its key is that triple
 * (`deliveryAtRiskEventKey`) and the outbox is unique per (event key, recipient). Every re-plan
 * therefore offers every at-risk ticket again, and only a pair not told before is emailed: an
 * identical re-plan, or a capacity that goes up and back down to the same plan, sends nothing.
 */
@Injectable()
export class DeliveryRiskService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Queues the warnings of `organizationId`'s at-risk deliveries inside `tx`, the transaction that
   * stores the re-plan (so a capacity change and its warnings are written together or not at all).
   * Returns the at-risk entries.
   */
  async warn(
    tx: EntityManager,
    organizationId: string,
    cause: ReplanCause,
    now = new Date(),
  ): Promise<QueueEntry[]> {
    const queue = this.queues.arrange(await this.queues.snapshot(organizationId, tx), now);
    const atRisk = queue.entries.filter((e) => e.deliveryAtRisk);
    if (atRisk.length === 0) return [];
    const people = await tx.query<TicketPeople[]>(
      `SELECT number, registrant_id, assignee_id FROM ticket WHERE number = ANY ($1::text[])`,
      [atRisk.map((e) => e.ticketNumber)],
    );
    const byNumber = new Map(people.map((p) => [p.number, p]));
    for (const entry of atRisk) {
      const ticket = byNumber.get(entry.ticketNumber)!;
      await this.notifications.enqueue(tx, {
        type: 'PROVIDER_DELIVERY_AT_RISK',
        eventKey: deliveryAtRiskEventKey(
          entry.ticketNumber,
          entry.releaseDate!,
          entry.plannedReleaseDate!,
        ),
        occurredAt: now.toISOString(),
        ticket: {
          number: entry.ticketNumber,
          subject: entry.subject,
          registrantId: ticket.registrant_id,
          clientOrgId: organizationId,
        },
        releaseDate: entry.releaseDate!.toISOString(),
        plannedDate: entry.plannedReleaseDate!.toISOString(),
        slipBusinessDays: entry.deliverySlipBusinessDays!,
        cause,
        hoursPerBusinessDay: queue.hoursPerBusinessDay,
        position: entry.position,
        assigneeId: ticket.assignee_id,
      });
    }
    return atRisk;
  }

  /** {@link warn} in a transaction of its own (a re-plan already stored, e.g. a queue reorder). */
  warnNow(organizationId: string, cause: ReplanCause, now = new Date()): Promise<QueueEntry[]> {
    return this.db.transaction((tx) => this.warn(tx, organizationId, cause, now));
  }
}
