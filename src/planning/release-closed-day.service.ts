import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RELEASE_DATE_STATES } from '../../workflows/ticket/ticket.contract';
import {
  CalendarsService,
  type CompiledCalendar,
} from '../business-time/calendars/calendars.service';
import type { BusinessCalendar } from '../business-time/engine';
import { NotificationsService, releaseOnClosedDayEventKey } from '../notifications';
import { deliveryOnClosedDay } from './delivery-risk';

interface PublishedRelease {
  number: string;
  subject: string;
  state: string;
  registrant_id: string;
  organization_id: string;
  assignee_id: string | null;
  release_date: Date;
}

/**
 * L3-19 (QA S59): a calendar edit that closes the day of a published release date (a holiday or a
 * closed day added on it) tells the agent working the ticket (every agent while none is), in the
 * edit's own transaction: the date does not move by itself (the client was told it), so the agent
 * adjusts it, which emails the client. Only a date this edit closed is told (one already closed is
 * not told again), once per ticket, date and calendar version (`releaseOnClosedDayEventKey`). The
 * ticket's page and the queue say the same meanwhile (`releaseDateOnClosedDay`).
 */
@Injectable()
export class ReleaseClosedDayWarnings implements OnModuleInit {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.calendars.onEditInTransaction(async (tx, before, after) => {
      await this.warn(tx, before, after);
    });
  }

  /** Queues the warnings of the release dates on `after`'s calendar that the edit closed. */
  async warn(
    tx: EntityManager,
    before: CompiledCalendar,
    after: CompiledCalendar,
  ): Promise<number> {
    const published = await tx.query<PublishedRelease[]>(
      `SELECT number, subject, state, registrant_id, organization_id, assignee_id, release_date
         FROM ticket
        WHERE calendar_id = $1 AND release_date IS NOT NULL AND state = ANY($2::text[])`,
      [after.id, [...RELEASE_DATE_STATES]],
    );
    let told = 0;
    for (const t of published) {
      if (!deliveryOnClosedDay(after.engine, t.state, t.release_date)) continue;
      if (deliveryOnClosedDay(before.engine, t.state, t.release_date)) continue;
      await this.notifications.enqueue(tx, {
        type: 'PROVIDER_RELEASE_ON_CLOSED_DAY',
        eventKey: releaseOnClosedDayEventKey(t.number, t.release_date, after.id, after.version),
        occurredAt: new Date().toISOString(),
        ticket: {
          number: t.number,
          subject: t.subject,
          registrantId: t.registrant_id,
          clientOrgId: t.organization_id,
        },
        releaseDate: t.release_date.toISOString(),
        calendarName: after.name,
        closedBy: closedBy(after.engine, t.release_date),
        assigneeId: t.assignee_id,
      });
      told += 1;
    }
    return told;
  }
}

/** What closed the day of `at` on `calendar`: a holiday's name, an exception's reason, or null. */
export function closedBy(calendar: BusinessCalendar, at: Date): string | null {
  const plan = calendar.dayPlan(calendar.localDayOf(at.getTime()));
  if (plan.rule === 'holiday') return plan.holiday?.name ?? null;
  if (plan.rule === 'override') return plan.override?.reason?.trim() || null;
  return null;
}
