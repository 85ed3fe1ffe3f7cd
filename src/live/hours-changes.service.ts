import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type AuthenticatedUser, isProviderStaff } from '../identity';
import { AsyncQueue } from './async-queue';
import type { HoursChangeModel } from './hours-change.model';
import { LiveSessionsService, type LiveSessionUser } from './live-sessions.service';
import { PgListenerService } from './pg-listener.service';

/**
 * Notified by the `hour_ledger_entry` trigger (migration 1764319790000) in the transaction of each
 * ledger write, so it is heard on commit only. Payload: the organisation's ID.
 */
export const HOURS_CHANGED_CHANNEL = 'hours_changed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Subscriber {
  /** Whose subscription it is: nothing is delivered once their session ended (L3-04). */
  readonly user: LiveSessionUser;
  /** `null`: every organisation (provider staff without an organisation asked for). */
  readonly organizationId: string | null;
  readonly queue: AsyncQueue<HoursChangeModel>;
}

/**
 * L3-13, L3-12: live changes of clients' prepaid hours for GraphQL subscriptions, over the
 * instance's PostgreSQL LISTEN connection (every API instance hears every ledger write). A client
 * user hears only its own organisation; staff any, or one. Nothing is read per notification: the
 * event says which organisation changed and the screen re-reads what it shows.
 */
@Injectable()
export class HoursChangesService implements OnModuleDestroy {
  private readonly logger = new Logger(HoursChangesService.name);
  private readonly subscribers = new Set<Subscriber>();

  constructor(
    private readonly listener: PgListenerService,
    private readonly sessions: LiveSessionsService,
  ) {
    listener.on(HOURS_CHANGED_CHANNEL, (payload) => this.dispatch(payload));
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Whether the LISTEN connection is up. */
  get connected(): boolean {
    return this.listener.connected;
  }

  /**
   * The hours changes `user` may hear (of `organizationId` when given, already checked visible),
   * from now on. Resolves once the LISTEN connection is up (or failed once and retries).
   */
  async changes(
    user: AuthenticatedUser,
    organizationId?: string | null,
  ): Promise<AsyncQueue<HoursChangeModel>> {
    const subscriber: Subscriber = {
      user: { id: user.id, sessionEpoch: user.sessionEpoch },
      organizationId: organizationId ?? (isProviderStaff(user) ? null : user.organizationId),
      queue: new AsyncQueue<HoursChangeModel>(() => this.subscribers.delete(subscriber)),
    };
    this.subscribers.add(subscriber);
    await this.listener.ensureListening();
    return subscriber.queue;
  }

  async onModuleDestroy(): Promise<void> {
    for (const s of [...this.subscribers]) await s.queue.return();
  }

  private dispatch(organizationId: string): void {
    if (!UUID.test(organizationId)) {
      this.logger.warn(`ignored a malformed ${HOURS_CHANGED_CHANNEL} notification`);
      return;
    }
    for (const s of this.subscribers) {
      if (s.organizationId !== null && s.organizationId !== organizationId) continue;
      if (!this.sessions.isCurrent(s.user)) continue;
      s.queue.push({ organizationId });
    }
  }
}
