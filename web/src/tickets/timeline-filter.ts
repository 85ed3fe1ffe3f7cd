import type { TimelineEntry } from './timeline-merge';

// «Solo conversación» on the ticket's history (QA, L3-07, L3-11): what people wrote, without the
// state and clock events, kept in the address (`?historial=conversacion`). Pure (unit-tested).

/** What the history shows: everything, or only what people wrote. */
export type HistoryFilter = 'all' | 'conversation';

const PARAM = 'historial';
const CONVERSATION = 'conversacion';

/** What the filter needs of an event (a subset of `TicketEvent`). */
export interface FilterableEvent {
  readonly type: string;
  readonly actorRole: string | null;
  readonly data: string;
}

/** The event's data object ({} when it is not JSON). */
export function eventData(data: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(data) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    // Not JSON: nothing to show.
    return {};
  }
}

/** The note, reason or comment a person wrote with an event, if any. */
export function eventText(data: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of ['body', 'note', 'reason', 'statement', 'scope', 'details']) {
    const value = data[key];
    if (typeof value === 'string' && value) return value;
  }
  if (Array.isArray(data.reasons)) return data.reasons.join('; ');
  return undefined;
}

/**
 * Whether a line of the history is conversation: a comment, reply or note, or any action a person
 * took with words of their own (a request for information, the client's answer, a resolution
 * note…), and the client's rating when it has a comment. The system's events (clocks, reminders,
 * automatic assignment), files and no-charge decisions are not; neither is a date change, which
 * is a change of the ticket whatever its reason says.
 */
export function isConversation<E extends FilterableEvent>(entry: TimelineEntry<E>): boolean {
  if (entry.kind === 'rating') {
    return Boolean(entry.change ? entry.change.comment : entry.rating.comment);
  }
  if (entry.kind !== 'event') return false;
  const { event } = entry;
  if (event.type === 'comment') return true;
  if (!event.actorRole || event.type === 'DATE_ADJUSTED') return false;
  return eventText(eventData(event.data)) !== undefined;
}

/** The lines `filter` shows, in order. */
export function filterTimeline<E extends FilterableEvent>(
  entries: readonly TimelineEntry<E>[],
  filter: HistoryFilter,
): TimelineEntry<E>[] {
  return filter === 'conversation' ? entries.filter(isConversation) : [...entries];
}

/** The filter an address holds (anything else: everything). */
export function historyFilterFromSearch(search: string): HistoryFilter {
  return new URLSearchParams(search).get(PARAM) === CONVERSATION ? 'conversation' : 'all';
}

/** `search` with `filter` in it, other parameters kept ('' when none is left; else `?…`). */
export function historySearch(search: string, filter: HistoryFilter): string {
  const params = new URLSearchParams(search);
  if (filter === 'conversation') params.set(PARAM, CONVERSATION);
  else params.delete(PARAM);
  const next = params.toString();
  return next ? `?${next}` : '';
}
