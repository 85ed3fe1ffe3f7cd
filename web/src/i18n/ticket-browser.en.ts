import { numberFormat } from '../../../src/shared/intl-formats';
import type { TicketBrowserMessages } from './ticket-browser.es-mx';

/** English texts of the ticket list's filters, pages and CSV export (My tickets; staff: Tickets). */
export const ticketBrowserEn: TicketBrowserMessages = {
  staffAllIntro: "The clients' tickets, with their state and next SLA deadline.",
  filters: 'Filter tickets',
  search: 'Search',
  searchHint: 'Number, subject, description or conversation.',
  show: 'Show',
  shows: {
    ALL: 'All',
    OPEN: 'Open',
    AWAITING: 'Awaiting authorization',
    ANSWER: 'Waiting on my reply',
    CLOSED: 'Closed',
  },
  awaitingNotice: (n) =>
    n === 1
      ? 'One estimate or change order awaits your written authorization.'
      : `${n} estimates or change orders await your written authorization.`,
  showAwaiting: 'Show pending',
  category: 'Category',
  anyCategory: 'All',
  client: 'Client',
  anyClient: 'All',
  mineOnly: 'Only assigned to me',
  sla: 'SLA status',
  anySla: 'All',
  agent: 'Agent',
  anyAgent: 'All',
  assigneeHint:
    'Choosing an agent unticks “Only assigned to me”; ticking it sets “Agent” back to “All”.',
  apply: 'Apply',
  clear: 'Clear filters',
  order: 'Sort by',
  orders: {
    NEWEST: 'Newest',
    OLDEST: 'Oldest',
    RECENTLY_UPDATED: 'Recent activity',
    NEXT_DEADLINE: 'Next due (SLA or delivery)',
  },
  sortBy: (column) => `Sort by ${column.toLowerCase()}`,
  timesIn: (zone) => `Dates and times in your zone: ${zone}.`,
  showing: (n, total, order = 'NEWEST') => {
    if (total === undefined)
      return order === 'NEWEST' ? `Showing the ${n} most recent…` : `Showing the first ${n}…`;
    const of =
      typeof total === 'number'
        ? `${total}`
        : `more than ${numberFormat('en', {}).format(total.moreThan)}`;
    if (typeof total === 'object' || n < total)
      return order === 'NEWEST'
        ? `Showing the ${n} most recent of ${of}.`
        : `Showing the first ${n} of ${of}.`;
    return n === 1 ? 'One ticket.' : `${n} tickets.`;
  },
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  noMatch: 'No ticket matches the filters.',
  noMatchMine:
    'No ticket assigned to you matches the filters. Those without an agent yet are on the Console.',
  showEveryones: 'Show everyone’s',
  exportCsv: 'Export CSV',
  exporting: 'Exporting…',
  exported: (n) => (n === 1 ? 'Downloaded 1 ticket as CSV.' : `Downloaded ${n} tickets as CSV.`),
  exportCapped: (n, order = 'NEWEST') =>
    order === 'NEWEST'
      ? `Downloaded the ${n} most recent tickets; filter to export the rest.`
      : `Downloaded the first ${n} tickets of the list; filter to export the rest.`,
  exportedRows: (n) => (n === 1 ? 'Downloaded 1 row as CSV.' : `Downloaded ${n} rows as CSV.`),
  due: {
    yourAnswer: 'Waiting for your reply',
    yourAuthorization: 'Waiting for your authorization',
    approverAuthorization: 'Waiting for your approver’s authorization',
    pausedOnClient: 'Paused: waiting on the client',
    onClient: 'Waiting on the client',
    remoteSession: 'Remote session',
    calculating: 'Calculating deadline…',
    left: (time) => `Left: ${time}`,
  },
  columns: {
    number: 'Number',
    client: 'Client',
    subject: 'Subject',
    category: 'Category',
    state: 'State',
    sla: 'SLA',
    nextDeadline: 'Next deadline',
    releaseDate: 'Delivery date',
    updatedAt: 'Last activity',
    registeredAt: 'Registered',
    assignee: 'Assigned to',
  },
};
