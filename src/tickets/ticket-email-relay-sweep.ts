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
 * predicate), page after page while the last page was full, none failed and they moved on; a page
 * that cannot move on is left to the next interval, never looped on.
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
    for (;;) {
      const behind = await this.db.query<{ number: string }[]>(
        `SELECT number FROM ticket WHERE ${EMAILS_BEHIND} LIMIT $1`,
        [PAGE],
      );
      let moved = 0;
      let failed = 0;
      for (const { number } of behind) {
        // One ticket's failure holds no other back; the next interval tries it again.
        const count = await this.relay.tryRelay(number);
        if (count === null) failed += 1;
        else moved += count;
      }
      relayed += moved;
      if (behind.length < PAGE || failed > 0 || moved === 0) return relayed;
    }
  }
}
