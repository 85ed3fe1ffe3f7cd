import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CalendarChangeModel } from '../business-time/calendars/calendar-change.model';
import {
  type CalendarVersionRow,
  readCalendarVersions,
  versionChanges,
  versionsBetween,
} from '../business-time/calendars/calendar-version-changes';
import { RequestBatcher } from '../common/request-batcher';
import type { RecomputedVersions } from './ticket.model';

/**
 * The changes calendar versions made (BUSINESS-TIME.md), for the recomputed deadlines of a ticket's
 * history: every version a request's events ask for is read in one query (`RequestBatcher`), and
 * each at most once per request. A version written before changes were kept as data is one
 * `OTHER` change; a version that changed nothing (e.g. the same week sent again) none.
 */
@Injectable()
export class CalendarChangesLoader {
  private readonly batcher = new RequestBatcher<null, CalendarVersionRow>((keys) =>
    this.read(keys),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(context: object, range: RecomputedVersions): Promise<CalendarChangeModel[]> {
    const rows = await Promise.all(
      versionsBetween(range.from, range.to).map((v) =>
        this.batcher.load(context, `${range.calendarId}:${v}`, null),
      ),
    );
    return rows.flatMap((row) => (row ? versionChanges(row) : []));
  }

  private async read(keys: string[]): Promise<Map<string, CalendarVersionRow>> {
    const rows = await readCalendarVersions(
      this.db,
      keys.map((k) => {
        const [calendarId, version] = k.split(':');
        return { calendarId, version: Number(version) };
      }),
    );
    return new Map(rows.map((r) => [`${r.calendar_id}:${r.version}`, r]));
  }
}
