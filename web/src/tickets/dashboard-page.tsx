import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTicketChanges } from '../api/live';
import { useTimeLeftRefresh } from '../api/time-left-refresh';
import { SLA_DASHBOARD, type SlaBoardFilter, type SlaTimer } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { LiveBadge } from '../components/live-badge';
import { ClientSelect } from '../components/client-select';
import { FilterSelect } from '../components/filter-select';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link, replaceSearch } from '../router/router';
import { offeredChoice } from '../router/search-choice';
import { clockStatusText, clockTimeText, clockTimeWords } from './clock-texts';
import { ClockTimeLeft } from './clock-time-left';
import { ComplianceCharts, monthRange } from './compliance-charts';
import { SatisfactionCard } from './satisfaction-card';
import {
  boardEmptyTexts,
  boardFilterFromSearch,
  boardFilterToSearch,
  CLOCK_KINDS,
  isBoardFiltered,
} from './sla-board-filters';
import { disjointAtRiskAndBreached } from './sla-board-lists';
import { CountsFromLine, SlaBadge, ticketPath, useLocalTime, ZoneNameLine } from './ticket-bits';

/** Only while the live feed is down: re-read the board this often. */
const FALLBACK_REFRESH_MS = 15_000;

/** Clocks a list shows at first, and how many more «Mostrar más» adds. */
const PAGE = 200;

/** The API's largest page (`SlaTimerFilter.first`): «Mostrar más» raises `first` up to it. */
const MAX_PAGE = 1000;

type ListName = 'all' | 'atRisk' | 'breached';

const FIRST_PAGES: Record<ListName, number> = { all: 1, atRisk: 1, breached: 1 };

/** How many clocks a list asks for after `pages` pages. */
const firstOf = (pages: number) => Math.min(pages * PAGE, MAX_PAGE);

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
  /** Client organization names by ID: which client each clock is owed to (QA). */
  clients: ReadonlyMap<string, string>;
}) {
  const { t, language } = useI18n();
  const { format, formatTime } = useLocalTime();
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
            <th scope="col">
              {t.tickets.deadline}
              {/* As on the ticket page (QA S59: a client's calendar may run in another zone). */}
              <ZoneNameLine />
            </th>
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
                  {/* Outside business time: when it counts again (QA S59, as the ticket says). */}
                  <CountsFromLine countsFrom={timer.clock.countsFrom} />
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
                <ClockTimeLeft
                  clock={timer.clock}
                  text={clockTimeText(timer.clock, clockTimeWords[language], formatTime)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One list of the board: its total in the heading, and while it shows fewer than that, which ones
 * it shows and «Mostrar más» (S17-E: 200 of 350 clocks without a word hid breaches).
 */
function TimerListCard({
  id,
  title,
  empty,
  timers,
  total,
  first,
  breaches = false,
  loading,
  onMore,
  testId,
  clients,
}: {
  id: string;
  title: string;
  empty: string;
  timers: SlaTimer[];
  total: number;
  first: number;
  breaches?: boolean;
  loading: boolean;
  onMore: () => void;
  testId: string;
  clients: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const d = t.dashboard;
  const partial = timers.length < total;
  // «Mostrar más» may disappear with the last page: focus moves to the first clock it brought
  // rather than falling back to the top of the document.
  const card = useRef<HTMLElement>(null);
  const [focusFrom, setFocusFrom] = useState<number>();
  useEffect(() => {
    if (focusFrom === undefined || timers.length <= focusFrom) return;
    card.current?.querySelectorAll<HTMLElement>('tbody tr a')[focusFrom]?.focus();
    setFocusFrom(undefined);
  }, [focusFrom, timers.length]);
  return (
    <section className="card" aria-labelledby={id} ref={card}>
      <h2 id={id}>{d.total(title, total)}</h2>
      {timers.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          {partial && (
            <p className="muted" data-testid={`${testId}-shown`}>
              {d.shownOf(timers.length, total, breaches)}
            </p>
          )}
          <TimerTable timers={timers} testId={testId} clients={clients} />
          {partial &&
            (first < MAX_PAGE ? (
              <button
                type="button"
                className="button"
                disabled={loading}
                onClick={() => {
                  setFocusFrom(timers.length);
                  onMore();
                }}
              >
                {d.showMore}
              </button>
            ) : (
              <p className="muted small">{d.pageCap(MAX_PAGE)}</p>
            ))}
        </>
      )}
    </section>
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
  const d = t.dashboard;
  const range = useMemo(() => monthsBack(COMPLIANCE_MONTHS - 1), []);
  // The filters live in the address (shareable, kept by a bookmark and across live reloads).
  const [filter, setFilter] = useState<SlaBoardFilter>(() =>
    boardFilterFromSearch(window.location.search),
  );
  const [pages, setPages] = useState(FIRST_PAGES);
  useEffect(() => {
    const search = boardFilterToSearch(window.location.search, filter);
    if (search !== window.location.search) {
      replaceSearch(search);
    }
  }, [filter]);
  const changeFilter = (patch: Partial<SlaBoardFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages(FIRST_PAGES);
  };
  const more = (list: ListName) => setPages((p) => ({ ...p, [list]: p[list] + 1 }));
  const query = useQuery(SLA_DASHBOARD, {
    fromMonth: range.from,
    toMonth: range.to,
    ...filter,
    firstAll: firstOf(pages.all),
    firstAtRisk: firstOf(pages.atRisk),
    firstBreached: firstOf(pages.breached),
  });
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
  // Time left and lateness are computed when read: while the feed is live, a board that shows
  // clocks reads them again each minute (the fallback above reads more often while it is down).
  const reread = useCallback(() => void reload(), [reload]);
  const showsClocks = Boolean(
    data && (data.all.length > 0 || data.atRisk.length > 0 || data.breached.length > 0),
  );
  useTimeLeftRefresh(reread, live === 'live' && showsClocks);

  const clients = useMemo(
    () => new Map((data?.organizations ?? []).map((o) => [o.id, o.name])),
    [data],
  );
  const clientOrgs = (data?.organizations ?? []).filter((o) => o.kind === 'CLIENT');
  // A client of the address that the board does not offer (gone, a bad link) goes, once known,
  // as on the ticket list: the board is not filtered by a choice «Cliente» shows as «Todos».
  const clientIds = useMemo(
    () => data?.organizations.filter((o) => o.kind === 'CLIENT').map((o) => o.id),
    [data],
  );
  useEffect(() => {
    if (!clientIds) return;
    setFilter((f) => {
      const organizationId = offeredChoice(f.organizationId, clientIds, null);
      return organizationId === f.organizationId ? f : { ...f, organizationId };
    });
  }, [clientIds]);
  // One clock is never both at risk and breached on the board, whatever order the lists were read.
  const lists = useMemo(() => data && disjointAtRiskAndBreached(data), [data]);
  const counts = lists?.counts;
  const empty = boardEmptyTexts(d, filter);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <div className="title-row">
          <h1 id="page-title">{d.title}</h1>
          <LiveBadge status={live} />
          <p
            className="muted small"
            aria-live="off"
            data-testid="updated"
            data-updated-at={updatedAt}
          >
            {d.updated(ago)}
          </p>
          <button type="button" className="button small" onClick={() => void reload()}>
            {d.refreshNow}
          </button>
        </div>
        <p className="muted">{d.intro}</p>
        <form
          className="toolbar ticket-filters"
          role="search"
          aria-label={d.filters}
          onSubmit={(e) => e.preventDefault()}
        >
          <ClientSelect
            id="board-client"
            label={d.client}
            value={filter.organizationId ?? ''}
            onChange={(organizationId) => changeFilter({ organizationId: organizationId || null })}
            organizations={clientOrgs}
            allLabel={d.allClients}
          />
          <FilterSelect
            id="board-clock"
            label={t.tickets.clockKind}
            value={filter.kind ?? ''}
            onChange={(kind) => changeFilter({ kind: kind || null })}
            options={[
              ['', d.allClocks],
              ...CLOCK_KINDS.map((kind) => [kind, t.tickets.clockKinds[kind] ?? kind] as const),
            ]}
          />
        </form>
        <ErrorMessage error={query.error} />
        {query.loading && !data && <p role="status">{t.loading}</p>}
      </section>
      {data && lists && counts && (
        <>
          <TimerListCard
            id="timers-title"
            title={d.timers}
            empty={empty.running}
            timers={data.all}
            total={counts.running + counts.paused}
            first={firstOf(pages.all)}
            loading={query.loading}
            onMore={() => more('all')}
            testId="timers"
            clients={clients}
          />
          {/* At risk and breached each take the full width, as the running clocks do: side by
              side at 1280 px their tables scrolled inside half a page, and the deadline and the
              time left (what a manager opens them for) were off-screen (QA S22). */}
          <TimerListCard
            id="at-risk-title"
            title={d.atRisk}
            empty={empty.atRisk}
            timers={lists.atRisk}
            total={counts.atRisk}
            first={firstOf(pages.atRisk)}
            loading={query.loading}
            onMore={() => more('atRisk')}
            testId="at-risk"
            clients={clients}
          />
          <TimerListCard
            id="breached-title"
            title={d.breached}
            empty={empty.breached}
            timers={lists.breached}
            total={counts.breached}
            first={firstOf(pages.breached)}
            breaches
            loading={query.loading}
            onMore={() => more('breached')}
            testId="breached"
            clients={clients}
          />
          <section className="card" aria-labelledby="compliance-title">
            <h2 id="compliance-title">{d.complianceTitle}</h2>
            <p className="muted">
              {d.complianceIntro(COMPLIANCE_MONTHS)}
              {isBoardFiltered(filter) && ` ${d.complianceFiltered}`}
            </p>
            <ComplianceCharts
              rows={data.compliance}
              months={monthRange(range.from, range.to)}
              organizations={data.organizations}
              filter={filter}
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
