import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicSweep } from '../common/periodic-sweep';
import { AppConfig } from '../config/app-config';
import { EMAILS_BEHIND, TicketEmailRelay } from './ticket-email-relay';

/** Tickets a sweep relays before it looks for more. */
const PAGE = 100;

/**
 * L3-11: the worker's sweep of the tickets whose event log is ahead of their emails (a crash after
 * the projection's commit lost the kick, PostgreSQL was away, an email could not be built). At
 * start and on the outbox's poll interval it relays them (`EMAILS_BEHIND`, a partial index's
 * predicate), page after page in ticket order while the last page was full; a ticket that fails
 * is left to the next interval, and the pages after it are still relayed.
 */
@Injectable()
export class TicketEmailRelaySweep extends PeriodicSweep {
  protected readonly logger = new Logger(TicketEmailRelaySweep.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: TicketEmailRelay,
    config: AppConfig,
  ) {
    super(config.mail.dispatcher.pollIntervalMs, 'email relay');
  }

  /** One pass; returns how many events it relayed. */
  async sweep(): Promise<number> {
    let relayed = 0;
    // Pages in ticket order, each after the last one's final number: every ticket behind is tried
    // once per pass, and a full page of tickets that keep failing hides none after it.
    let after = '';
    for (;;) {
      const behind = await this.db.query<{ number: string }[]>(
        `SELECT number FROM ticket WHERE ${EMAILS_BEHIND} AND number > $2 ORDER BY number LIMIT $1`,
        [PAGE, after],
      );
      for (const { number } of behind) {
        // One ticket's failure holds no other back; the next interval tries it again.
        const count = await this.relay.tryRelay(number);
        if (count !== null) relayed += count;
      }
      if (behind.length < PAGE) return relayed;
      after = behind[behind.length - 1].number;
    }
  }
}
