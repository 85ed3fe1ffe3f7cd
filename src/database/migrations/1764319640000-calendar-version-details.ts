import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a calendar version changed, as data (`CalendarChangeDetail[]`): a ticket's «Plazo
 * recalculado» names the holiday added or removed, or the hours changed, that moved its deadline
 * (BUSINESS-TIME.md, L3-06, L3-19), in Spanish or English. Versions written before keep null: their
 * recomputed deadlines keep the general wording.
 */
export class CalendarVersionDetails1764319640000 implements MigrationInterface {
  name = 'CalendarVersionDetails1764319640000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE business_calendar_version ADD COLUMN details jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE business_calendar_version DROP COLUMN details`);
  }
}
