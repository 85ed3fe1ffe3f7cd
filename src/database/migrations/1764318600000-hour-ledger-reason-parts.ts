import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows read and written per round trip of the backfill. */
export const REASON_PARTS_BATCH = 500;

/**
 * L3-13 (the client reads its ledger), L3-12, L3-18: each ledger entry keeps its reason as data
 * (`reason_parts`, what clients word in their language) next to the English sentence (`reason`,
 * unchanged: API users read it). The ledger writes both from now on.
 *
 * Existing rows get their parts from their sentence, in batches, with the reading the API did
 * until now (`ledgerReasonOf` in `src/contracts/hour-ledger-reason.ts`, copied here so that later
 * edits there do not change what this migration does). A sentence of no known form stays null and
 * the API keeps reading it back. The ledger is append-only by trigger; the trigger is off for
 * this backfill only, inside the migration's transaction (other sessions wait on the table lock),
 * and the facts (kind, hours, ticket, sentence) are not touched.
 */
export class HourLedgerReasonParts1764318600000 implements MigrationInterface {
  name = 'HourLedgerReasonParts1764318600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE hour_ledger_entry ADD COLUMN reason_parts jsonb
        CONSTRAINT ck_hour_ledger_entry_reason_parts
        CHECK (jsonb_typeof(reason_parts) = 'object' AND reason_parts ? 'code')`);
    await q.query(`ALTER TABLE hour_ledger_entry DISABLE TRIGGER hour_ledger_entry_append_only`);
    try {
      await backfill(q);
    } finally {
      await q.query(`ALTER TABLE hour_ledger_entry ENABLE TRIGGER hour_ledger_entry_append_only`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hour_ledger_entry DROP COLUMN reason_parts`);
  }
}

async function backfill(q: QueryRunner): Promise<void> {
  let after = '0';
  for (;;) {
    const rows = (await q.query(
      // `e.id`: ordered by the number, not by the text of the output column.
      `SELECT e.id::text AS id, e.kind, e.reason FROM hour_ledger_entry e
        WHERE e.id > $1 AND e.reason_parts IS NULL ORDER BY e.id LIMIT $2`,
      [after, REASON_PARTS_BATCH],
    )) as { id: string; kind: string; reason: string }[];
    if (!rows.length) return;
    const read = rows.flatMap((r) => {
      const parts = partsOfSentence(r.kind, r.reason);
      return parts ? [{ id: r.id, parts }] : [];
    });
    if (read.length) {
      await q.query(
        `UPDATE hour_ledger_entry e SET reason_parts = v.parts
           FROM jsonb_to_recordset($1::jsonb) AS v(id bigint, parts jsonb) WHERE e.id = v.id`,
        [JSON.stringify(read)],
      );
    }
    after = rows[rows.length - 1].id;
  }
}

type Parts = Record<string, string | number | boolean | null>;

const EMPTY: Parts = {
  hours: null,
  estimateVersion: null,
  date: null,
  packageReference: null,
  workCategory: null,
  ticketState: null,
  noCharge: false,
  note: null,
};

const parts = (code: string, values: Parts = {}): Parts => ({ ...EMPTY, ...values, code });

/** The parts of a stored sentence as the API read them up to this migration; null: unknown form. */
function partsOfSentence(kind: string, reason: string): Parts | null {
  let m: RegExpMatchArray | null;
  if (kind === 'ADJUSTMENT' || kind === 'REVERSAL') return parts('MANUAL', { note: reason });
  if ((m = reason.match(/^package (.+) purchased on (\d{4}-\d{2}-\d{2})$/s))) {
    return parts('PACKAGE_PURCHASED', { packageReference: m[1], date: m[2] });
  }
  if ((m = reason.match(/^estimate v(\d+) authorized: ([\d.]+) h \((\w+)\)$/))) {
    const values = { estimateVersion: Number(m[1]), hours: Number(m[2]), workCategory: m[3] };
    return kind === 'RESERVATION_RELEASE'
      ? parts('ESTIMATE_REPLACED', values)
      : parts('ESTIMATE_AUTHORIZED', values);
  }
  if (
    (m = reason.match(/^([\d.]+) h logged on (\d{4}-\d{2}-\d{2})( \(no charge, L3-18\))?: (.*)$/s))
  ) {
    return parts('TIME_LOGGED', {
      hours: Number(m[1]),
      date: m[2],
      noCharge: Boolean(m[3]),
      note: m[4],
    });
  }
  if ((m = reason.match(/^ticket ([a-z_]+)$/))) {
    return parts('TICKET_ENDED', { ticketState: m[1].toUpperCase() });
  }
  if ((m = reason.match(/^ticket made no-charge \(L3-18\): (.*)$/s))) {
    return parts('TICKET_NO_CHARGE', { note: m[1] });
  }
  if ((m = reason.match(/^ticket charged again \(L3-18\), estimate v(\d+) held again: (.*)$/s))) {
    return parts('TICKET_CHARGED_AGAIN', { estimateVersion: Number(m[1]), note: m[2] });
  }
  return null;
}
