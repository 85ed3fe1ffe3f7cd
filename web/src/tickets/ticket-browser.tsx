import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTicketChanges } from '../api/live';
import {
  AGENT_FILTER_CHOICES,
  TICKET_COUNT,
  TICKETS,
  TICKET_ORDERS,
  type TicketFilter,
  type TicketListCategory,
  type TicketOrder,
  type TicketSummary,
} from '../api/tickets';
import { ClientSelect, useClientOrganizations } from '../components/client-select';
import { ErrorMessage } from '../components/error-message';
import { FilterSelect } from '../components/filter-select';
import { LiveBadge } from '../components/live-badge';
import { useQuery } from '../components/use-query';
import { replaceSearch } from '../router/router';
import { useI18n } from '../i18n/i18n-context';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { csvDateTime, csvFileName, toCsv } from './csv';
import { downloadText } from '../components/download-file';
import { listedKindText, slaText, stateText, TicketTable, useLocalTime } from './ticket-bits';
import { zoneTitle } from '../i18n/zone-name';
import {
  apiFilterOf,
  defaultFilters,
  filtersFromSearch,
  showsFor,
  filtersToSearch,
  isFiltered,
  LIST_CATEGORIES,
  SLA_STATUSES,
  type SlaStatusChoice,
  type TicketListFilters,
  type TicketShow,
  withChoice,
  withKnownChoices,
} from './ticket-filters';

/** Tickets per page of the list (the API answers at most 100 per request). */
const PAGE = 25;
const MAX_REQUEST = 100;
/** The CSV export's limit: past it, the newest this many go and the user is told to filter. */
const EXPORT_CAP = 5_000;

type Call = ReturnType<typeof useSession>['call'];

/** Up to `count` tickets of `filter` in `orderBy`, in requests of at most 100; and what follows. */
async function readTickets(
  call: Call,
  filter: TicketFilter,
  orderBy: TicketOrder,
  count: number,
  after?: string,
): Promise<{ items: TicketSummary[]; next: string | null }> {
  const items: TicketSummary[] = [];
  let next: string | null = after ?? null;
  do {
    const first = Math.min(MAX_REQUEST, count - items.length);
    const page = (await call(TICKETS, { filter, first, orderBy, ...(next ? { after: next } : {}) }))
      .tickets;
    items.push(...page.items);
    next = page.nextCursor;
  } while (next && items.length < count);
  return { items, next };
}

/**
 * The list counts its matches up to this many, then says «más de 1,000»: over 100,000 tickets, a
 * search whose words are in most of them counts in about 35 ms that way, and in about 1 s in full
 * (docs/PERFORMANCE.md, session 46).
 */
const COUNT_AT_MOST = 1000;

interface Pages {
  readonly items: TicketSummary[] | undefined;
  /**
   * How many tickets the filter matches over every page (as of the last read from the start), or
   * more than {@link COUNT_AT_MOST}.
   */
  readonly total: number | { moreThan: number } | undefined;
  readonly more: boolean;
  readonly loading: boolean;
  readonly error: unknown;
  /** The filter and order `items` answer (another while a new choice is read). */
  readonly itemsKey: string | undefined;
}

/**
 * The tickets of `filter` in `order` page by page: the first page on every filter or order change,
 * `loadMore` for the next, `reload` for the pages shown (a live change). Only the newest request's
 * answer shows.
 */
function useTicketPages(filter: TicketFilter, order: TicketOrder, refreshKey: number) {
  const { call } = useSession();
  const key = JSON.stringify({ filter, order });
  const [pages, setPages] = useState<Pages>({
    items: undefined,
    total: undefined,
    more: false,
    loading: true,
    error: undefined,
    itemsKey: undefined,
  });
  const newest = useRef(0);
  /** The newest read from the start: only its count shows (a «Cargar más» keeps the count). */
  const newestCount = useRef(0);
  const shown = useRef<{ count: number; next: string | null }>({ count: 0, next: null });

  const read = useCallback(
    async (count: number, append: boolean) => {
      const request = ++newest.current;
      const query = JSON.parse(key) as { filter: TicketFilter; order: TicketOrder };
      // The list's «de 34» is asked apart, at the same time: the page does not wait for it.
      if (!append) {
        const counting = ++newestCount.current;
        call(TICKET_COUNT, { filter: query.filter, atMost: COUNT_AT_MOST }).then(
          ({ tickets }) => {
            const total =
              tickets.totalCount > COUNT_AT_MOST ? { moreThan: COUNT_AT_MOST } : tickets.totalCount;
            if (counting === newestCount.current) setPages((p) => ({ ...p, total }));
          },
          // The count is a hint; the page's own request reports errors.
          () => undefined,
        );
      }
      setPages((p) => ({ ...p, loading: true }));
      try {
        const page = await readTickets(
          call,
          query.filter,
          query.order,
          count,
          append ? (shown.current.next ?? undefined) : undefined,
        );
        if (request !== newest.current) return;
        setPages((p) => {
          const items = append ? [...(p.items ?? []), ...page.items] : page.items;
          shown.current = { count: items.length, next: page.next };
          const itemsKey = append ? p.itemsKey : key;
          return {
            ...p,
            items,
            itemsKey,
            more: page.next !== null,
            loading: false,
            error: undefined,
          };
        });
      } catch (error) {
        if (request === newest.current) setPages((p) => ({ ...p, loading: false, error }));
      }
    },
    [call, key],
  );

  useEffect(() => {
    shown.current = { count: 0, next: null };
    // Another filter or order: the last one's count is not this one's.
    setPages((p) => ({ ...p, total: undefined }));
    void read(PAGE, false);
  }, [read]);
  const reload = useCallback(() => read(Math.max(PAGE, shown.current.count), false), [read]);
  useEffect(() => {
    if (refreshKey > 0) void reload();
  }, [refreshKey, reload]);

  const loadMore = useCallback(() => read(PAGE, true), [read]);
  // The last choice's tickets are not this one's: not shown as if they were (QA S18).
  return { ...pages, stale: pages.itemsKey !== key, reload, loadMore };
}

/**
 * The ticket list of «Mis tickets» (a client's organization's tickets) or staff's «Tickets» (an
 * agent's own by default, any client's on request), filtered by text, open or closed, category
 * (or classification: «Problema», «Requerimiento»),
 * and for staff client, SLA status and agent; newest first (or oldest, last changed, nearest SLA deadline: «Ordenar por» and the column
 * headers) in pages of {@link PAGE} with «Cargar más» (L3-05: tickets are unlimited); live; the
 * filters and order kept in the address (Back, bookmarks); exported as CSV in the same way.
 */
export function TicketBrowser({
  title,
  staff,
  refreshKey,
}: {
  title: string;
  staff: boolean;
  /** Bumped by the page after it registered a ticket: the list is read again. */
  refreshKey: number;
}) {
  const { t, language } = useI18n();
  const b = t.ticketBrowser;
  const { user, call } = useSession();
  const { zone } = useLocalTime();
  // Agents start on their own tickets; managers and administrators (assigned none) on everyone's.
  const defaults = useMemo(
    () => defaultFilters(staff && (user?.roles.includes('AGENT') ?? false)),
    [staff, user],
  );
  const [filters, setFilters] = useState(() => filtersFromSearch(window.location.search, defaults));
  const [text, setText] = useState(filters.text);
  const filter = apiFilterOf(filters, staff, user?.id);
  // The address follows the filters (replaced, not pushed): Back from a ticket finds them again.
  useEffect(() => {
    const search = filtersToSearch(filters, defaults);
    if (search !== window.location.search) replaceSearch(search);
  }, [filters, defaults]);
  const list = useTicketPages(filter, filters.order, refreshKey);
  // L3-09: an approver is told how many estimates wait for them, wherever the list is.
  const approver = !staff && user !== undefined && can.authorizeEstimates(user);
  const awaiting = useQuery(TICKET_COUNT, { filter: { awaitingAuthorization: true } }, !approver);
  const live = useTicketChanges(() => {
    void list.reload();
    if (approver) void awaiting.reload();
  });
  const awaitingCount = awaiting.data?.tickets.totalCount ?? 0;
  const organizations = useClientOrganizations(!staff);
  const { clients } = organizations;
  const clientNames = staff ? new Map(clients.map((o) => [o.id, o.name])) : undefined;
  // QA S62 #2: inactive staff who still hold open tickets stay choosable (marked), so their
  // tickets can be listed and handed over.
  const agentList = useQuery(AGENT_FILTER_CHOICES, {}, !staff).data?.agentFilterChoices;
  const agents = agentList ?? [];
  // A client or agent of the address that the choices do not hold goes (QA S18).
  const clientsRead = organizations.data !== undefined;
  useEffect(() => {
    if (!staff) return;
    setFilters((f) =>
      withKnownChoices(f, defaults, {
        clients: clientsRead ? clients.map((o) => o.id) : undefined,
        agents: agentList?.map((a) => a.id),
      }),
    );
  }, [staff, defaults, clientsRead, clients, agentList]);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string>();
  const [exportError, setExportError] = useState<unknown>();

  // A choice applies what the search box holds too: the list never differs from what the form shows.
  const change = (patch: Partial<TicketListFilters>) => {
    setExported(undefined);
    setFilters((f) => withChoice({ ...f, text }, patch));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === filters.text.trim()) void list.reload();
    else change({ text });
  };
  const clear = () => {
    setText('');
    change(defaults);
  };

  const exportCsv = async () => {
    setExporting(true);
    setExported(undefined);
    setExportError(undefined);
    try {
      const { items, next } = await readTickets(call, filter, filters.order, EXPORT_CAP);
      const c = b.columns;
      const header = [c.number, c.subject, ...(clientNames ? [c.client] : []), c.category];
      header.push(c.state, c.sla, c.nextDeadline, c.releaseDate, c.registeredAt, c.updatedAt);
      // Everyone: clients read the assigned agent on the ticket's page too («Agente asignado»).
      header.push(c.assignee);
      const rows = items.map((ticket) => [
        ticket.number,
        ticket.subject,
        ...(clientNames ? [clientNames.get(ticket.organizationId) ?? ''] : []),
        listedKindText(t, ticket),
        stateText(t, ticket.state, !staff, ticket.confirmedRemoteSessionAt),
        slaText(t, ticket),
        csvDateTime(ticket.nextDeadline, zone),
        csvDateTime(ticket.releaseDate, zone),
        csvDateTime(ticket.registeredAt, zone),
        csvDateTime(ticket.updatedAt, zone),
        ticket.assigneeName ?? '',
      ]);
      downloadText(csvFileName('tickets', zone), toCsv(header, rows));
      setExported(next ? b.exportCapped(items.length, filters.order) : b.exported(items.length));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  // While another choice is read, «Cargando…» rather than the last choice's rows under it (QA S18).
  const items = list.stale ? undefined : list.items;
  const intro = !staff ? t.tickets.intro : filters.mine ? t.tickets.staffIntro : b.staffAllIntro;
  return (
    <section className="card" aria-labelledby="page-title">
      <div className="title-row">
        <h1 id="page-title">{title}</h1>
        <LiveBadge status={live} />
      </div>
      <p className="muted">{intro}</p>
      {approver && awaitingCount > 0 && filters.show !== 'AWAITING' && (
        <div className="notice notice-info" data-testid="awaiting-notice">
          <p>
            {b.awaitingNotice(awaitingCount)}{' '}
            <button type="button" className="button" onClick={() => change({ show: 'AWAITING' })}>
              {b.showAwaiting}
            </button>
          </p>
        </div>
      )}
      <form
        className="toolbar ticket-filters"
        role="search"
        aria-label={b.filters}
        onSubmit={submit}
      >
        <div className="field inline">
          <label htmlFor="ticket-filter-text">{b.search}</label>
          <input
            id="ticket-filter-text"
            type="search"
            value={text}
            maxLength={200}
            aria-describedby="ticket-filter-text-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {b.apply}
        </button>
        {/* Right under the field it explains, on a line of its own (QA S51: after every filter,
            two or three rows below the field on staff's list). */}
        <p className="hint" id="ticket-filter-text-hint">
          {b.searchHint}
        </p>
        <FilterSelect
          id="ticket-filter-show"
          label={b.show}
          value={filters.show}
          options={showsFor(staff).map((show) => [show, b.shows[show] ?? show])}
          onChange={(show) => change({ show: show as TicketShow })}
        />
        <FilterSelect
          id="ticket-filter-category"
          label={b.category}
          value={filters.category}
          options={[
            ['', b.anyCategory],
            ...LIST_CATEGORIES.map((c): [string, string] => [
              c,
              t.tickets.classifications[c] ?? t.tickets.categories[c] ?? c,
            ]),
          ]}
          onChange={(category) => change({ category: category as TicketListCategory | '' })}
        />
        <FilterSelect
          id="ticket-filter-order"
          label={b.order}
          value={filters.order}
          options={TICKET_ORDERS.map((order) => [order, b.orders[order] ?? order])}
          onChange={(order) => change({ order: order as TicketOrder })}
        />
        {staff && (
          <>
            <ClientSelect
              id="ticket-filter-client"
              label={b.client}
              value={filters.client}
              onChange={(client) => change({ client })}
              organizations={clients}
              allLabel={b.anyClient}
            />
            <FilterSelect
              id="ticket-filter-sla"
              label={b.sla}
              value={filters.sla}
              options={[
                ['', b.anySla],
                ...SLA_STATUSES.map((s): [string, string] => [s, t.tickets.slaStatus[s] ?? s]),
              ]}
              onChange={(sla) => change({ sla: sla as SlaStatusChoice | '' })}
            />
            <FilterSelect
              id="ticket-filter-agent"
              label={b.agent}
              value={filters.agent}
              options={[
                ['', b.anyAgent],
                ...agents.map((a): [string, string] => [
                  a.id,
                  a.active ? a.displayName : `${a.displayName} ${t.ticketPage.inactivePerson}`,
                ]),
              ]}
              onChange={(agent) => change({ agent })}
              describedBy="ticket-filter-assignee-hint"
            />
            <label className="check">
              <input
                type="checkbox"
                checked={filters.mine}
                aria-describedby="ticket-filter-assignee-hint"
                onChange={(e) => change({ mine: e.target.checked })}
              />
              {b.mineOnly}
            </label>
          </>
        )}
        {isFiltered(filters, defaults) && (
          <button type="button" className="button ghost" onClick={clear}>
            {b.clear}
          </button>
        )}
        {staff && (
          <p className="hint" id="ticket-filter-assignee-hint">
            {b.assigneeHint}
          </p>
        )}
      </form>
      <ErrorMessage error={list.error} />
      {list.loading && !items && <p role="status">{t.loading}</p>}
      {items && items.length === 0 && staff && filters.mine && (
        // QA S20: an agent's first look showed «Ningún ticket coincide» while new, unassigned
        // tickets waited; say why and offer everyone's.
        <p data-testid="no-ticket-mine">
          {b.noMatchMine}{' '}
          <button type="button" className="button ghost" onClick={() => change({ mine: false })}>
            {b.showEveryones}
          </button>
        </p>
      )}
      {items && items.length === 0 && !(staff && filters.mine) && (
        <p>{isFiltered(filters, defaults) || staff ? b.noMatch : t.tickets.empty}</p>
      )}
      {items && items.length > 0 && (
        <>
          <TicketTable
            items={items}
            testId="my-tickets"
            showAssignee
            // Sorted by activity, its time takes the registration's column (the table stays as wide).
            showRegistered={filters.order !== 'RECENTLY_UPDATED'}
            showUpdated={filters.order === 'RECENTLY_UPDATED'}
            clients={clientNames}
            yourTurn={!staff}
            sort={{ order: filters.order, onSort: (order) => change({ order }) }}
          />
          <p className="muted small" data-testid="ticket-count">
            {b.showing(items.length, list.more ? list.total : items.length, filters.order)}
          </p>
          <p className="muted small" data-testid="ticket-times-zone">
            {b.timesIn(zoneTitle(zone, language))}
          </p>
        </>
      )}
      <div className="form-actions">
        {items && list.more && (
          <button
            type="button"
            className="button"
            disabled={list.loading}
            onClick={() => void list.loadMore()}
          >
            {list.loading ? b.loadingMore : b.loadMore}
          </button>
        )}
        {items && items.length > 0 && (
          <button
            type="button"
            className="button"
            disabled={exporting}
            onClick={() => void exportCsv()}
          >
            {exporting ? b.exporting : b.exportCsv}
          </button>
        )}
      </div>
      <div role="status">{exported && <p className="notice notice-success">{exported}</p>}</div>
      <ErrorMessage error={exportError} />
    </section>
  );
}
