import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-10/L3-19: a confirmed reorder commits first and publishes its moved dates on the tickets
 * afterwards (Temporal Updates); `published_at` is set once that publication (and its delivery-risk
 * warnings) completed, so `ReorderPublicationReconciler` finds the reorders still to publish.
 * Existing rows are marked published at their own instant: publication was synchronous with their
 * confirmation, and re-publishing old reorders could move dates set since. The partial index holds
 * only the unpublished rows the sweep reads.
 */
export class QueueReorderPublishedAt1764319705000 implements MigrationInterface {
  name = 'QueueReorderPublishedAt1764319705000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE queue_reorder ADD COLUMN published_at timestamptz`);
    await q.query(`UPDATE queue_reorder SET published_at = at`);
    await q.query(
      `CREATE INDEX ix_queue_reorder_unpublished ON queue_reorder (at) WHERE published_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_queue_reorder_unpublished`);
    await q.query(`ALTER TABLE queue_reorder DROP COLUMN published_at`);
  }
}
