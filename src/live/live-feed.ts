import type { AuthenticatedUser } from '../identity';
import { AsyncQueue } from './async-queue';
import type { LiveSessionsService, LiveSessionUser } from './live-sessions.service';
import type { PgListenerService } from './pg-listener.service';

/** One open subscription of a feed: what it asked for (`S`), whose it is, and its queue. */
export type LiveFeedSubscriber<S, C> = S & {
  /** Whose subscription it is: nothing is delivered once their session ended (L3-04). */
  readonly user: LiveSessionUser;
  readonly queue: AsyncQueue<C>;
};

/**
 * The open subscriptions of one live feed (GraphQL subscriptions over graphql-ws) on this API
 * instance's PostgreSQL LISTEN connection: subscribing, delivering a change to those who want it
 * and whose session is still current (L3-04), and closing them all. A service owns one, hears its
 * channel and says, per subscriber, what reaches it (`deliver`); the rest is here.
 */
export class LiveFeed<S extends object, C> {
  private readonly subscribers = new Set<LiveFeedSubscriber<S, C>>();

  constructor(
    private readonly listener: PgListenerService,
    private readonly sessions: LiveSessionsService,
  ) {}

  /** How many subscriptions are open. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Whether the LISTEN connection is up. */
  get connected(): boolean {
    return this.listener.connected;
  }

  /**
   * Opens `user`'s subscription for what `wanted` describes; unsubscribing (the queue's `return`)
   * removes it. Resolves once the LISTEN connection is up (or failed once and retries).
   */
  async subscribe(user: AuthenticatedUser, wanted: S): Promise<AsyncQueue<C>> {
    const subscriber: LiveFeedSubscriber<S, C> = {
      ...wanted,
      user: { id: user.id, sessionEpoch: user.sessionEpoch },
      queue: new AsyncQueue<C>(() => this.subscribers.delete(subscriber)),
    };
    this.subscribers.add(subscriber);
    await this.listener.ensureListening();
    return subscriber.queue;
  }

  /**
   * Pushes to each subscriber what `payloadFor` gives it (`undefined`: nothing, not theirs),
   * unless its user's session has ended.
   */
  deliver(payloadFor: (subscriber: Readonly<S>) => C | undefined): void {
    for (const s of this.subscribers) {
      const payload = payloadFor(s);
      if (payload === undefined) continue;
      if (!this.sessions.isCurrent(s.user)) continue;
      s.queue.push(payload);
    }
  }

  /** Ends every subscription (the module is going down). */
  async close(): Promise<void> {
    for (const s of [...this.subscribers]) await s.queue.return();
  }
}
