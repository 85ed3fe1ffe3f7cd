import type { ComplianceRow } from '../api/tickets';
import { downloadText } from '../components/download-file';
import { PercentBarCell } from '../components/percent-bar-cell';
import { useI18n } from '../i18n/i18n-context';
import {
  complianceCsvRows,
  complianceFileName,
  type ComplianceFilter,
  complianceInFilter,
  percentMet,
} from './compliance-figures';
import { toCsv } from './csv';
import { useLocalTime } from './ticket-bits';
import { useNotice } from '../components/use-notice';

interface Bar {
  key: string;
  label: string;
  met: number;
  breached: number;
}

/** Met vs breached summed by `keyOf`, in the order of `keys` (keys without data still show). */
function sumBy(
  rows: ComplianceRow[],
  keyOf: (row: ComplianceRow) => string,
  keys: string[],
): Map<string, { met: number; breached: number }> {
  const totals = new Map(keys.map((k) => [k, { met: 0, breached: 0 }]));
  for (const row of rows) {
    const key = keyOf(row);
    const sum = totals.get(key) ?? { met: 0, breached: 0 };
    sum.met += row.met;
    sum.breached += row.breached;
    totals.set(key, sum);
  }
  return totals;
}

/**
 * One chart: a table (readable by screen readers and without CSS) whose percentage cell carries
 * a CSS bar; the bar is decoration (aria-hidden), the number next to it is the data.
 */
function BarTable({
  id,
  title,
  keyHeader,
  bars,
  oneLineKeys = false,
}: {
  id: string;
  title: string;
  keyHeader: string;
  bars: Bar[];
  /** Short labels that read wrong when broken («Jun / 2026», QA S22 F6); clients' names wrap. */
  oneLineKeys?: boolean;
}) {
  const { t } = useI18n();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <div className="table-wrap">
        <table className="bars stack-on-phone" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{keyHeader}</th>
              <th scope="col" className="bar-col">
                {t.dashboard.percent}
              </th>
              <th scope="col" className="num">
                {t.dashboard.met}
              </th>
              <th scope="col" className="num">
                {t.dashboard.breachedCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => {
              const pct = percentMet(bar.met, bar.breached);
              return (
                <tr key={bar.key}>
                  <th scope="row" className={oneLineKeys ? 'capitalize nowrap' : 'capitalize'}>
                    {bar.label}
                  </th>
                  <PercentBarCell
                    percent={pct}
                    good={95}
                    warn={80}
                    label={t.dashboard.percent}
                    none={t.dashboard.noData}
                  />
                  <td className="num" data-label={t.dashboard.met}>
                    {bar.met}
                  </td>
                  <td className="num" data-label={t.dashboard.breachedCount}>
                    {bar.breached}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The months from `from` to `to` (YYYY-MM, inclusive), oldest first. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/**
 * L3 compliance (clauses L3-06…L3-09 clocks): % met per clock, per month and per client, and
 * «Exportar CSV» of the same figures (a row per month, client and clock).
 */
export function ComplianceCharts({
  rows: allRows,
  months,
  organizations,
  filter = { organizationId: null, kind: null },
}: {
  rows: ComplianceRow[];
  months: string[];
  organizations: { id: string; name: string; kind: string }[];
  /** The board's client and clock filters: the figures are of those only. */
  filter?: ComplianceFilter;
}) {
  const { t, language } = useI18n();
  const { zone } = useLocalTime();
  const monthName = new Intl.DateTimeFormat(language, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const {
    rows,
    organizationIds: clients,
    kinds,
  } = complianceInFilter(
    allRows,
    organizations.filter((o) => o.kind === 'CLIENT').map((o) => o.id),
    filter,
  );

  const toBars = (
    totals: Map<string, { met: number; breached: number }>,
    label: (k: string) => string,
  ) => [...totals].map(([key, sum]) => ({ key, label: label(key), ...sum }));

  const kindName = (k: string) => t.tickets.clockKinds[k] ?? k;
  const clientName = (id: string) => names.get(id) ?? id;
  const byKind = toBars(
    sumBy(rows, (r) => r.kind, kinds),
    kindName,
  );
  const byMonth = toBars(
    sumBy(rows, (r) => r.month, months),
    (m) => monthName.format(new Date(`${m}-01T00:00:00Z`)),
  );
  const byClient = toBars(
    sumBy(rows, (r) => r.organizationId, clients),
    clientName,
  );

  const exportCsv = (): number => {
    const d = t.dashboard;
    const lines = complianceCsvRows(
      rows,
      { clockKind: kindName, clientName },
      { months, organizationIds: clients, kinds },
    );
    const header = [d.month, d.client, t.tickets.clockKind, d.met, d.breachedCount];
    header.push(`${d.percent} (%)`);
    downloadText(complianceFileName(language, zone), toCsv(header, lines));
    return lines.length;
  };

  return (
    <>
      <div className="charts">
        <BarTable
          id="compliance-kind"
          title={t.dashboard.byClock}
          keyHeader={t.tickets.clockKind}
          bars={byKind}
        />
        <BarTable
          id="compliance-month"
          title={t.dashboard.byMonth}
          keyHeader={t.dashboard.month}
          bars={byMonth}
          oneLineKeys
        />
        <BarTable
          id="compliance-client"
          title={t.dashboard.byClient}
          keyHeader={t.dashboard.client}
          bars={byClient}
        />
      </div>
      <ExportRows onExport={exportCsv} />
    </>
  );
}

/** «Exportar CSV» and, once saved, how many rows went. */
function ExportRows({ onExport }: { onExport: () => number }) {
  const { t } = useI18n();
  const [done, setDone] = useNotice();
  const exportRows = () => {
    const rows = onExport();
    setDone((w) => w.t.ticketBrowser.exportedRows(rows));
  };
  return (
    <>
      <div className="form-actions">
        <button type="button" className="button" onClick={exportRows}>
          {t.ticketBrowser.exportCsv}
        </button>
      </div>
      <div role="status">{done && <p className="notice notice-success">{done}</p>}</div>
    </>
  );
}
