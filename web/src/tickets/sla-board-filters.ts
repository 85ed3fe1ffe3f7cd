import type { SlaBoardFilter } from '../api/tickets';
import { isId, searchChoice, searchWith } from '../router/search-choice';

/** The clocks the board can be narrowed to (`SlaTimerFilter.kind`). */
export const CLOCK_KINDS = ['triage', 'diagnosis', 'scheduling', 'progress'] as const;

/**
 * The board's filters a query string holds (`?cliente=<id>&reloj=<kind>`, the words «Mis
 * tickets» uses); what is missing or not understood means all, so a shared link never breaks the
 * board.
 */
export function boardFilterFromSearch(search: string): SlaBoardFilter {
  return {
    organizationId: searchChoice(search, 'cliente', isId, null),
    kind: searchChoice(search, 'reloj', CLOCK_KINDS, null),
  };
}

/** `search` with the board's filters set (others kept), as `?…` or ''. */
export function boardFilterToSearch(search: string, filter: SlaBoardFilter): string {
  return searchWith(search, { cliente: filter.organizationId, reloj: filter.kind });
}

/** A client or a clock is chosen: the board's lists, totals and compliance are of those only. */
export function isBoardFiltered(filter: SlaBoardFilter): boolean {
  return Boolean(filter.organizationId || filter.kind);
}

/** What the board's three lists say when empty: with a filter on, that they are empty for it. */
export function boardEmptyTexts(
  d: {
    noTimers: string;
    noneAtRisk: string;
    noneBreached: string;
    noTimersFiltered: string;
    noneAtRiskFiltered: string;
    noneBreachedFiltered: string;
  },
  filter: SlaBoardFilter,
): { running: string; atRisk: string; breached: string } {
  return isBoardFiltered(filter)
    ? {
        running: d.noTimersFiltered,
        atRisk: d.noneAtRiskFiltered,
        breached: d.noneBreachedFiltered,
      }
    : { running: d.noTimers, atRisk: d.noneAtRisk, breached: d.noneBreached };
}
