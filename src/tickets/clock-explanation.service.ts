import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  CalendarsService,
  type CompiledCalendar,
} from '../business-time/calendars/calendars.service';
import type { ExplanationLocale } from '../business-time/calendars/explanation-text';
import type { BusinessCalendar } from '../business-time/engine';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { explainClock } from './clock-explanation';
import type { ClockExplanationModel } from './clock-explanation.model';
import { TicketClockEntity } from './ticket-clock.entity';
import { TicketEntity } from './ticket.entity';

/**
 * Explains a stored clock run on the calendar version that produced its deadline; the current
 * version when that one is gone.
 */
@Injectable()
export class ClockExplanationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
  ) {}

  /** Null for a clock the read model does not hold yet (a registration's own answer). */
  async explain(clockId: string, locale: ExplanationLocale): Promise<ClockExplanationModel | null> {
    const row = await this.db.getRepository(TicketClockEntity).findOneBy({ clockId });
    if (!row) return null;
    const ticket = await this.db
      .getRepository(TicketEntity)
      .findOne({ where: { number: row.ticketNumber }, select: { number: true, calendarId: true } });
    if (!ticket) return null;
    const { calendar, version } = await this.calendarAt(ticket.calendarId, row.calendarVersion);
    const explained = explainClock(
      calendar,
      locale,
      {
        startedAt: row.startedAt,
        amount: row.targetAmount,
        unit: row.targetUnit === 'days' ? 'days' : 'minutes',
        pauses: row.pauses,
      },
      new Date(),
    );
    return {
      calendarId: ticket.calendarId,
      calendarVersion: version,
      timeZone: calendar.timeZone,
      startedAt: row.startedAt,
      ...explained,
    };
  }

  /**
   * The version that produced the deadline, through the calendars' own cache of compiled
   * versions (one query per missing version, shared by concurrent callers); the current one when
   * that version is not stored (NOT_FOUND), and the answer says which it used.
   */
  private async calendarAt(
    calendarId: string,
    version: number,
  ): Promise<{ calendar: BusinessCalendar; version: number }> {
    let compiled: CompiledCalendar;
    try {
      compiled = await this.calendars.atVersion(calendarId, version);
    } catch (err) {
      if (!(err instanceof DomainError && err.code === ErrorCode.NOT_FOUND)) throw err;
      compiled = await this.calendars.current(calendarId);
    }
    return { calendar: compiled.engine, version: compiled.version };
  }
}
