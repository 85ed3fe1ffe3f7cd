import type { MigrationInterface, QueryRunner } from 'typeorm';

const SIGN = (reversal: string) => `
  ALTER TABLE hour_ledger_entry ADD CONSTRAINT ck_hour_ledger_entry_sign CHECK (CASE kind
    WHEN 'PURCHASE' THEN hours > 0
    WHEN 'RESERVATION' THEN hours >= 0
    WHEN 'RESERVATION_RELEASE' THEN hours < 0
    WHEN 'CONSUMPTION' THEN hours <= 0
    WHEN 'ADJUSTMENT' THEN hours <> 0
    WHEN 'REVERSAL' THEN ${reversal}
  END)`;

/**
 * L3-12, L3-13, L3-18: time logged on a no-charge ticket is a consumption of 0 h, and a REVERSAL
 * had to be ≠ 0, so an entry logged there by mistake could never be cancelled: it stayed in the
 * ticket's worked hours for good. A reversal may now be of 0 h; what the sign check said of it
 * (not 0) is replaced by a stronger rule, checked on insert: a reversal is exactly the opposite of
 * the entry it reverses.
 */
export class ZeroHourReversal1764320600000 implements MigrationInterface {
  name = 'ZeroHourReversal1764320600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hour_ledger_entry DROP CONSTRAINT ck_hour_ledger_entry_sign`);
    await q.query(SIGN('true'));
    await q.query(`
      CREATE FUNCTION hour_ledger_reversal_mirror() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        reversed_hours numeric;
      BEGIN
        SELECT hours INTO reversed_hours FROM hour_ledger_entry WHERE id = NEW.reverses_entry_id;
        IF NEW.hours IS DISTINCT FROM -reversed_hours THEN
          RAISE EXCEPTION 'a reversal is the opposite of the entry it reverses (% h), not % h',
            coalesce((-reversed_hours)::text, 'none'), NEW.hours USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER hour_ledger_entry_reversal_mirror BEFORE INSERT ON hour_ledger_entry
      FOR EACH ROW WHEN (NEW.kind = 'REVERSAL')
      EXECUTE FUNCTION hour_ledger_reversal_mirror()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER hour_ledger_entry_reversal_mirror ON hour_ledger_entry`);
    await q.query(`DROP FUNCTION hour_ledger_reversal_mirror()`);
    await q.query(`ALTER TABLE hour_ledger_entry DROP CONSTRAINT ck_hour_ledger_entry_sign`);
    // Refused while a 0 h reversal exists (the ledger is append-only): an older version cannot
    // read a ledger that holds one.
    await q.query(SIGN('hours <> 0'));
  }
}
