import type { TicketCategory, TicketFilter } from '../api/tickets';

// What the ticket list's filter form means for the API's `tickets(filter)`. Pure (unit-tested).

/** The states a ticket ends in (the workflow's TERMINAL_STATES). */
export const CLOSED_STATES = ['CLOSED', 'OUT_OF_SCOPE', 'NOT_FEASIBLE', 'CANCELLED'];

export type TicketShow = 'ALL' | 'OPEN' | 'CLOSED';

export interface TicketListFilters {
  readonly text: string;
  readonly show: TicketShow;
  readonly category: TicketCategory | '';
  /** Staff only: one client organisation ('' = all). */
  readonly client: string;
  /** Staff only: only the tickets assigned to them. */
  readonly mine: boolean;
}

export const DEFAULT_FILTERS: TicketListFilters = {
  text: '',
  show: 'ALL',
  category: '',
  client: '',
  mine: true,
};

/**
 * The API filter of the form's choices. A client's list is always their organisation's (the API
 * enforces it); the client and "assigned to me" choices are provider staff's only.
 */
export function apiFilterOf(
  filters: TicketListFilters,
  staff: boolean,
  userId: string | undefined,
): TicketFilter {
  const text = filters.text.trim();
  return {
    ...(text ? { text } : {}),
    ...(filters.show === 'OPEN' ? { openOnly: true } : {}),
    ...(filters.show === 'CLOSED' ? { states: CLOSED_STATES } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(staff && filters.client ? { organizationId: filters.client } : {}),
    ...(staff && filters.mine && userId ? { assigneeId: userId } : {}),
  };
}

/** Whether the form differs from its defaults («Quitar filtros» is offered then). */
export function isFiltered(filters: TicketListFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as (keyof TicketListFilters)[]).some((k) =>
    k === 'text' ? filters.text.trim() !== '' : filters[k] !== DEFAULT_FILTERS[k],
  );
}
