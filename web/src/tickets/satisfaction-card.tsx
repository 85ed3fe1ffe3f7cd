import { useEffect, useRef } from 'react';
import { SATISFACTION_SUMMARY, type SatisfactionStats } from '../api/satisfaction';
import { ErrorMessage } from '../components/error-message';
import { PercentBarCell } from '../components/percent-bar-cell';
import { useQuery } from '../components/use-query';
import { formatPercent } from '../i18n/percent';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { ticketPath, useLocalTime } from './ticket-bits';

/** How many of each client's lowest ratings the card asks for. */
const LOWEST = 5;

/** A low rating: not satisfied (1–3). A 4 or 5 is never listed as «más baja» (QA S20). */
const LOW_SCORE = 3;

/** «12 de 40 (30 %)», or a dash when nothing could be rated. */
function responseText(
  stats: SatisfactionStats,
  words: (rated: number, ratable: number, percent: string) => string,
  language: string,
): string | null {
  const r = stats.responseRate;
  return r.percent === null ? null : words(r.rated, r.ratable, formatPercent(r.percent, language));
}

function StatsCells({ stats }: { stats: SatisfactionStats }) {
  const { t, language } = useI18n();
  const c = t.satisfaction;
  const number = new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (
    <>
      <td className="num" data-label={c.ratings}>
        {stats.ratings}
      </td>
      <td className="num" data-label={c.average}>
        {stats.averageScore === null ? '—' : number.format(stats.averageScore)}
      </td>
      <PercentBarCell
        percent={stats.satisfiedPercent}
        good={80}
        warn={60}
        label={c.satisfiedPercent}
        none={c.noneRated}
      />
      <td className="num nowrap" data-label={c.responseColumn}>
        {responseText(stats, t.satisfaction.responseOf, language) ?? '—'}
      </td>
    </>
  );
}

/**
 * Managers: customer satisfaction next to SLA compliance — per client and month the ratings,
 * average, % satisfied (4–5) and the response rate (L3-11: of the tickets closed, how many were
 * rated), and each client's lowest ratings with links to the tickets.
 */
export function SatisfactionCard({
  from,
  to,
  months,
  refresh,
}: {
  from: string;
  to: string;
  months: number;
  /** Changes when the page's live data refreshed (a ticket changed, e.g. a rating): reload. */
  refresh?: number;
}) {
  const { t, language } = useI18n();
  const c = t.satisfaction;
  const { format } = useLocalTime();
  const query = useQuery(SATISFACTION_SUMMARY, { from, to, lowest: LOWEST });
  const { reload } = query;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void reload();
  }, [refresh, reload]);
  const summary = query.data?.satisfactionSummary;
  const lowOnes = (summary?.organizations ?? [])
    .map((org) => ({ org, low: org.lowest.filter((r) => r.score <= LOW_SCORE) }))
    .filter(({ low }) => low.length > 0);
  const response = summary && responseText(summary.overall, c.responseRate, language);
  const monthName = new Intl.DateTimeFormat(language, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const decimals = new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

  return (
    <section className="card" aria-labelledby="satisfaction-title" data-testid="satisfaction-card">
      <h2 id="satisfaction-title">{c.cardTitle}</h2>
      <p className="muted">{c.cardIntro(months)}</p>
      <ErrorMessage error={query.error} />
      {query.loading && !summary && <p role="status">{t.loading}</p>}
      {summary && summary.overall.ratings === 0 && <p>{c.noRatings}</p>}
      {summary && summary.organizations.length > 0 && (
        <>
          {summary.overall.ratings > 0 && (
            <p data-testid="satisfaction-overall">
              <strong>
                {c.overall(
                  summary.overall.ratings,
                  decimals.format(summary.overall.averageScore ?? 0),
                  formatPercent(summary.overall.satisfiedPercent ?? 0, language),
                )}
              </strong>
            </p>
          )}
          {response && (
            <p data-testid="satisfaction-response">
              {response} <span className="muted small">{c.responseRateHint}</span>
            </p>
          )}
          <figure className="chart" aria-labelledby="satisfaction-table-title">
            <figcaption id="satisfaction-table-title" className="chart-title">
              {c.byClientTitle}
            </figcaption>
            <div className="table-wrap">
              {/* On a phone each row is a card of labelled lines, as the compliance tables
                  beside it (QA S22: its columns scrolled sideways at 390 px). */}
              <table className="bars stack-on-phone" data-testid="satisfaction-table">
                {/* A month counts ratings by when they were given and the response rate by when
                    the tickets closed: the group headings say so above their columns. */}
                <colgroup span={2} />
                <colgroup span={3} />
                <colgroup span={1} />
                <thead>
                  <tr>
                    <th scope="col" rowSpan={2}>
                      {c.client}
                    </th>
                    <th scope="col" rowSpan={2}>
                      {c.month}
                    </th>
                    <th scope="colgroup" colSpan={3} className="col-group">
                      {c.ratedInMonth}
                    </th>
                    <th scope="colgroup" className="col-group">
                      {c.closedInMonth}
                    </th>
                  </tr>
                  <tr>
                    <th scope="col" className="num">
                      {c.ratings}
                    </th>
                    <th scope="col" className="num">
                      {c.average}
                    </th>
                    <th scope="col" className="bar-col">
                      {c.satisfiedPercent}
                    </th>
                    <th scope="col" className="num">
                      {c.responseColumn}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {summary.organizations.flatMap((org) => [
                    ...org.months.map((m) => (
                      <tr key={`${org.organizationId}-${m.month}`}>
                        <th scope="row">{org.organizationName}</th>
                        <td className="capitalize" data-label={c.month}>
                          {monthName.format(new Date(`${m.month}-01T00:00:00Z`))}
                        </td>
                        <StatsCells stats={m} />
                      </tr>
                    )),
                    <tr key={`${org.organizationId}-total`}>
                      <th scope="row">
                        <strong>{org.organizationName}</strong>
                      </th>
                      <td data-label={c.month}>
                        <strong>{c.total}</strong>
                      </td>
                      <StatsCells stats={org.total} />
                    </tr>,
                  ])}
                </tbody>
              </table>
            </div>
          </figure>
          {summary.overall.ratings > 0 && <h3>{c.lowestTitle}</h3>}
          {summary.overall.ratings > 0 && lowOnes.length === 0 && (
            <p data-testid="satisfaction-no-low">{c.noLowRatings}</p>
          )}
          {lowOnes.map(({ org, low }) => (
            <div className="table-wrap" key={org.organizationId}>
              <table className="stack-on-phone" data-testid="satisfaction-lowest">
                <caption className="chart-title">{c.lowestOf(org.organizationName)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.ticket}</th>
                    <th scope="col">{c.score}</th>
                    <th scope="col">{c.commentColumn}</th>
                    <th scope="col">{c.date}</th>
                  </tr>
                </thead>
                <tbody>
                  {low.map((r) => (
                    <tr key={r.ticketNumber}>
                      <th scope="row">
                        <Link to={ticketPath(r.ticketNumber)} className="nowrap">
                          {r.ticketNumber}
                        </Link>
                        <span className="muted small block">{r.subject}</span>
                      </th>
                      <td data-label={c.score}>
                        {c.scoreOf(r.score)}
                        <span className="muted small block">{c.scores[r.score]}</span>
                      </td>
                      <td className="prewrap" data-label={c.commentColumn}>
                        {r.comment ?? '—'}
                      </td>
                      <td data-label={c.date}>
                        <time dateTime={r.ratedAt}>{format(r.ratedAt)}</time>
                        {r.ratedByName && (
                          <span className="muted small block">{r.ratedByName}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
