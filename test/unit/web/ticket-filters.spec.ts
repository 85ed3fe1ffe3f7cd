import {
  apiFilterOf,
  CLOSED_STATES,
  DEFAULT_FILTERS,
  isFiltered,
} from '../../../web/src/tickets/ticket-filters';
import { TERMINAL_STATES } from '../../../workflows/ticket/ticket.contract';

// «Mis tickets» filters (L3-05 unlimited tickets need a searchable list): what each choice asks
// the API for, and that a client's list never asks for another organisation or assignee.

describe('ticket list filters', () => {
  it('asks for everything by default; staff for theirs', () => {
    expect(apiFilterOf(DEFAULT_FILTERS, false, 'u1')).toEqual({});
    expect(apiFilterOf(DEFAULT_FILTERS, true, 'u1')).toEqual({ assigneeId: 'u1' });
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
  });

  it('maps open, closed, category and trimmed text', () => {
    const open = { ...DEFAULT_FILTERS, show: 'OPEN' as const, text: '  factura ' };
    expect(apiFilterOf(open, false, 'u1')).toEqual({ openOnly: true, text: 'factura' });
    const closed = { ...DEFAULT_FILTERS, show: 'CLOSED' as const, category: 'INCIDENT' as const };
    expect(apiFilterOf(closed, false, 'u1')).toEqual({
      states: CLOSED_STATES,
      category: 'INCIDENT',
    });
    // The states the workflow ends in, no more and no less.
    expect(new Set(CLOSED_STATES)).toEqual(new Set(TERMINAL_STATES));
    expect(isFiltered(open)).toBe(true);
    expect(isFiltered({ ...DEFAULT_FILTERS, text: '   ' })).toBe(false);
  });

  it('sends the client and "assigned to me" choices for staff only', () => {
    const chosen = { ...DEFAULT_FILTERS, client: 'org-2', mine: false };
    expect(apiFilterOf(chosen, true, 'u1')).toEqual({ organizationId: 'org-2' });
    expect(apiFilterOf(chosen, false, 'u1')).toEqual({});
    expect(apiFilterOf({ ...DEFAULT_FILTERS, client: 'org-2' }, false, 'u1')).toEqual({});
  });
});
