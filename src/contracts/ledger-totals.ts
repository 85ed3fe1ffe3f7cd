import type { EntityManager } from 'typeorm';
import { LedgerEntryKind } from './contract-enums';
import { toHundredths } from './hours';
import { addToTotals, type LedgerTotal } from './ledger-rules';

// L3-13: an organization's ledger summed in SQL by the groups of `LedgerTotal`, so the balance
// card, the ledger list and a ticket's time entries fold tens of rows instead of every entry
// (20,000 entries: the whole ledger was read and folded for each of them).

/**
 * The grouping of `LedgerTotal` as SQL over entry `e` and the entry `r` it reverses; the estimate
 * version is the one of the group's last reservation (the greatest `[id, version]`), an aggregate
 * that needs no sort.
 */
const TOTALS_SELECT = `e.kind, r.kind AS reversed_kind,
       CASE WHEN e.kind IN ('CONSUMPTION', 'RESERVATION', 'RESERVATION_RELEASE') THEN e.ticket_number
            WHEN e.kind = 'REVERSAL' AND r.kind = 'CONSUMPTION' THEN r.ticket_number END AS ticket_number,
       sum(e.hours) AS hours,
       ((max(ARRAY[e.id, e.estimate_version])
          FILTER (WHERE e.kind = 'RESERVATION' AND e.estimate_version IS NOT NULL))[2])::int
         AS estimate_version`;

/** {@link TOTALS_SELECT} over the entries `where` (a condition on `e`) selects. */
function totalsOf(where: string): string {
  return `SELECT ${TOTALS_SELECT}
       FROM hour_ledger_entry e LEFT JOIN hour_ledger_entry r ON r.id = e.reverses_entry_id
      WHERE ${where}
      GROUP BY 1, 2, 3`;
}

/** A row of `TOTALS_SELECT` (`hours` is a number when the row was read back from JSON). */
export interface TotalRow {
  segment?: number;
  kind: LedgerEntryKind;
  reversed_kind: LedgerEntryKind | null;
  ticket_number: string | null;
  hours: string | number;
  estimate_version: number | null;
}

export function toTotal(r: TotalRow): LedgerTotal {
  return {
    kind: r.kind,
    reversedKind: r.kind === LedgerEntryKind.REVERSAL ? r.reversed_kind : null,
    ticketNumber: r.ticket_number,
    hundredths: toHundredths(r.hours),
    estimateVersion: r.estimate_version,
  };
}

/** The totals of the organization's whole ledger. */
export async function ledgerTotals(
  db: Pick<EntityManager, 'query'>,
  organizationId: string,
): Promise<LedgerTotal[]> {
  const rows = await db.query<TotalRow[]>(totalsOf('e.organization_id = $1'), [organizationId]);
  return rows.map(toTotal);
}

/**
 * The statement of {@link ticketLedgerTotals} over `$1` (the organization) and `$2` (the ticket),
 * for a caller that reads more beside it in the same statement, hence the same snapshot.
 */
export const TICKET_TOTALS_SQL = totalsOf('e.ticket_number = $2 AND e.organization_id = $1');

/**
 * The totals of one ticket's entries: its reservations, releases, consumptions and their
 * reversals (a reversal carries the ticket of the entry it reverses: the ledger's insert trigger
 * `hour_ledger_entry_reversal_ticket` sets it, whoever writes the row). Folded by `foldTotals`, its
 * `tickets` entry is the one the whole ledger's fold gives that ticket, read through
 * ix_hour_ledger_entry_ticket instead of every group of the organization.
 */
export async function ticketLedgerTotals(
  db: Pick<EntityManager, 'query'>,
  organizationId: string,
  ticketNumber: string,
): Promise<LedgerTotal[]> {
  const rows = await db.query<TotalRow[]>(TICKET_TOTALS_SQL, [organizationId, ticketNumber]);
  return rows.map(toTotal);
}

/**
 * {@link ticketLedgerTotals} of each of `ticketNumbers` in one query (a ticket list asking each
 * ticket's hours reads them together), by ticket; a ticket without entries is absent. With
 * `organizationId`, only that organization's entries.
 */
export async function ticketsLedgerTotals(
  db: Pick<EntityManager, 'query'>,
  ticketNumbers: readonly string[],
  organizationId?: string,
): Promise<Map<string, LedgerTotal[]>> {
  const rows = await db.query<TotalRow[]>(
    totalsOf(
      `e.ticket_number = ANY($1::text[])${organizationId ? ' AND e.organization_id = $2' : ''}`,
    ),
    organizationId ? [ticketNumbers, organizationId] : [ticketNumbers],
  );
  const totals = new Map<string, LedgerTotal[]>();
  for (const total of rows.map(toTotal)) {
    const number = total.ticketNumber!;
    totals.set(number, [...(totals.get(number) ?? []), total]);
  }
  return totals;
}

/**
 * The totals of the ledger up to and including each of `entryIds` (ledger entry IDs), in one
 * query: the entries are grouped by how many of those IDs come before them, then added up.
 */
export async function ledgerTotalsUpTo(
  db: Pick<EntityManager, 'query'>,
  organizationId: string,
  entryIds: readonly string[],
): Promise<Map<string, LedgerTotal[]>> {
  const bounds = [...new Set(entryIds)].sort((a, b) =>
    BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0,
  );
  const result = new Map<string, LedgerTotal[]>();
  if (bounds.length === 0) return result;
  // width_bucket(id − 1, bounds): how many bounds are < id; `segment` k holds the entries after
  // the k-th bound up to the (k+1)-th.
  const rows = await db.query<TotalRow[]>(
    `SELECT width_bucket(e.id - 1, $2::bigint[]) AS segment, ${TOTALS_SELECT}
       FROM hour_ledger_entry e LEFT JOIN hour_ledger_entry r ON r.id = e.reverses_entry_id
      WHERE e.organization_id = $1 AND e.id <= $3::bigint
      GROUP BY 1, 2, 3, 4
      ORDER BY 1`,
    [organizationId, bounds, bounds[bounds.length - 1]],
  );
  const totals = new Map<string, LedgerTotal>();
  let next = 0;
  for (const [k, bound] of bounds.entries()) {
    for (; next < rows.length && Number(rows[next].segment) <= k; next++) {
      addToTotals(totals, toTotal(rows[next]));
    }
    result.set(bound, [...totals.values()]);
  }
  return result;
}

/**
 * The totals of the ledger's entries created at or before each of `instants`, in `instants`'
 * order, in one query (L3-15: a checkpoint agenda reports the hours at the start and the end of
 * its period, which bound the entries by creation instant, not by ID).
 */
export async function ledgerTotalsAsOf(
  db: Pick<EntityManager, 'query'>,
  organizationId: string,
  instants: readonly Date[],
): Promise<LedgerTotal[][]> {
  const rows = await db.query<TotalRow[]>(
    `SELECT i.n AS segment, ${TOTALS_SELECT}
       FROM unnest($2::timestamptz[]) WITH ORDINALITY AS i(at, n)
       JOIN hour_ledger_entry e ON e.organization_id = $1 AND e.created_at <= i.at
       LEFT JOIN hour_ledger_entry r ON r.id = e.reverses_entry_id
      GROUP BY 1, 2, 3, 4`,
    [organizationId, instants],
  );
  const result = instants.map((): LedgerTotal[] => []);
  for (const r of rows) result[Number(r.segment) - 1].push(toTotal(r));
  return result;
}
