import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuthenticatedUser, isProviderStaff } from '../identity';
import { TICKET_CHANGED_CHANNEL } from '../tickets/ticket-projection.service';
import { TicketEntity } from '../tickets/ticket.entity';
import type { AsyncQueue } from './async-queue';
import { LiveFeed } from './live-feed';
import { LiveSessionsService } from './live-sessions.service';
import { errorText, PgListenerService } from './pg-listener.service';
import type { TicketChangeModel } from './ticket-change.model';

interface Wanted {
  /** `null`: provider staff, who see every organization. */
  readonly organizationId: string | null;
  /** `null`: every ticket the subscriber may see. */
  readonly number: string | null;
}

/**
 * Live ticket changes for GraphQL subscriptions. The worker's projection runs
 * `pg_notify('ticket_changed', <number>)` after every projected change; this service LISTENs on
 * the instance's PostgreSQL LISTEN connection (so every API instance hears every change, whichever
 * worker projected it), reads the ticket's row from the read model once per notification, and
 * hands it to the subscribers allowed to see it: a client organization only its own tickets, and
 * nobody whose session has ended (their socket is being closed, see {@link LiveSessionsService}).
 *
 * The connection opens with the first subscriber and reconnects with backoff when lost;
 * notifications sent while it was down are not replayed (a client re-reads what it shows).
 */
@Injectable()
export class LiveUpdatesService implements OnModuleDestroy {
  private readonly logger = new Logger(LiveUpdatesService.name);
  private readonly feed: LiveFeed<Wanted, TicketChangeModel>;

  constructor(
    listener: PgListenerService,
    sessions: LiveSessionsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.feed = new LiveFeed(listener, sessions);
    listener.on(TICKET_CHANGED_CHANNEL, (number) => void this.dispatch(number));
  }

  get subscriberCount(): number {
    return this.feed.size;
  }

  /** Whether the LISTEN connection is up. */
  get connected(): boolean {
    return this.feed.connected;
  }

  /**
   * The changes `user` may see (one ticket when `number` is given), from now on. Resolves once
   * the LISTEN connection is up (or failed once and retries in the background).
   */
  async changes(
    user: AuthenticatedUser,
    number?: string | null,
  ): Promise<AsyncQueue<TicketChangeModel>> {
    return this.feed.subscribe(user, {
      organizationId: isProviderStaff(user) ? null : user.organizationId,
      number: number ?? null,
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.feed.close();
  }

  private async dispatch(number: string): Promise<void> {
    if (!this.feed.size) return;
    try {
      const row = await this.db.getRepository(TicketEntity).findOneBy({ number });
      if (!row) return;
      const change: TicketChangeModel = {
        number: row.number,
        organizationId: row.organizationId,
        state: row.state,
        slaStatus: row.slaStatus,
        nextDeadline: row.nextDeadline,
        updatedAt: row.updatedAt,
      };
      this.feed.deliver((s) =>
        (s.organizationId === null || s.organizationId === row.organizationId) &&
        (s.number === null || s.number === row.number)
          ? change
          : undefined,
      );
    } catch (err) {
      this.logger.warn(`ticket change ${number} not delivered: ${errorText(err)}`);
    }
  }
}
