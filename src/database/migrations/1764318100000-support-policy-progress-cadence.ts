import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-07: the provider sets, per client, the cadence of the progress updates a problem ticket owes
 * the client (the periodic-update clock), in whole business minutes, 60–4800 (1 to 80 business
 * hours). Null keeps the default of 480 (8 business hours). A ticket takes the value in force
 * when it is registered; tickets already open keep theirs.
 */
export class SupportPolicyProgressCadence1764318100000 implements MigrationInterface {
  name = 'SupportPolicyProgressCadence1764318100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE support_policy
        ADD COLUMN progress_cadence_minutes integer
          CONSTRAINT ck_support_policy_progress_cadence
          CHECK (progress_cadence_minutes BETWEEN 60 AND 4800)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE support_policy DROP COLUMN progress_cadence_minutes`);
  }
}
