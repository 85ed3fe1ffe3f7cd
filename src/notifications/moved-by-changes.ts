import type { EntityManager } from 'typeorm';
import {
  readCalendarVersions,
  versionChanges,
  versionsBetween,
} from '../business-time/calendars/calendar-version-changes';
import type { EventOfType, MovedByChange } from './notification-event';

/**
 * BUSINESS-TIME.md, L3-19: the email that tells a client a calendar change moved their date names
 * the change, as the ticket's history does: the ticket's calendar's name and the changes of the
 * versions the date moved between, read in the transaction that queues the email. A calendar
 * renamed moves nothing, so its renaming is not named; with no version range the email says
 * «un cambio en el calendario» without naming it.
 */
export async function withMovedByChanges(
  event: EventOfType<'DEADLINE_MOVED'>,
  manager: EntityManager,
): Promise<EventOfType<'DEADLINE_MOVED'>> {
  const range = event.calendarVersions;
  if (!range || range.to <= range.from) return event;
  const [ticket] = await manager.query<{ calendar_id: string }[]>(
    `SELECT calendar_id FROM ticket WHERE number = $1`,
    [event.ticket.number],
  );
  if (!ticket) return event;
  const rows = await readCalendarVersions(
    manager,
    versionsBetween(range.from, range.to).map((version) => ({
      calendarId: ticket.calendar_id,
      version,
    })),
  );
  if (!rows.length) return event;
  const changes = rows
    .sort((a, b) => a.version - b.version)
    .flatMap(versionChanges)
    .filter((c) => c.kind !== 'RENAMED')
    .map((c): MovedByChange => ({
      kind: c.kind,
      date: c.date,
      name: c.name,
      source: c.source,
      reason: c.reason,
      timeZone: c.timeZone,
      intervals: c.intervals?.map(({ start, end }) => ({ start, end })) ?? null,
    }));
  // The calendar's name as it is now.
  return { ...event, calendarName: rows[rows.length - 1].name, changes };
}
