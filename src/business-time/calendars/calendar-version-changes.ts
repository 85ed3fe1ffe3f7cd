import type { EntityManager } from 'typeorm';
import type { CalendarChangeDetail } from './calendar-change';
import { type CalendarChangeModel, changeModels, otherChange } from './calendar-change.model';

/** One calendar version as its changes are read (BUSINESS-TIME.md, L3-06, L3-19). */
export interface CalendarVersionRow {
  readonly calendar_id: string;
  readonly version: number;
  readonly details: CalendarChangeDetail[] | null;
  readonly changed_at: Date;
  readonly name: string;
}

/** A calendar and one of its versions. */
export interface CalendarVersionKey {
  readonly calendarId: string;
  readonly version: number;
}

/**
 * The stored versions among `keys`, in one query, with their calendar's name: the ticket history's
 * recomputed deadlines (`CalendarChangesLoader`) and the email that tells a client a calendar
 * change moved their date read them alike.
 */
export function readCalendarVersions(
  db: Pick<EntityManager, 'query'>,
  keys: readonly CalendarVersionKey[],
): Promise<CalendarVersionRow[]> {
  return db.query<CalendarVersionRow[]>(
    `SELECT v.calendar_id, v.version, v.details, v.changed_at, c.name
       FROM business_calendar_version v
       JOIN business_calendar c ON c.id = v.calendar_id
       JOIN unnest($1::uuid[], $2::int[]) AS k (calendar_id, version)
         ON k.calendar_id = v.calendar_id AND k.version = v.version`,
    [keys.map((k) => k.calendarId), keys.map((k) => k.version)],
  );
}

/**
 * A version's changes, in the order made. A version written before changes were kept as data is
 * one `OTHER` change; a version that changed nothing (e.g. the same week sent again) none.
 */
export function versionChanges(row: CalendarVersionRow): CalendarChangeModel[] {
  const of = { version: row.version, calendarName: row.name, changedAt: row.changed_at };
  return row.details === null ? [otherChange(of)] : changeModels(row.details, of);
}

/** The versions after `from` up to `to`, oldest first. */
export function versionsBetween(from: number, to: number): number[] {
  const versions: number[] = [];
  for (let v = from + 1; v <= to; v++) versions.push(v);
  return versions;
}
