import { useEffect, useState } from 'react';
import { useTicketChanges } from '../api/live';
import { ORGANIZATIONS } from '../api/operations';
import { WORK_LIST } from '../api/planning';
import { TICKETS } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { LiveBadge } from '../components/live-badge';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { WorkListTable } from '../queue/work-list-table';
import { Link, replaceSearch } from '../router/router';
import { searchWith } from '../router/search-choice';
import { bySoonestDeadline, TicketTable } from './ticket-bits';

/**
 * Agents' console: the work list across clients in the planning module's order (SLA at stake,
 * then deliveries at risk, then client urgency, rank and arrival); a search lists matching open
 * tickets instead.
 */
export function ConsolePage() {
  const { t } = useI18n();
  const w = t.planning.workList;
  // The search lives in the address (`?q=`), as the ticket list's filters do: a reload, or Back
  // from a ticket or from «Tickets», finds it again (QA S60).
  const [search, setSearch] = useState(() =>
    (new URLSearchParams(window.location.search).get('q') ?? '').trim().slice(0, 200),
  );
  const [text, setText] = useState(search);
  useEffect(() => {
    const wanted = searchWith(window.location.search, { q: search });
    if (wanted !== window.location.search) replaceSearch(wanted);
  }, [search]);
  const work = useQuery(WORK_LIST, { first: 200 }, search !== '');
  const found = useQuery(
    TICKETS,
    { filter: { openOnly: true, text: search }, first: 200 },
    search === '',
  );
  const orgs = useQuery(ORGANIZATIONS, {});
  const clients = new Map((orgs.data?.organizations ?? []).map((o) => [o.id, o.name]));
  const results = found.data ? [...found.data.tickets.items].sort(bySoonestDeadline) : undefined;
  const current = search ? found : work;
  const count = search ? results?.length : work.data?.workList.length;
  // New tickets, moved clocks and states reach the work list (or the search) as they happen.
  const live = useTicketChanges(() => void current.reload());
  // The button says what pressing it does: search for what was typed, go back to the work list
  // once the field is emptied, or read the list shown again.
  const typed = text.trim();
  const action =
    typed === search ? t.console.refresh : typed === '' ? t.console.showWorkList : t.console.find;

  return (
    <section className="card" aria-labelledby="page-title">
      <div className="title-row">
        <h1 id="page-title">{t.console.title}</h1>
        <LiveBadge status={live} />
      </div>
      <p className="muted">{w.intro}</p>
      <form
        className="toolbar ticket-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed === search) void current.reload();
          else setSearch(typed);
        }}
      >
        <div className="field inline">
          <label htmlFor="console-search">{t.console.search}</label>
          <input
            id="console-search"
            type="search"
            value={text}
            maxLength={200}
            aria-describedby="console-search-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {action}
        </button>
        <p className="hint" id="console-search-hint">
          {t.console.searchHint}
        </p>
      </form>
      <h2>{search ? w.searchResults : w.title}</h2>
      <ErrorMessage error={current.error} />
      {current.loading && count === undefined && <p role="status">{t.loading}</p>}
      {count === 0 && !search && <p>{t.tickets.empty}</p>}
      {count === 0 && search && (
        // The console searches open tickets only (QA S60: a closed ticket's number found nothing,
        // without a word on where it is): the ticket list searches every state and everyone's.
        <p data-testid="console-no-open-match">
          {t.console.noOpenMatch(search)}{' '}
          <Link
            to={`/tickets?${new URLSearchParams({ q: search, mostrar: 'todos', mios: '0' }).toString()}`}
          >
            {t.console.searchAllTickets}
          </Link>
        </p>
      )}
      {search && results && results.length > 0 && (
        <TicketTable items={results} testId="queue" showAssignee />
      )}
      {!search && work.data && work.data.workList.length > 0 && (
        <WorkListTable items={work.data.workList} clients={clients} />
      )}
    </section>
  );
}
