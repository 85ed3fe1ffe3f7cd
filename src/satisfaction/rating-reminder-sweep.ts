import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addBusinessDays } from '../business-time/engine';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { PeriodicSweep } from '../common/periodic-sweep';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { renderOptionsOf } from '../notifications/render-options';
import { CLOSED_AT_SQL, CLOSED_AT_TEXT_SQL, RATABLE_SQL } from './closed-at-sql';
import { lockTicketForRating } from './rating-lock';
import { renderRatingReminderEmail } from './rating-reminder-email';
import {
  RATING_REMINDER_BUSINESS_DAYS,
  RATING_REMINDER_EMAIL_TYPE,
  RATING_REMINDER_LAST_DAYS,
  ratingReminderDue,
  ratingReminderEventKey,
} from './satisfaction-rules';

/** A reminder is at most this late after its business instant (plus the sweep's own run). */
const SWEEP_EVERY_MS = 5 * 60_000;
const BATCH = 100;

interface Candidate {
  number: string;
  subject: string;
  organization_id: string;
  closed_at: Date;
  registrant_id: string;
  email: string;
  display_name: string;
  locale: string;
  time_zone: string;
}

/** The reminder's outbox key of ticket `t` in SQL, as {@link ratingReminderEventKey} writes it. */
const [KEY_PREFIX, KEY_SUFFIX] = ratingReminderEventKey('|').split('|');
const EVENT_KEY_SQL = `'${KEY_PREFIX}' || t.number || '${KEY_SUFFIX}'`;

/**
 * Whether ticket `t` may still be reminded: ratable, unrated, and never reminded, to whatever
 * address (the outbox is unique per key and address; a registrant whose address changed is not
 * reminded again).
 */
const STILL_REMINDABLE = `${RATABLE_SQL}
  AND NOT EXISTS (SELECT 1 FROM ticket_satisfaction s WHERE s.ticket_number = t.number)
  AND NOT EXISTS (SELECT 1 FROM email_outbox o WHERE o.event_key = ${EVENT_KEY_SQL})`;

/**
 * L3-11, customer satisfaction: the registrant of a CLOSED ticket who has not rated it gets one
 * reminder, {@link RATING_REMINDER_BUSINESS_DAYS} business days after the closure on the ticket's
 * calendar, in their language, with the rating link — never twice (outbox key per ticket, and a
 * ticket with a reminder row is not looked at again), never once rated, never for a closure
 * {@link RATING_REMINDER_LAST_DAYS} days old or more. The ticket's workflow has ended by then, so
 * this sweep reads PostgreSQL (at boot and every 5 minutes) and queues through the outbox, in one
 * transaction per ticket that checks again that it is still unrated and CLOSED.
 */
@Injectable()
export class RatingReminderSweep extends PeriodicSweep {
  protected readonly logger = new Logger(RatingReminderSweep.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {
    super(SWEEP_EVERY_MS, 'rating reminder');
  }

  /** Queues every due rating reminder; returns how many tickets were reminded. */
  async sweep(now = new Date()): Promise<number> {
    let reminded = 0;
    let after = '';
    for (;;) {
      const batch = await this.candidates(now, after);
      for (const ticket of batch) {
        const { engine } = await this.calendars.forTicket(ticket.number, ticket.organization_id);
        const dueAt = addBusinessDays(engine, ticket.closed_at, RATING_REMINDER_BUSINESS_DAYS);
        if (!ratingReminderDue(ticket.closed_at, dueAt, now)) continue;
        if (await this.remind(ticket, dueAt)) reminded += 1;
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].number;
    }
    if (reminded) this.logger.log(`queued ${reminded} rating reminder(s)`);
    return reminded;
  }

  /**
   * Up to BATCH remindable tickets after `after` whose closure is old enough that the business
   * days may have passed (N business days after a date end no earlier than N − 1 calendar days
   * after the closure) and young enough for a reminder, with their active registrant.
   */
  private candidates(now: Date, after: string): Promise<Candidate[]> {
    const day = 86_400_000;
    return this.db.query<Candidate[]>(
      `SELECT t.number, t.subject, t.organization_id, ${CLOSED_AT_SQL} AS closed_at,
              u.id AS registrant_id, u.email, u.display_name, u.locale, u.time_zone
         FROM ticket t
         JOIN app_user u ON u.id = t.registrant_id AND u.active
        WHERE ${STILL_REMINDABLE}
          AND ${CLOSED_AT_TEXT_SQL} <= $1 AND ${CLOSED_AT_TEXT_SQL} > $2
          AND t.number > $3
        ORDER BY t.number
        LIMIT ${BATCH}`,
      [
        new Date(now.getTime() - (RATING_REMINDER_BUSINESS_DAYS - 1) * day).toISOString(),
        new Date(now.getTime() - RATING_REMINDER_LAST_DAYS * day).toISOString(),
        after,
      ],
    );
  }

  /** Queues one ticket's reminder if it is still remindable; whether it was queued now. */
  private remind(ticket: Candidate, dueAt: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Locked first (the lock a rating takes), then checked again in a statement of its own:
      // see lockTicketForRating. Another API replica's sweep waits too, and then sees this
      // reminder.
      await lockTicketForRating(tx, ticket.number);
      const [still] = await tx.query<{ number: string }[]>(
        `SELECT t.number FROM ticket t WHERE t.number = $1 AND ${STILL_REMINDABLE}`,
        [ticket.number],
      );
      if (!still) return false;
      const result = await this.notifications.enqueueRendered(tx, [
        {
          event: {
            type: RATING_REMINDER_EMAIL_TYPE,
            eventKey: ratingReminderEventKey(ticket.number),
            occurredAt: dueAt.toISOString(),
            detail: {
              ticketNumber: ticket.number,
              closedAt: ticket.closed_at.toISOString(),
              businessDays: RATING_REMINDER_BUSINESS_DAYS,
            },
          },
          ticketNumber: ticket.number,
          recipient: { id: ticket.registrant_id, email: ticket.email },
          email: renderRatingReminderEmail(
            { ticket, closedAt: ticket.closed_at },
            {
              id: ticket.registrant_id,
              email: ticket.email,
              displayName: ticket.display_name,
              locale: ticket.locale,
              timeZone: ticket.time_zone,
              side: 'CLIENT',
            },
            renderOptionsOf(this.config),
          ),
        },
      ]);
      return result.inserted > 0;
    });
  }
}
