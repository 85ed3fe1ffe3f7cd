import { useState } from 'react';
import { useTicketChanges } from '../api/live';
import { ORGANIZATIONS } from '../api/operations';
import { WORK_LIST, type QueueEntry } from '../api/planning';
import { TICKETS } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { LiveBadge } from '../components/live-badge';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { bySoonestDeadline, DeadlineCell, SlaBadge, TicketCells, TicketTable } from './ticket-bits';

/** The planning module's work list (L3-10): place, ticket, client (and its rank), state, SLA. */
function WorkListTable({ items, clients }: { items: QueueEntry[]; clients: Map<string, string> }) {
  const { t } = useI18n();
  const w = t.planning.workList;
  return (
    <div className="table-wrap">
      <table data-testid="queue">
        <thead>
          <tr>
            <th scope="col">{w.place}</th>
            <th scope="col">{t.tickets.number}</th>
            <th scope="col">{t.tickets.subject}</th>
            <th scope="col">{w.client}</th>
            <th scope="col">{t.tickets.state}</th>
            <th scope="col">{t.tickets.sla}</th>
            <th scope="col">{t.tickets.nextDeadline}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.ticketNumber}>
              <td>{e.position}</td>
              <TicketCells number={e.ticketNumber} subject={e.subject} category={e.category} />
              <td>
                {clients.get(e.organizationId) ?? '—'}
                <span className="muted small block">{w.clientRank(e.rank, e.urgent)}</span>
              </td>
              <td>{t.tickets.states[e.state] ?? e.state}</td>
              <td>
                <SlaBadge status={e.slaStatus} />
              </td>
              <DeadlineCell deadline={e.nextDeadline} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Agents' console: the work list across clients in the planning module's order (soonest SLA
 * deadline, then client urgency, rank and arrival); a search lists matching open tickets instead.
 */
export function ConsolePage() {
  const { t } = useI18n();
  const w = t.planning.workList;
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
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

  return (
    <section className="card" aria-labelledby="page-title">
      <div className="title-row">
        <h1 id="page-title">{t.console.title}</h1>
        <LiveBadge status={live} />
      </div>
      <p className="muted">{w.intro}</p>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === search) void current.reload();
          else setSearch(text.trim());
        }}
      >
        <div className="field inline">
          <label htmlFor="console-search">{t.console.search}</label>
          <input
            id="console-search"
            type="search"
            value={text}
            aria-describedby="console-search-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t.console.refresh}
        </button>
        <p className="hint" id="console-search-hint">
          {t.console.searchHint}
        </p>
      </form>
      <h2>{search ? w.searchResults : w.title}</h2>
      <ErrorMessage error={current.error} />
      {current.loading && count === undefined && <p role="status">{t.loading}</p>}
      {count === 0 && <p>{t.tickets.empty}</p>}
      {search && results && results.length > 0 && (
        <TicketTable items={results} testId="queue" showAssignee />
      )}
      {!search && work.data && work.data.workList.length > 0 && (
        <WorkListTable items={work.data.workList} clients={clients} />
      )}
    </section>
  );
}
