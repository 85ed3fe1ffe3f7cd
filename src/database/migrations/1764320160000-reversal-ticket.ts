import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-12/L3-13: a REVERSAL is of the ticket of the entry it reverses. A ticket's hours (its
 * closure email «Ticket cerrado», `ticketLedgerTotals`) are read through the entries' own
 * `ticket_number`, so a reversal written without it (by SQL, or by any writer but the ledger
 * service) went missing from its ticket: the consumption it gave back still counted as charged.
 * Each new reversal now takes its ticket from the entry it reverses (one that names another ticket
 * is refused), and existing ones get it. The ledger is append-only by trigger; that trigger is off
 * for this backfill only, inside the migration's transaction, and only reversals' tickets change.
 */
export class ReversalTicket1764320160000 implements MigrationInterface {
  name = 'ReversalTicket1764320160000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION hour_ledger_reversal_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        reversed_ticket text;
      BEGIN
        SELECT ticket_number INTO reversed_ticket FROM hour_ledger_entry
         WHERE id = NEW.reverses_entry_id;
        IF NEW.ticket_number IS NOT NULL AND NEW.ticket_number IS DISTINCT FROM reversed_ticket THEN
          RAISE EXCEPTION 'a reversal is of the ticket of the entry it reverses (%), not %',
            coalesce(reversed_ticket, 'none'), NEW.ticket_number USING ERRCODE = 'check_violation';
        END IF;
        NEW.ticket_number := reversed_ticket;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER hour_ledger_entry_reversal_ticket BEFORE INSERT ON hour_ledger_entry
      FOR EACH ROW WHEN (NEW.reverses_entry_id IS NOT NULL)
      EXECUTE FUNCTION hour_ledger_reversal_ticket()`);
    await q.query(`ALTER TABLE hour_ledger_entry DISABLE TRIGGER hour_ledger_entry_append_only`);
    try {
      await q.query(`
        UPDATE hour_ledger_entry e SET ticket_number = r.ticket_number
          FROM hour_ledger_entry r
         WHERE r.id = e.reverses_entry_id AND e.ticket_number IS DISTINCT FROM r.ticket_number`);
    } finally {
      await q.query(`ALTER TABLE hour_ledger_entry ENABLE TRIGGER hour_ledger_entry_append_only`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER hour_ledger_entry_reversal_ticket ON hour_ledger_entry`);
    await q.query(`DROP FUNCTION hour_ledger_reversal_ticket()`);
  }
}
