import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReplyProgressTicket } from '../../workflows/ticket/transitions';
import { RequestBatcher } from '../common/request-batcher';

/** One clock run as the reply-progress rule reads it: its kind, status and end. */
export type ClockState = ReplyProgressTicket['clocks'][number];

/**
 * The clock runs of the tickets a GraphQL request asks `publicReplyCountsAsProgress` of (L3-07),
 * batched per request (`RequestBatcher`, as `UserNamesLoader`): a list of 100 tickets reads their
 * clocks in one statement, not one per ticket, and each ticket at most once per request. Only the
 * columns the rule reads: no business time is computed.
 */
@Injectable()
export class ClockStatesLoader {
  private readonly batcher = new RequestBatcher<void, ClockState[]>((numbers) =>
    this.statesOf(numbers),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ticket's clock runs, oldest first (none when it has no clock yet). */
  async load(context: object, ticketNumber: string): Promise<readonly ClockState[]> {
    return (await this.batcher.load(context, ticketNumber, undefined)) ?? [];
  }

  private async statesOf(numbers: string[]): Promise<Map<string, ClockState[]>> {
    const rows = await this.db.query<
      { ticket_number: string; kind: string; status: string; ended_at: Date | null }[]
    >(
      `SELECT ticket_number, kind, status, ended_at FROM ticket_clock
        WHERE ticket_number = ANY($1::text[])
        ORDER BY ticket_number, started_at, run`,
      [numbers],
    );
    const clocks = new Map<string, ClockState[]>();
    for (const r of rows) {
      const runs = clocks.get(r.ticket_number) ?? [];
      runs.push({ kind: r.kind, status: r.status, endedAt: r.ended_at });
      clocks.set(r.ticket_number, runs);
    }
    return clocks;
  }
}
