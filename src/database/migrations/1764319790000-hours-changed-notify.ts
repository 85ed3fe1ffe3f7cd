import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-13, L3-12 (a client sees its hours left live): every ledger entry written (a package bought,
 * a manual adjustment, a reversal, time logged, an estimate held or released) notifies
 * `hours_changed` with its organisation's ID, in the transaction that writes it, so it is heard on
 * commit and never for a write rolled back, whichever path, worker or API instance wrote it.
 * PostgreSQL folds identical notifications of one transaction into one: one event per organisation
 * per committed write. Every API instance LISTENs (`src/live/hours-changes.service.ts`).
 */
export class HoursChangedNotify1764319790000 implements MigrationInterface {
  name = 'HoursChangedNotify1764319790000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION hour_ledger_entry_hours_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hours_changed', NEW.organization_id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_hour_ledger_entry_hours_changed
        AFTER INSERT ON hour_ledger_entry
        FOR EACH ROW EXECUTE FUNCTION hour_ledger_entry_hours_changed_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_hour_ledger_entry_hours_changed ON hour_ledger_entry`);
    await q.query(`DROP FUNCTION hour_ledger_entry_hours_changed_notify()`);
  }
}
