import type { ComplianceRow } from '../api/tickets';
import { csvFileName } from './csv';

// The managers' SLA compliance figures (Tablero SLA): the clocks in their order, the share met,
// and the rows of «Exportar CSV» (one per month, client and clock). Pure (unit-tested).

/** The SLA clocks (L3-06…L3-09) in the order the charts and the CSV list them. */
export const CLOCK_ORDER = ['triage', 'diagnosis', 'scheduling', 'progress'];

/** met / (met + breached) as a percentage with one decimal; undefined when nothing ended. */
export function percentMet(met: number, breached: number): number | undefined {
  const total = met + breached;
  return total > 0 ? Math.round((met / total) * 1000) / 10 : undefined;
}

/**
 * «Exportar CSV»'s file, named in the UI language as the monthly statement's is (QA S22):
 * `cumplimiento-sla-2026-11-30.csv`, `sla-compliance-2026-11-30.csv`.
 */
export function complianceFileName(language: string, timeZone: string, now = new Date()): string {
  return csvFileName(language === 'en' ? 'sla-compliance' : 'cumplimiento-sla', timeZone, now);
}

export interface ComplianceCsvLabels {
  readonly clockKind: (kind: string) => string;
  readonly clientName: (organizationId: string) => string;
}

/** The months, clients and clocks the charts show: each combination is a row of the file. */
export interface ComplianceGrid {
  readonly months: readonly string[];
  readonly organizationIds: readonly string[];
  readonly kinds: readonly string[];
}

/**
 * One row per month, client and clock of `grid` (what the charts show, so a client or a month
 * with no clock ended is in the file as 0 and 0), plus any row of data outside it; oldest month
 * first, then client name, then clock.
 */
export function complianceCsvRows(
  rows: readonly ComplianceRow[],
  labels: ComplianceCsvLabels,
  grid: ComplianceGrid = { months: [], organizationIds: [], kinds: [] },
): (string | number)[][] {
  const key = (month: string, org: string, kind: string) => `${month}|${org}|${kind}`;
  const all = new Map(rows.map((r) => [key(r.month, r.organizationId, r.kind), r]));
  for (const month of grid.months)
    for (const organizationId of grid.organizationIds)
      for (const kind of grid.kinds) {
        const k = key(month, organizationId, kind);
        if (!all.has(k)) all.set(k, { month, organizationId, kind, met: 0, breached: 0 });
      }
  const order = new Map(grid.kinds.map((k, i) => [k, i]));
  return [...all.values()]
    .map((r) => ({ ...r, client: labels.clientName(r.organizationId) }))
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.client.localeCompare(b.client) ||
        (order.get(a.kind) ?? order.size) - (order.get(b.kind) ?? order.size) ||
        a.kind.localeCompare(b.kind),
    )
    .map((r) => [
      r.month,
      r.client,
      labels.clockKind(r.kind),
      r.met,
      r.breached,
      // As the charts show it; empty when nothing ended that month.
      percentMet(r.met, r.breached) ?? '',
    ]);
}

/** The board's filters as compliance reads them: one client, one clock (null: all). */
export interface ComplianceFilter {
  readonly organizationId: string | null;
  readonly kind: string | null;
}

/**
 * The compliance of what the board's filters chose: with «Cliente» or «Reloj» set, the charts
 * and «Exportar CSV» count that client's and that clock's rows only, as the lists above them do
 * (QA: the board filtered to one client still charted every client's compliance).
 */
export function complianceInFilter(
  rows: readonly ComplianceRow[],
  organizationIds: readonly string[],
  filter: ComplianceFilter,
): { rows: ComplianceRow[]; organizationIds: string[]; kinds: string[] } {
  return {
    rows: rows.filter(
      (r) =>
        (!filter.organizationId || r.organizationId === filter.organizationId) &&
        (!filter.kind || r.kind === filter.kind),
    ),
    organizationIds: organizationIds.filter(
      (id) => !filter.organizationId || id === filter.organizationId,
    ),
    kinds: CLOCK_ORDER.filter((k) => !filter.kind || k === filter.kind),
  };
}
