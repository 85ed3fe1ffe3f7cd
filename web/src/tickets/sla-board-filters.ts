import type { SlaBoardFilter } from '../api/tickets';

/** The clocks the board can be narrowed to (`SlaTimerFilter.kind`). */
export const CLOCK_KINDS = ['triage', 'diagnosis', 'scheduling', 'progress'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The board's filters a query string holds (`?cliente=<id>&reloj=<kind>`, the words «Mis
 * tickets» uses); what is missing or not understood means all, so a shared link never breaks the
 * board.
 */
export function boardFilterFromSearch(search: string): SlaBoardFilter {
  const params = new URLSearchParams(search);
  const client = params.get('cliente');
  const kind = params.get('reloj');
  return {
    organizationId: client && UUID.test(client) ? client : null,
    kind: kind && (CLOCK_KINDS as readonly string[]).includes(kind) ? kind : null,
  };
}

/** `search` with the board's filters set (others kept), as `?…` or ''. */
export function boardFilterToSearch(search: string, filter: SlaBoardFilter): string {
  const params = new URLSearchParams(search);
  if (filter.organizationId) params.set('cliente', filter.organizationId);
  else params.delete('cliente');
  if (filter.kind) params.set('reloj', filter.kind);
  else params.delete('reloj');
  const text = params.toString();
  return text ? `?${text}` : '';
}
