import {
  apiFilterOf,
  CLOSED_STATES,
  defaultFilters,
  filtersFromSearch,
  filtersToSearch,
  isFiltered,
} from '../../../web/src/tickets/ticket-filters';
import { TERMINAL_STATES } from '../../../workflows/ticket/ticket.contract';

// «Mis tickets» filters (L3-05 unlimited tickets need a searchable list): what each choice asks
// the API for, that a client's list never asks for another organisation or assignee, and the
// address that keeps them (Back from a ticket, a bookmark).

describe('ticket list filters', () => {
  const client = defaultFilters(false);
  const agent = defaultFilters(true);

  it('asks for everything by default; an agent for theirs', () => {
    expect(apiFilterOf(client, false, 'u1')).toEqual({});
    expect(apiFilterOf(agent, true, 'u1')).toEqual({ assigneeId: 'u1' });
    // A manager (not an agent) starts on every client's tickets.
    expect(apiFilterOf(defaultFilters(false), true, 'u1')).toEqual({});
    expect(isFiltered(agent, agent)).toBe(false);
  });

  it('maps open, closed, category and trimmed text', () => {
    const open = { ...client, show: 'OPEN' as const, text: '  factura ' };
    expect(apiFilterOf(open, false, 'u1')).toEqual({ openOnly: true, text: 'factura' });
    const closed = { ...client, show: 'CLOSED' as const, category: 'INCIDENT' as const };
    expect(apiFilterOf(closed, false, 'u1')).toEqual({
      states: CLOSED_STATES,
      category: 'INCIDENT',
    });
    // The states the workflow ends in, no more and no less.
    expect(new Set(CLOSED_STATES)).toEqual(new Set(TERMINAL_STATES));
    expect(isFiltered(open, client)).toBe(true);
    expect(isFiltered({ ...client, text: '   ' }, client)).toBe(false);
  });

  it('sends the client and "assigned to me" choices for staff only', () => {
    const chosen = { ...agent, client: 'org-2', mine: false };
    expect(apiFilterOf(chosen, true, 'u1')).toEqual({ organizationId: 'org-2' });
    expect(apiFilterOf(chosen, false, 'u1')).toEqual({});
    expect(apiFilterOf({ ...agent, client: 'org-2' }, false, 'u1')).toEqual({});
  });

  it('keeps the choices that differ from the defaults in the address, and reads them back', () => {
    expect(filtersToSearch(agent, agent)).toBe('');
    const chosen = {
      text: ' nómina, enero ',
      show: 'CLOSED' as const,
      category: 'INCIDENT' as const,
      client: 'org-2',
      mine: false,
      order: 'NEXT_DEADLINE' as const,
    };
    const search = filtersToSearch(chosen, agent);
    expect(search).toBe(
      '?q=n%C3%B3mina%2C+enero&mostrar=closed&categoria=INCIDENT&cliente=org-2&mios=0&orden=next_deadline',
    );
    expect(filtersFromSearch(search, agent)).toEqual({ ...chosen, text: 'nómina, enero' });
    // Nothing, or nonsense, keeps the defaults.
    expect(filtersFromSearch('', agent)).toEqual(agent);
    expect(filtersFromSearch('?mostrar=todo&categoria=DROP&mios=x&orden=al_azar', client)).toEqual(
      client,
    );
  });

  it('«Por autorizar» asks for the tickets awaiting an approver, and is kept in the address (L3-09)', () => {
    const awaiting = { ...client, show: 'AWAITING' as const };
    expect(apiFilterOf(awaiting, false, 'u1')).toEqual({ awaitingAuthorization: true });
    expect(filtersToSearch(awaiting, client)).toBe('?mostrar=awaiting');
    expect(filtersFromSearch('?mostrar=awaiting', client)).toEqual(awaiting);
    expect(isFiltered(awaiting, client)).toBe(true);
  });

  it('treats the order as a choice of the address, not as a filter', () => {
    const oldest = { ...client, order: 'OLDEST' as const };
    expect(isFiltered(oldest, client)).toBe(false);
    expect(apiFilterOf(oldest, false, 'u1')).toEqual({});
    expect(filtersFromSearch(filtersToSearch(oldest, client), client)).toEqual(oldest);
  });
});
