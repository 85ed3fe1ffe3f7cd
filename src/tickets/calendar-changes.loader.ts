import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CalendarChangeDetail } from '../business-time/calendars/calendar-change';
import {
  type CalendarChangeModel,
  changeModels,
  otherChange,
} from '../business-time/calendars/calendar-change.model';
import { RequestBatcher } from '../common/request-batcher';
import type { RecomputedVersions } from './ticket.model';

interface VersionRow {
  calendar_id: string;
  version: number;
  details: CalendarChangeDetail[] | null;
  changed_at: Date;
  name: string;
}

/**
 * The changes calendar versions made (BUSINESS-TIME.md), for the recomputed deadlines of a ticket's
 * history: every version a request's events ask for is read in one query (`RequestBatcher`), and
 * each at most once per request. A version written before changes were kept as data is one
 * `OTHER` change; a version that changed nothing (e.g. the same week sent again) none.
 */
@Injectable()
export class CalendarChangesLoader {
  private readonly batcher = new RequestBatcher<null, VersionRow>((keys) => this.read(keys));

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(context: object, range: RecomputedVersions): Promise<CalendarChangeModel[]> {
    const versions: number[] = [];
    for (let v = range.from + 1; v <= range.to; v++) versions.push(v);
    const rows = await Promise.all(
      versions.map((v) => this.batcher.load(context, `${range.calendarId}:${v}`, null)),
    );
    return rows.flatMap((row) => (row ? changesOf(row) : []));
  }

  private async read(keys: string[]): Promise<Map<string, VersionRow>> {
    const pairs = keys.map((k) => k.split(':'));
    const rows = await this.db.query<VersionRow[]>(
      `SELECT v.calendar_id, v.version, v.details, v.changed_at, c.name
         FROM business_calendar_version v
         JOIN business_calendar c ON c.id = v.calendar_id
         JOIN unnest($1::uuid[], $2::int[]) AS k (calendar_id, version)
           ON k.calendar_id = v.calendar_id AND k.version = v.version`,
      [pairs.map(([id]) => id), pairs.map(([, v]) => Number(v))],
    );
    return new Map(rows.map((r) => [`${r.calendar_id}:${r.version}`, r]));
  }
}

function changesOf(row: VersionRow): CalendarChangeModel[] {
  const of = { version: row.version, calendarName: row.name, changedAt: row.changed_at };
  return row.details === null ? [otherChange(of)] : changeModels(row.details, of);
}
