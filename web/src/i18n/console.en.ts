import { numberFormat } from '../../../src/shared/intl-formats';
import type { ConsoleMessages } from './console.es-mx';

/** How a ticket that is no longer open ended (`consoleEsMX`'s ENDED). */
const ENDED: Record<string, { how: string; since: string }> = {
  CLOSED: { how: 'is closed', since: 'Closed' },
  CANCELLED: { how: 'is cancelled', since: 'Cancelled' },
  OUT_OF_SCOPE: { how: 'was closed as out of scope', since: 'Closed' },
  NOT_FEASIBLE: { how: 'was closed as not feasible', since: 'Closed' },
};

/** English texts of the agents' console. */
export const consoleEn: ConsoleMessages = {
  title: 'Console',
  intro: 'Open tickets of every client, soonest deadline first.',
  search: 'Search',
  searchHint: 'Searches open tickets: number, subject, description or conversation.',
  refresh: 'Refresh',
  find: 'Search',
  showWorkList: 'Show the work list',
  noOpenMatch: (text) => `No open ticket matches “${text}”.`,
  searchAllTickets: 'Search closed and cancelled ones too, in Tickets',
  noMatchAtAll: (text) => `No ticket, open or closed, matches “${text}”.`,
  endedTicket: (number, state, day) => {
    const ended = ENDED[state] ?? ENDED.CLOSED;
    return `Ticket ${number} exists and ${ended.how}${day ? ` (${ended.since} on ${day})` : ''}.`;
  },
  openTicket: (number) => `Open ticket ${number}`,
  endedMatches: (text, count) => {
    const some =
      typeof count === 'object'
        ? `more than ${numberFormat('en', {}).format(count.moreThan)} closed or cancelled tickets do`
        : count === 1
          ? 'one closed or cancelled ticket does'
          : `${numberFormat('en', {}).format(count)} closed or cancelled tickets do`;
    return `No open ticket matches “${text}”, but ${some}.`;
  },
  showEndedMatches: (count) => (count === 1 ? 'Show it in Tickets' : 'Show them in Tickets'),
};
