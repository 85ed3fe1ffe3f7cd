import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { ReplyProgressTicket } from '../../workflows/ticket/transitions';
import {
  CalendarsService,
  type CompiledCalendar,
} from '../business-time/calendars/calendars.service';
import { RequestBatcher } from '../common/request-batcher';
import { TicketClockEntity } from './ticket-clock.entity';
import { liveClockFromEntity } from './ticket.mapper';
import type { SlaClockModel } from './ticket.model';

/** One clock run as the reply-progress rule reads it: its kind, status and end. */
export type ClockState = ReplyProgressTicket['clocks'][number];

/**
 * The clock runs of the tickets a GraphQL request asks `clocks` or `publicReplyCountsAsProgress`
 * of (L3-07), batched per request (`RequestBatcher`, as `UserNamesLoader`): a list of 100 tickets
 * reads their clocks in one statement, not one per ticket, and each ticket at most once per
 * request, whichever of the two fields asked. The live business time of `clocks` needs each
 * ticket's calendar: read once per calendar per request, since a page's tickets share a handful.
 */
@Injectable()
export class ClockStatesLoader {
  private readonly runs = new RequestBatcher<void, TicketClockEntity[]>((numbers) =>
    this.runsOf(numbers),
  );
  private readonly calendarsById = new RequestBatcher<void, CompiledCalendar>((ids) =>
    this.calendarsOf(ids),
  );
  /** The instant of each request's live clocks. */
  private readonly nows = new WeakMap<object, Date>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
  ) {}

  /** The ticket's clock runs, oldest first (none when it has no clock yet). */
  async load(context: object, ticketNumber: string): Promise<readonly ClockState[]> {
    return (await this.runs.load(context, ticketNumber, undefined)) ?? [];
  }

  /**
   * The ticket's clock runs, oldest first, with consumed/remaining business time computed now on
   * its calendar (a running clock keeps using it after the projection recorded it).
   */
  async live(
    context: object,
    ticket: { readonly number: string; readonly calendarId: string },
  ): Promise<SlaClockModel[]> {
    const rows = (await this.runs.load(context, ticket.number, undefined)) ?? [];
    if (!rows.length) return [];
    const calendar = await this.calendar(context, ticket.calendarId);
    const now = this.nowOf(context);
    return rows.map((row) => liveClockFromEntity(row, calendar, now));
  }

  /**
   * The ticket's calendar at its current version, read once per calendar per request whichever
   * field asks (its clocks, its zone, whether its release date is still business time).
   */
  async calendar(context: object, calendarId: string): Promise<CompiledCalendar> {
    // Never null: a missing calendar fails the read instead.
    return (await this.calendarsById.load(context, calendarId, undefined))!;
  }

  /**
   * One instant per request: every live clock of one answer is computed at the same moment, so a
   * ticket's clocks and its work-list entry's agree to the millisecond (fields resolve apart).
   */
  private nowOf(context: object): Date {
    let now = this.nows.get(context);
    if (!now) {
      now = new Date();
      this.nows.set(context, now);
    }
    return now;
  }

  private async runsOf(numbers: string[]): Promise<Map<string, TicketClockEntity[]>> {
    const rows = await this.db.getRepository(TicketClockEntity).find({
      where: { ticketNumber: In(numbers) },
      order: { ticketNumber: 'ASC', startedAt: 'ASC', run: 'ASC' },
    });
    const clocks = new Map<string, TicketClockEntity[]>();
    for (const row of rows) {
      const runs = clocks.get(row.ticketNumber) ?? [];
      runs.push(row);
      clocks.set(row.ticketNumber, runs);
    }
    return clocks;
  }

  private async calendarsOf(ids: string[]): Promise<Map<string, CompiledCalendar>> {
    const found = await Promise.all(ids.map((id) => this.calendars.current(id)));
    return new Map(found.map((calendar, i) => [ids[i], calendar]));
  }
}
