import type { ComplianceRow } from '../api/tickets';

// The managers' SLA compliance as CSV rows (Tablero SLA → «Exportar CSV»): one row per month,
// client and clock, with met, breached and the share met. Pure (unit-tested).

export interface ComplianceCsvLabels {
  readonly clockKind: (kind: string) => string;
  readonly clientName: (organizationId: string) => string;
}

/** Month, client and clock order: oldest month first, then client name, then clock kind. */
export function complianceCsvRows(
  rows: readonly ComplianceRow[],
  labels: ComplianceCsvLabels,
): (string | number)[][] {
  return [...rows]
    .map((r) => ({
      ...r,
      client: labels.clientName(r.organizationId),
      clock: labels.clockKind(r.kind),
    }))
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.client.localeCompare(b.client) ||
        a.clock.localeCompare(b.clock),
    )
    .map((r) => [
      r.month,
      r.client,
      r.clock,
      r.met,
      r.breached,
      // One decimal, as the charts show it; empty when nothing ended that month.
      r.met + r.breached ? Math.round((r.met / (r.met + r.breached)) * 1000) / 10 : '',
    ]);
}
