import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestBatcher } from '../common/request-batcher';

/**
 * L3-09 (QA S18): whether a ticket's published release date no longer holds, read from its events:
 * the client reported failures in the release (`reportFailures`) after the last date the agent
 * published (`setReleaseDate`, an adjustment of the release date, not of a remote session) and
 * after the last release (`releaseForTesting`). Batched per GraphQL request (`RequestBatcher`, as
 * `ClockStatesLoader`): a list of 100 tickets is one statement over `ticket_event`, not 100.
 */
@Injectable()
export class ReleaseDateStatesLoader {
  private readonly batcher = new RequestBatcher<void, boolean>((numbers) =>
    this.supersededOf(numbers),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** True when the failures reported last came after the last published date or release. */
  async superseded(context: object, ticketNumber: string): Promise<boolean> {
    return (await this.batcher.load(context, ticketNumber, undefined)) ?? false;
  }

  private async supersededOf(numbers: string[]): Promise<Map<string, boolean>> {
    const rows = await this.db.query<{ ticket_number: string; superseded: boolean }[]>(
      `SELECT e.ticket_number,
              max(e.seq) FILTER (WHERE e.type = 'reportFailures') >
                coalesce(max(e.seq) FILTER (WHERE e.type <> 'reportFailures'), -1) AS superseded
         FROM ticket_event e
        WHERE e.ticket_number = ANY($1::text[])
          AND (e.type IN ('reportFailures', 'setReleaseDate', 'releaseForTesting')
               OR (e.type = 'DATE_ADJUSTED'
                   AND coalesce(e.data ->> 'subjectDate', 'RELEASE_DATE') <> 'REMOTE_SESSION'))
        GROUP BY e.ticket_number`,
      [numbers],
    );
    return new Map(rows.map((r) => [r.ticket_number, r.superseded === true]));
  }
}
