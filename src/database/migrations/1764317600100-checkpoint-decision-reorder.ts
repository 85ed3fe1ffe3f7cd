import type { MigrationInterface, QueryRunner } from 'typeorm';

/** L3-15 → L3-10: a decision's new priorities applied as a queue reorder point at that reorder. */
export class CheckpointDecisionReorder1764317600100 implements MigrationInterface {
  name = 'CheckpointDecisionReorder1764317600100';

  async up(q: QueryRunner): Promise<void> {
    // No foreign key: the queue's tables belong to the planning domain.
    await q.query(`ALTER TABLE checkpoint_decision ADD COLUMN reorder_id uuid`);
    await q.query(
      `ALTER TABLE checkpoint_decision ADD CONSTRAINT ck_checkpoint_decision_applied
         CHECK ((priorities_status = 'APPLIED') = (reorder_id IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE checkpoint_decision DROP COLUMN reorder_id`);
  }
}
