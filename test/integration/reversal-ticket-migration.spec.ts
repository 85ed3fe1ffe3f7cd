import { DataSource } from 'typeorm';
import { foldTotals } from '../../src/contracts/ledger-rules';
import { ticketLedgerTotals } from '../../src/contracts/ledger-totals';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { databaseBefore } from '../support/database-before';

// L3-12/L3-13: a reversal written without a ticket before ReversalTicket1764320160000 went missing
// from its ticket's hours (ticketLedgerTotals, «Ticket cerrado»). The migration gives each existing
// reversal the ticket of the entry it reverses, and the ledger stays append-only.

const MIGRATION = '1764320160000-reversal-ticket';
const TICKET = 'L3-2026-000301';

describe('reversals get the ticket of what they reverse (L3-12, L3-13)', () => {
  it('the migration fills the ticket of reversals written before it', async () => {
    const { url, before, drop } = await databaseBefore('reversal_ticket', MIGRATION);
    try {
      const [{ id: org }] = await before.query<{ id: string }[]>(
        `INSERT INTO organization (name, kind, slug) VALUES ('Aurora', 'CLIENT', 'aurora') RETURNING id`,
      );
      const append = async (
        kind: string,
        hours: number,
        ticket: string | null,
        reverses: string | null = null,
      ) =>
        (
          await before.query<{ id: string }[]>(
            `INSERT INTO hour_ledger_entry (organization_id, kind, hours, ticket_number,
               estimate_version, reason, idempotency_key, reverses_entry_id)
             VALUES ($1, $2, $3, $4, $5, 'Prueba', gen_random_uuid()::text, $6) RETURNING id`,
            [org, kind, hours, ticket, kind === 'RESERVATION' ? 1 : null, reverses],
          )
        )[0].id;
      const purchase = await append('PURCHASE', 10, null);
      await append('RESERVATION', 5, TICKET);
      const charged = await append('CONSUMPTION', -3, TICKET);
      await append('REVERSAL', 3, null, charged);
      await append('REVERSAL', -10, null, purchase);
      // What the ticket's hours said before: the reversed consumption still charged.
      expect(
        foldTotals(await ticketLedgerTotals(before, org, TICKET)).tickets.get(TICKET)?.consumed,
      ).toBe(300);
      await before.destroy();

      expect(await runMigrations(url)).toEqual(['ReversalTicket1764320160000']);

      const after = await new DataSource(typeOrmOptions(url)).initialize();
      try {
        expect(
          await after.query(
            `SELECT e.kind, r.kind AS reverses, e.ticket_number AS ticket FROM hour_ledger_entry e
             JOIN hour_ledger_entry r ON r.id = e.reverses_entry_id ORDER BY e.id`,
          ),
        ).toEqual([
          { kind: 'REVERSAL', reverses: 'CONSUMPTION', ticket: TICKET },
          { kind: 'REVERSAL', reverses: 'PURCHASE', ticket: null },
        ]);
        expect(
          foldTotals(await ticketLedgerTotals(after, org, TICKET)).tickets.get(TICKET),
        ).toEqual({
          ticketNumber: TICKET,
          estimateVersion: 1,
          held: 200,
          consumed: 0,
        });
        // Append-only again once the backfill is done.
        await expect(after.query(`UPDATE hour_ledger_entry SET reason = 'x'`)).rejects.toThrow(
          /append-only/,
        );
      } finally {
        await after.destroy();
      }
    } finally {
      await drop();
    }
  });
});
