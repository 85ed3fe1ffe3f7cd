import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type AuthenticatedUser, isProviderStaff } from '../identity';
import type { AsyncQueue } from './async-queue';
import type { HoursChangeModel } from './hours-change.model';
import { LiveFeed } from './live-feed';
import { LiveSessionsService } from './live-sessions.service';
import { PgListenerService } from './pg-listener.service';

/**
 * Notified by the `hour_ledger_entry` trigger (migration 1764319790000) in the transaction of each
 * ledger write, so it is heard on commit only. Payload: the organization's ID.
 */
export const HOURS_CHANGED_CHANNEL = 'hours_changed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Wanted {
  /** `null`: every organization (provider staff without an organization asked for). */
  readonly organizationId: string | null;
}

/**
 * L3-13, L3-12: live changes of clients' prepaid hours for GraphQL subscriptions, over the
 * instance's PostgreSQL LISTEN connection (every API instance hears every ledger write). A client
 * user hears only its own organization; staff any, or one. Nothing is read per notification: the
 * event says which organization changed and the screen re-reads what it shows.
 */
@Injectable()
export class HoursChangesService implements OnModuleDestroy {
  private readonly logger = new Logger(HoursChangesService.name);
  private readonly feed: LiveFeed<Wanted, HoursChangeModel>;

  constructor(listener: PgListenerService, sessions: LiveSessionsService) {
    this.feed = new LiveFeed(listener, sessions);
    listener.on(HOURS_CHANGED_CHANNEL, (payload) => this.dispatch(payload));
  }

  get subscriberCount(): number {
    return this.feed.size;
  }

  /** Whether the LISTEN connection is up. */
  get connected(): boolean {
    return this.feed.connected;
  }

  /**
   * The hours changes `user` may hear (of `organizationId` when given, already checked visible),
   * from now on. Resolves once the LISTEN connection is up (or failed once and retries).
   */
  async changes(
    user: AuthenticatedUser,
    organizationId?: string | null,
  ): Promise<AsyncQueue<HoursChangeModel>> {
    return this.feed.subscribe(user, {
      organizationId: organizationId ?? (isProviderStaff(user) ? null : user.organizationId),
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.feed.close();
  }

  private dispatch(organizationId: string): void {
    if (!UUID.test(organizationId)) {
      this.logger.warn(`ignored a malformed ${HOURS_CHANGED_CHANNEL} notification`);
      return;
    }
    this.feed.deliver((s) =>
      s.organizationId === null || s.organizationId === organizationId
        ? { organizationId }
        : undefined,
    );
  }
}
