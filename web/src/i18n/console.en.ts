import { numberFormat } from '../../../src/shared/intl-formats';
import type { ConsoleMessages } from './console.es-mx';

/** How a ticket that is no longer open ended (`consoleEsMX`'s ENDED). */
const ENDED: Record<string, (day: string | null) => string> = {
  CLOSED: (day) => (day ? `was closed on ${day}` : 'is closed'),
  CANCELLED: (day) => (day ? `was cancelled on ${day}` : 'is cancelled'),
  OUT_OF_SCOPE: (day) => `was closed${day ? ` on ${day}` : ''} as out of scope`,
  NOT_FEASIBLE: (day) => `was closed${day ? ` on ${day}` : ''} as not feasible`,
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
    return `Ticket ${number} ${ended(day)}.`;
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
