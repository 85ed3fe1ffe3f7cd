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

/** The timeline `user` may see: client users never see internal notes (issue 5). */
export function visibleTimeline(
  user: AuthenticatedUser,
  events: readonly TicketEventModel[],
): TicketEventModel[] {
  return isProviderStaff(user) ? [...events] : events.filter((e) => !isInternalNote(e));
}
