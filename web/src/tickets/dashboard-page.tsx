import { useEffect, useMemo, useState } from 'react';
import { useTicketChanges } from '../api/live';
import { SLA_DASHBOARD, type SlaTimer } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { LiveBadge } from '../components/live-badge';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { clockStatusText, clockTimeText } from './clock-texts';
import { ComplianceCharts, monthRange } from './compliance-charts';
import { SatisfactionCard } from './satisfaction-card';
import { SlaBadge, ticketPath, useLocalTime } from './ticket-bits';

/** Only while the live feed is down: re-read the board this often. */
const FALLBACK_REFRESH_MS = 15_000;

/** How many months the compliance charts cover, this one included. */
const COMPLIANCE_MONTHS = 6;

/**
 * This month and `back` months before it, as YYYY-MM of the browser's calendar: compliance counts
 * each clock in the month of its calendar's zone, and the provider's people live in that zone.
 */
function monthsBack(back: number, now = new Date()): { from: string; to: string } {
  const ym = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  return { from: ym(new Date(now.getFullYear(), now.getMonth() - back, 1)), to: ym(now) };
}

function TimerTable({
  timers,
  testId,
  clients,
}: {
  timers: SlaTimer[];
  testId: string;
  /** Client organisation names by ID: which client each clock is owed to (QA). */
  clients: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const { format } = useLocalTime();
  const columns = t.ticketBrowser.columns;
  // On a phone (≤ 40rem, styles.css) each clock is a stacked card whose cells carry their
  // column's name (data-label); the table stays a table for screen readers (QA).
  return (
    <div className="table-wrap">
      <table data-testid={testId} className="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">{t.dashboard.ticket}</th>
            <th scope="col">{columns.client}</th>
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
              <td data-label={columns.client}>{clients.get(timer.organizationId) ?? '—'}</td>
              <td data-label={t.tickets.clockKind}>
                <span>
                  {t.tickets.clockKinds[timer.clock.kind] ?? timer.clock.kind}
                  <span className="muted small block">
                    {clockStatusText(timer.clock, t.tickets)}
                  </span>
                </span>
              </td>
              <td data-label={t.tickets.sla}>
                <span>
                  <SlaBadge status={timer.slaStatus} />
                </span>
              </td>
              <td data-label={t.tickets.deadline}>
                {timer.clock.deadline ? (
                  <time dateTime={timer.clock.deadline}>{format(timer.clock.deadline)}</time>
                ) : (
                  '—'
                )}
              </td>
              <td data-label={t.tickets.remaining}>
                {clockTimeText(timer.clock, t.tickets) ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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

/**
 * Managers: SLA timers (running, at risk, breached) that change on the page as tickets change
 * (the `ticketChanged` subscription; polling only while it is down), and compliance charts.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const range = useMemo(() => monthsBack(COMPLIANCE_MONTHS - 1), []);
  const query = useQuery(SLA_DASHBOARD, { fromMonth: range.from, toMonth: range.to });
  const { reload, data } = query;
  const [updatedAt, setUpdatedAt] = useState<number>();
  const ago = useAgo(updatedAt);
  const live = useTicketChanges(() => void reload());

  useEffect(() => {
    if (data) setUpdatedAt(Date.now());
  }, [data]);
  useEffect(() => {
    if (live === 'live') return;
    const timer = window.setInterval(() => void reload(), FALLBACK_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload, live]);

  const clients = useMemo(
    () => new Map((data?.organizations ?? []).map((o) => [o.id, o.name])),
    [data],
  );
  const running = data?.all.filter(
    (x) => x.clock.status === 'RUNNING' || x.clock.status === 'PAUSED',
  );

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <div className="title-row">
          <h1 id="page-title">{t.dashboard.title}</h1>
          <LiveBadge status={live} />
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
              <TimerTable timers={running} testId="timers" clients={clients} />
            )}
          </section>
          <div className="two-columns">
            <section className="card" aria-labelledby="at-risk-title">
              <h2 id="at-risk-title">{t.dashboard.atRisk}</h2>
              {data.atRisk.length === 0 ? (
                <p>{t.dashboard.noneAtRisk}</p>
              ) : (
                <TimerTable timers={data.atRisk} testId="at-risk" clients={clients} />
              )}
            </section>
            <section className="card" aria-labelledby="breached-title">
              <h2 id="breached-title">{t.dashboard.breached}</h2>
              {data.breached.length === 0 ? (
                <p>{t.dashboard.noneBreached}</p>
              ) : (
                <TimerTable timers={data.breached} testId="breached" clients={clients} />
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="compliance-title">
            <h2 id="compliance-title">{t.dashboard.complianceTitle}</h2>
            <p className="muted">{t.dashboard.complianceIntro(COMPLIANCE_MONTHS)}</p>
            <ComplianceCharts
              rows={data.compliance}
              months={monthRange(range.from, range.to)}
              organizations={data.organizations}
            />
          </section>
        </>
      )}
      <SatisfactionCard
        from={range.from}
        to={range.to}
        months={COMPLIANCE_MONTHS}
        refresh={updatedAt}
      />
    </div>
  );
}
