import type { EntityManager } from 'typeorm';
import type { NotificationEvent, RemoteSessionEntry } from './notification-event';
import { RELEASE_ENTRY } from './templates/delivery.templates';
import { REMOTE_SESSION_ENTRY } from './templates/remote-session.templates';

/**
 * The users whose calendars hold `ticketNumber`'s calendar entry `entry` (`remote-session`,
 * `release`): those whose latest email with its `.ics` (the outbox keeps every one, sent or still
 * queued) was a METHOD:REQUEST, not a METHOD:CANCEL. One statement, from the outbox's
 * `ics_method` and `ics_entries` (not from its attachments' base64).
 */
async function calendarHolders(
  manager: EntityManager,
  ticketNumber: string,
  entry: string,
): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id FROM (
       SELECT DISTINCT ON (o.recipient_user_id) o.recipient_user_id::text AS id, o.ics_method
         FROM email_outbox o
        WHERE o.ticket_number = $1 AND o.recipient_user_id IS NOT NULL
          AND $2 = ANY(o.ics_entries)
        ORDER BY o.recipient_user_id,
                 (o.payload -> 'event' ->> 'occurredAt')::timestamptz DESC NULLS LAST,
                 o.created_at DESC
     ) latest
     WHERE ics_method = 'REQUEST'
     ORDER BY id`,
    [ticketNumber, entry],
  );
  return rows.map((r) => r.id);
}

/**
 * L3-06 (QA S62): the users whose calendars hold `ticketNumber`'s remote session (the proposal,
 * the agent's copy of the confirmation or of a reassignment, not cancelled since). Read when an
 * email that cancels (or confirms) it is queued.
 */
export function remoteSessionHolders(
  manager: EntityManager,
  ticketNumber: string,
): Promise<string[]> {
  return calendarHolders(manager, ticketNumber, REMOTE_SESSION_ENTRY);
}

/**
 * L3-09 (QA S62 review): the users whose calendars hold `ticketNumber`'s published release date
 * (RELEASE_DATE_SET, a moved date's DATE_ADJUSTED, not cancelled since). Read when the ticket's
 * cancellation is queued: only they get its METHOD:CANCEL.
 */
export function releaseDateHolders(
  manager: EntityManager,
  ticketNumber: string,
): Promise<string[]> {
  return calendarHolders(manager, ticketNumber, RELEASE_ENTRY);
}

/** `session` with the users whose calendars hold it now ({@link remoteSessionHolders}). */
async function held(
  manager: EntityManager,
  ticketNumber: string,
  session: RemoteSessionEntry,
): Promise<RemoteSessionEntry> {
  return { ...session, heldBy: await remoteSessionHolders(manager, ticketNumber) };
}

/**
 * L3-06 (QA S62): an event whose emails take the remote session out of calendars, with who holds
 * it (`heldBy`): only their emails carry the METHOD:CANCEL. A confirmation (QA S62 #9) reads them
 * too: only the client's side whose calendars got the proposal is told of it. A reassignment that
 * hands a confirmed session over reads them too: its previous holders are told (SESSION_HOLDERS).
 * Other events as they are.
 */
export async function withSessionHolders<E extends NotificationEvent>(
  manager: EntityManager,
  event: E,
): Promise<E> {
  const n = event.ticket.number;
  switch (event.type) {
    case 'REMOTE_SESSION_CONFIRMED':
    case 'REMOTE_SESSION_CANCELLED':
    case 'REMOTE_SESSION_WITHDRAWN':
      return { ...event, session: await held(manager, n, event.session) };
    case 'CANCELLED':
      // Its published release date's METHOD:CANCEL too, only where held (QA S62 review).
      return {
        ...event,
        ...(event.remoteSession
          ? { remoteSession: await held(manager, n, event.remoteSession) }
          : {}),
        ...(event.releaseDate ? { releaseHeldBy: await releaseDateHolders(manager, n) } : {}),
      };
    case 'PROVIDER_CLIENT_ACTIVITY':
      return event.sessionCalendar?.cancelled
        ? {
            ...event,
            sessionCalendar: {
              ...event.sessionCalendar,
              session: await held(manager, n, event.sessionCalendar.session),
            },
          }
        : event;
    case 'PROVIDER_ASSIGNED':
      return event.sessionCalendar
        ? {
            ...event,
            sessionCalendar: { session: await held(manager, n, event.sessionCalendar.session) },
          }
        : event;
    default:
      return event;
  }
}
