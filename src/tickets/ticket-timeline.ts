import { type AuthenticatedUser, isProviderStaff } from '../identity';
import type { TicketEventModel } from './ticket.model';

/** An internal note: a `comment` event marked internal (provider staff only). */
export function isInternalNote(event: Pick<TicketEventModel, 'type' | 'data'>): boolean {
  if (event.type !== 'comment') return false;
  try {
    return (JSON.parse(event.data) as { internal?: unknown }).internal !== false;
  } catch {
    // Unreadable data is never shown to a client as if it were public.
    return true;
  }
}

/**
 * A reassignment as a client sees it (L3-07): that the ticket changed hands, without the hand-over
 * note, which staff write for each other. Other events are returned as they are.
 */
export function withoutHandOverNote(event: TicketEventModel): TicketEventModel {
  if (event.type !== 'reassign') return event;
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    // Unreadable data could hold the note: the client sees only that the ticket was reassigned.
    return { ...event, data: '{}' };
  }
  if (typeof data !== 'object' || data === null || !('note' in data)) return event;
  const { note: _note, ...rest } = data as Record<string, unknown>;
  return { ...event, data: JSON.stringify(rest) };
}

/**
 * The timeline `user` may see: client users never see internal notes (issue 5) nor a
 * reassignment's hand-over note (L3-07).
 */
export function visibleTimeline(
  user: AuthenticatedUser,
  events: readonly TicketEventModel[],
): TicketEventModel[] {
  return isProviderStaff(user)
    ? [...events]
    : events.filter((e) => !isInternalNote(e)).map(withoutHandOverNote);
}
