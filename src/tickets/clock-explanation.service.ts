import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BusinessCalendarVersionEntity } from '../business-time/calendars/business-calendar-version.entity';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import type { ExplanationLocale } from '../business-time/calendars/explanation-text';
import { compileDefinition } from '../business-time/calendars/holiday-sources';
import { BusinessCalendar } from '../business-time/engine';
import { explainClock } from './clock-explanation';
import type { ClockExplanationModel } from './clock-explanation.model';
import { TicketClockEntity } from './ticket-clock.entity';
import { TicketEntity } from './ticket.entity';

const CACHE_LIMIT = 64;

/**
 * Explains a stored clock run on the calendar version that produced its deadline (versions are
 * immutable, so compiled ones are cached); the current version when that one is gone.
 */
@Injectable()
export class ClockExplanationService {
  private readonly compiled = new Map<string, BusinessCalendar>();

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

  private async calendarAt(
    calendarId: string,
    version: number,
  ): Promise<{ calendar: BusinessCalendar; version: number }> {
    const key = `${calendarId}:${version}`;
    const hit = this.compiled.get(key);
    if (hit) return { calendar: hit, version };
    const stored = await this.db
      .getRepository(BusinessCalendarVersionEntity)
      .findOneBy({ calendarId, version });
    if (!stored) {
      const current = await this.calendars.current(calendarId);
      return { calendar: current.engine, version: current.version };
    }
    const calendar = new BusinessCalendar(
      compileDefinition(stored.definition, stored.holidaySources),
    );
    if (this.compiled.size >= CACHE_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(key, calendar);
    return { calendar, version };
  }
}
