import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicSweep } from '../common/periodic-sweep';
import { laterReorderExistsSql } from './latest-reorder-sql';
import { QueueReorderEntity } from './queue-reorder.entity';
import { QueueReorderService } from './queue-reorder.service';

/**
 * A reorder this recent is left to its own confirmation, which publishes right after the commit
 * (the sweep would only race it; were it not left alone, the request IDs still dedupe).
 */
const GRACE_MS = 30_000;
/**
 * Older unpublished reorders are not retried: a date a Temporal outage this long kept from the
 * ticket has likely passed or been moved by hand, and the workflow would refuse it every tick.
 */
const RECENT_MS = 2 * 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 30_000;
const BATCH = 50;

/**
 * L3-10/L3-19: a confirmed reorder (the client's `confirmQueueReorder`, or a checkpoint's
 * decisions, L3-15) commits first; `QueueReorderService.announce` then publishes its moved dates
 * on the tickets (workflow Updates), sends the delivery-risk warnings and sets `published_at`.
 * Should that fail after the commit (Temporal away, the API killed in between), the reorder would
 * stand with its dates unpublished. This sweep announces each such recent reorder again, one at a
 * time, at boot and every 30 s; a transient failure (Temporal away, a timeout) is logged and left
 * for the next tick. A ticket that refuses its date for good (closed, cancelled, the date past) is
 * recorded on the reorder and not asked again, so a reorder left with only such refusals is
 * published and no longer swept. Exactly once: each
 * date is an Update with a request ID derived from the reorder (a repeat returns the first result,
 * no second event nor email), the warnings are keyed in the outbox, and a published reorder is
 * not looked at again. Only the latest reorder of a client is announced: a later one was planned
 * from the dates actually published, so an earlier one's unpublished dates are stale and
 * publishing them would undo it (it stays unpublished, as it is).
 */
@Injectable()
export class ReorderPublicationReconciler extends PeriodicSweep {
  protected readonly logger = new Logger(ReorderPublicationReconciler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reorders: QueueReorderService,
  ) {
    super(SWEEP_EVERY_MS, 'reorder publication');
  }

  /** Announces every recent unpublished reorder; returns how many are now published. */
  async sweep(now = new Date()): Promise<number> {
    const pending = await this.db
      .getRepository(QueueReorderEntity)
      .createQueryBuilder('r')
      // `published_at IS NULL` with the `at` range reads the partial index of unpublished rows.
      .where('r.published_at IS NULL')
      .andWhere('r.at < :settledBefore', { settledBefore: new Date(now.getTime() - GRACE_MS) })
      .andWhere('r.at >= :recentSince', { recentSince: new Date(now.getTime() - RECENT_MS) })
      .andWhere(`NOT ${laterReorderExistsSql('r')}`)
      .orderBy('r.at', 'ASC')
      .take(BATCH)
      .getMany();
    let published = 0;
    for (const reorder of pending) {
      try {
        await this.reorders.announce(reorder);
        published += 1;
      } catch (err) {
        this.logger.warn(
          `reorder ${reorder.id}: publication failed, retried next tick: ${String(err)}`,
        );
      }
    }
    if (published) this.logger.warn(`published ${published} reorder(s) whose dates were missed`);
    return published;
  }
}
