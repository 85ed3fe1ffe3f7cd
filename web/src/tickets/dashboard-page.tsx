import { useEffect, useMemo, useState } from 'react';
import { type ComplianceRow, SLA_DASHBOARD, type SlaTimer } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { SlaBadge, ticketPath, useLocalTime } from './ticket-bits';

const REFRESH_MS = 15_000;

/** This month as YYYY-MM in UTC (the compliance report groups clocks by their UTC end month). */
function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

function TimerTable({ timers, testId }: { timers: SlaTimer[]; testId: string }) {
  const { t } = useI18n();
  const { format } = useLocalTime();
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t.dashboard.ticket}</th>
            <th scope="col">{t.tickets.clockKind}</th>
            <th scope="col">{t.tickets.sla}</th>
            <th scope="col">{t.tickets.deadline}</th>
            <th scope="col">{t.tickets.remaining}</th>
          </tr>
        </thead>
        <tbody>
          {timers.map((timer) => (
            <tr key={timer.clock.id}>
              <th scope="row">
                <Link to={ticketPath(timer.ticketNumber)} className="nowrap">
                  {timer.ticketNumber}
                </Link>
                <span className="muted small block">{timer.subject}</span>
                <span className="muted small block">
                  {t.tickets.states[timer.ticketState] ?? timer.ticketState}
                </span>
              </th>
              <td>
                {t.tickets.clockKinds[timer.clock.kind] ?? timer.clock.kind}
                <span className="muted small block">
                  {t.tickets.clockStatus[timer.clock.status] ?? timer.clock.status}
                </span>
              </td>
              <td>
                <SlaBadge status={timer.slaStatus} />
              </td>
              <td>
                {timer.clock.deadline ? (
                  <time dateTime={timer.clock.deadline}>{format(timer.clock.deadline)}</time>
                ) : (
                  '—'
                )}
              </td>
              <td>{t.tickets.businessTime(timer.clock.remainingMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Met vs breached per clock kind, over every client. */
function byKind(rows: ComplianceRow[]): { kind: string; met: number; breached: number }[] {
  const totals = new Map<string, { met: number; breached: number }>();
  for (const row of rows) {
    const sum = totals.get(row.kind) ?? { met: 0, breached: 0 };
    sum.met += row.met;
    sum.breached += row.breached;
    totals.set(row.kind, sum);
  }
  return [...totals].map(([kind, sum]) => ({ kind, ...sum }));
}

/** "hace 5 segundos" / "5 seconds ago". */
function useAgo(since: number | undefined): string {
  const { language } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (since === undefined) return '—';
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return seconds < 60
    ? rtf.format(-seconds, 'second')
    : rtf.format(-Math.floor(seconds / 60), 'minute');
}

/** Managers: live SLA timers (every 15 s, in place), at-risk and breached, monthly compliance. */
export function DashboardPage() {
  const { t, language } = useI18n();
  const month = useMemo(() => currentMonth(), []);
  const query = useQuery(SLA_DASHBOARD, { month });
  const { reload, data } = query;
  const [updatedAt, setUpdatedAt] = useState<number>();
  const ago = useAgo(updatedAt);

  useEffect(() => {
    if (data) setUpdatedAt(Date.now());
  }, [data]);
  useEffect(() => {
    const timer = window.setInterval(() => void reload(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const monthName = new Intl.DateTimeFormat(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
  const running = data?.all.filter(
    (x) => x.clock.status === 'RUNNING' || x.clock.status === 'PAUSED',
  );
  const compliance = data ? byKind(data.compliance) : [];

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <div className="title-row">
          <h1 id="page-title">{t.dashboard.title}</h1>
          <p
            className="muted small"
            aria-live="off"
            data-testid="updated"
            data-updated-at={updatedAt}
          >
            {t.dashboard.updated(ago)}
          </p>
          <button type="button" className="button small" onClick={() => void reload()}>
            {t.dashboard.refreshNow}
          </button>
        </div>
        <p className="muted">{t.dashboard.intro}</p>
        <ErrorMessage error={query.error} />
        {query.loading && !data && <p role="status">{t.loading}</p>}
      </section>
      {data && running && (
        <>
          <section className="card" aria-labelledby="timers-title">
            <h2 id="timers-title">{t.dashboard.timers}</h2>
            {running.length === 0 ? (
              <p>{t.dashboard.noTimers}</p>
            ) : (
              <TimerTable timers={running} testId="timers" />
            )}
          </section>
          <div className="two-columns">
            <section className="card" aria-labelledby="at-risk-title">
              <h2 id="at-risk-title">{t.dashboard.atRisk}</h2>
              {data.atRisk.length === 0 ? (
                <p>{t.dashboard.noneAtRisk}</p>
              ) : (
                <TimerTable timers={data.atRisk} testId="at-risk" />
              )}
            </section>
            <section className="card" aria-labelledby="breached-title">
              <h2 id="breached-title">{t.dashboard.breached}</h2>
              {data.breached.length === 0 ? (
                <p>{t.dashboard.noneBreached}</p>
              ) : (
                <TimerTable timers={data.breached} testId="breached" />
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="compliance-title">
            <h2 id="compliance-title" className="capitalize">
              {t.dashboard.compliance(monthName)}
            </h2>
            {compliance.length === 0 ? (
              <p>{t.dashboard.noCompliance}</p>
            ) : (
              <div className="table-wrap">
                <table className="compact" data-testid="compliance">
                  <thead>
                    <tr>
                      <th scope="col">{t.tickets.clockKind}</th>
                      <th scope="col">{t.dashboard.met}</th>
                      <th scope="col">{t.dashboard.breachedCount}</th>
                      <th scope="col">{t.dashboard.percent}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {compliance.map((row) => (
                      <tr key={row.kind}>
                        <th scope="row">{t.tickets.clockKinds[row.kind] ?? row.kind}</th>
                        <td>{row.met}</td>
                        <td>{row.breached}</td>
                        <td>
                          {row.met + row.breached > 0
                            ? `${Math.round((row.met / (row.met + row.breached)) * 1000) / 10} %`
                            : '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
