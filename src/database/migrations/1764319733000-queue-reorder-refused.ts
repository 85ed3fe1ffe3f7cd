import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-19: the moved dates of a reorder that a ticket refused for good (closed, cancelled, the date
 * past…), one JSON object per ticket. `QueueReorderService.announce` skips them, so a reorder whose
 * only unpublished dates are refusals is marked published and `ReorderPublicationReconciler` stops
 * retrying it; transient failures are still retried.
 */
export class QueueReorderRefused1764319733000 implements MigrationInterface {
  name = 'QueueReorderRefused1764319733000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE queue_reorder ADD COLUMN refused jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE queue_reorder DROP COLUMN refused`);
  }
}
