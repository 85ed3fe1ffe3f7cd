import { useEffect, useRef, useState } from 'react';
import { useTicketChanges } from '../api/live';
import { WORK_LIST } from '../api/planning';
import { SEARCHED_TICKET, TICKET_COUNT, TICKETS } from '../api/tickets';
import { useClientOrganizations } from '../components/client-select';
import { ErrorMessage } from '../components/error-message';
import { LiveBadge } from '../components/live-badge';
import { useQuery } from '../components/use-query';
import { currentYear } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { WorkListTable } from '../queue/work-list-table';
import { Link, replaceSearch } from '../router/router';
import { searchWith } from '../router/search-choice';
import { isTicketEnded, TERMINAL_STATES } from '../../../workflows/ticket/ticket-states';
import { endedDay, searchedTicketNumber, ticketListSearch } from './console-search';
import { bySoonestDeadline, TicketTable, ticketPath, useLocalTime } from './ticket-bits';

/** Past this many ended matches, «más de 1,000» (as the ticket list counts). */
const COUNT_AT_MOST = 1000;

/**
 * Agents' console: the work list across clients in the planning module's order (SLA at stake,
 * then deliveries at risk, then client urgency, rank and arrival); a search lists matching open
 * tickets instead, each with its client; a search that matches none says what matches among the
 * ended tickets (QA S60b #8).
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
  // Staff handle many clients: each result names its own, as the work list and «Tickets» do.
  const { organizations } = useClientOrganizations();
  const clients = new Map(organizations.map((o) => [o.id, o.name]));
  const results = found.data ? [...found.data.tickets.items].sort(bySoonestDeadline) : undefined;
  const current = search ? found : work;
  const count = search ? results?.length : work.data?.workList.length;
  // Each re-read of what is shown («Actualizar», a live change): the word on a search that matches
  // no open ticket is read again with it, not kept from when the search was made.
  const [reads, setReads] = useState(0);
  const readAgain = () => {
    void current.reload();
    setReads((n) => n + 1);
  };
  // New tickets, moved clocks and states reach the work list (or the search) as they happen.
  const live = useTicketChanges(readAgain);
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
          if (typed === search) readAgain();
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
        // Its own for each search: never the last search's answer while this one's is read.
        <NoOpenMatch key={search} search={search} reads={reads} />
      )}
      {search && results && results.length > 0 && (
        <TicketTable items={results} testId="queue" showAssignee clients={clients} />
      )}
      {!search && work.data && work.data.workList.length > 0 && (
        <WorkListTable items={work.data.workList} clients={clients} />
      )}
    </section>
  );
}

/**
 * A search that matches no open ticket: the ended ticket whose number it is, and when it ended;
 * or how many ended tickets its words match, with «Tickets» showing them; or that none matches at
 * all. Until the ended matches are read (or if they cannot be), where to look for them. Read again
 * whenever `reads` changes (the console re-read its results).
 */
function NoOpenMatch({ search, reads }: { search: string; reads: number }) {
  const { t, language } = useI18n();
  const { zone } = useLocalTime();
  const c = t.console;
  // A number's ticket is read by its number, however long ago it ended (the ended matches are
  // newest first, and other tickets may name the number too); one the reader may not see is
  // NOT_FOUND, and the words' count speaks instead.
  const number = searchedTicketNumber(search, currentYear(zone));
  const named = useQuery(SEARCHED_TICKET, { number: number ?? '' }, number === null);
  // Among the ended tickets the API lets the reader see.
  const ended = useQuery(TICKET_COUNT, {
    filter: { states: [...TERMINAL_STATES], text: search },
    atMost: COUNT_AT_MOST,
  });
  const { reload: readNamed } = named;
  const { reload: readEnded } = ended;
  const readFor = useRef(reads);
  useEffect(() => {
    if (readFor.current === reads) return;
    readFor.current = reads;
    void readEnded();
    if (number) void readNamed();
  }, [reads, number, readEnded, readNamed]);
  // An open ticket is the open search's to show (it is read again on the same change).
  const ticket = named.data && isTicketEnded(named.data.ticket.state) ? named.data.ticket : null;
  const namedRead = number === null || named.data !== undefined || named.error !== undefined;
  const count = ended.data?.tickets.totalCount;
  if (ticket)
    return (
      <p data-testid="console-no-open-match">
        {c.endedTicket(
          ticket.number,
          ticket.state,
          ticket.closedAt ? endedDay(ticket.closedAt, language, zone) : null,
        )}{' '}
        <Link to={ticketPath(ticket.number)}>{c.openTicket(ticket.number)}</Link>
        {' · '}
        <Link to={ticketListSearch(search, 'ALL')}>{c.searchAllTickets}</Link>
      </p>
    );
  if (namedRead && count === 0)
    return <p data-testid="console-no-open-match">{c.noMatchAtAll(search)}</p>;
  if (namedRead && count !== undefined) {
    const shown = count > COUNT_AT_MOST ? { moreThan: COUNT_AT_MOST } : count;
    return (
      <p data-testid="console-no-open-match">
        {c.endedMatches(search, shown)}{' '}
        <Link to={ticketListSearch(search, 'CLOSED')}>{c.showEndedMatches(shown)}</Link>
      </p>
    );
  }
  return (
    <p data-testid="console-no-open-match">
      {c.noOpenMatch(search)} <Link to={ticketListSearch(search, 'ALL')}>{c.searchAllTickets}</Link>
    </p>
  );
}
