import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type ActorRole,
  reassignUpdate,
  type TimelineEvent,
} from '../../workflows/ticket/ticket.contract';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications';
import { notificationsFor } from './ticket-notifications';
import type { ReadModelSlice } from './ticket-projection';

/** The events that move a ticket's assignee (classification's automatic one, a reassignment). */
const ASSIGNEE_EVENTS: ReadonlySet<string> = new Set(['ASSIGNED', reassignUpdate.name]);
/** After a failed relay, the first retry; doubled while retries fail (see `retryLater`). */
const FIRST_RETRY_MS = 500;
/**
 * How long a kick waits before relaying when no relay runs: the transition's answer goes back
 * through the same worker first (issues 5/10), and quick transitions of one ticket share a relay.
 */
const KICK_DELAY_MS = 30;

/**
 * The `ticket` rows whose event log is ahead of their emails: the predicate of the partial index
 * `ticket_emails_pending` (migration 1764320400000), which the sweep's query uses.
 */
export const EMAILS_BEHIND = 'notified_seq < last_event_seq';

const NOTHING_RELAYED = { relayed: 0, more: false } as const;

/** A ticket_event row as the relay reads it. */
interface LoggedEvent {
  readonly seq: number;
  readonly type: string;
  readonly at: Date;
  readonly actor_id: string | null;
  readonly actor_role: ActorRole | null;
  readonly data: Record<string, unknown>;
  readonly read_model: ReadModelSlice | null;
}

/**
 * L3-11: queues the emails of the ticket workflows' events from the event log, after the
 * projection that logged them has committed, so a transition answers without waiting on recipient
 * lookups and renders, and an email that cannot be built never holds the ticket back.
 *
 * Exactly once per event: `ticket.notified_seq` says how far a ticket's log was relayed, and it
 * moves in the transaction that queues the emails (under the ticket row's lock, so relays in
 * several workers take turns). The worker relays a ticket once it has projected it and the
 * transition has answered ({@link kick}, `KICK_DELAY_MS`), and retries a failed one soon; the
 * worker's `TicketEmailRelaySweep` relays whatever a crash or an outage left behind.
 */
@Injectable()
export class TicketEmailRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TicketEmailRelay.name);
  private readonly pending = new Set<string>();
  /** Tickets whose relay failed, kicked again when `retryTimer` fires. */
  private readonly failed = new Set<string>();
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** The kick's wait before a relay starts, and a promise that resolves when it is over. */
  private kicked: { timer: NodeJS.Timeout; over: Promise<void>; end: () => void } | null = null;
  private retryMs = FIRST_RETRY_MS;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** Relays ticket `number`'s new events soon (after the projection that logged them commits). */
  kick(number: string): void {
    if (this.stopping) return;
    this.pending.add(number);
    // A relay under way takes it next; otherwise one starts after the transition has answered.
    if (this.running || this.kicked) return;
    let end!: () => void;
    const over = new Promise<void>((resolve) => (end = resolve));
    const timer = setTimeout(() => this.endKickWait(), KICK_DELAY_MS);
    this.kicked = { timer, over, end };
  }

  /** Resolves once every kicked ticket has been relayed (or has failed and waits for a retry). */
  async idle(): Promise<void> {
    while (this.running || this.kicked) await (this.running ?? this.kicked?.over);
  }

  /** Before the database connections close: the kicked tickets are relayed, no retry waits. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // What was kicked is relayed now rather than left to the next start's sweep (what failed is).
    this.endKickWait();
    this.stopping = true;
    await this.idle();
  }

  /**
   * Ticket `number`'s new events relayed (see {@link relay}); a failure is logged and answers
   * `null`, the events staying unrelayed (nothing is lost) for a retry.
   */
  async tryRelay(number: string): Promise<number | null> {
    try {
      return await this.relay(number);
    } catch (err) {
      // PostgreSQL away, or an email that cannot be built.
      this.logger.warn(`emails of ${number} not queued yet: ${errorText(err)}`);
      return null;
    }
  }

  /**
   * Queues the emails of ticket `number`'s events logged since its last relay, batch by batch in
   * sequence order, and marks them relayed. Returns how many events it relayed (0 when none were
   * new).
   */
  async relay(number: string): Promise<number> {
    let relayed = 0;
    for (let more = true; more;) {
      const batch = await this.relayBatch(number);
      relayed += batch.relayed;
      more = batch.more;
    }
    return relayed;
  }

  /**
   * The next projected batch of the ticket's log, in a transaction of its own (its emails share
   * that transaction's time, one batch's after the previous one's, as when the projection queued
   * them). Returns how many events it relayed, and whether the log holds more.
   */
  private async relayBatch(number: string): Promise<{ relayed: number; more: boolean }> {
    return this.db.transaction(async (tx) => {
      // The ticket's row lock, taken first (as the projection and a file upload take it before
      // they touch the outbox): relays of one ticket take turns, and a file its registrant is
      // uploading (FOR SHARE) commits before the registration's new-ticket email lists the files,
      // or waits and then sees the registration relayed and gets its own email (attachments).
      const [ticket] = await tx.query<
        {
          notified_seq: number;
          last_event_seq: number;
          subject: string;
          registrant_id: string;
          organization_id: string;
        }[]
      >(
        `SELECT notified_seq, last_event_seq, subject, registrant_id, organization_id FROM ticket
          WHERE number = $1 FOR NO KEY UPDATE`,
        [number],
      );
      if (!ticket || ticket.notified_seq >= ticket.last_event_seq) return NOTHING_RELAYED;
      // A projected batch carries the read model on its last event: its events' emails are built
      // with that slice, as when they were logged.
      const batch = await tx.query<LoggedEvent[]>(
        `SELECT seq, type, at, actor_id, actor_role, data, read_model FROM ticket_event
          WHERE ticket_number = $1 AND seq > $2 AND seq <= (
            SELECT min(seq) FROM ticket_event
             WHERE ticket_number = $1 AND seq > $2 AND read_model IS NOT NULL)
          ORDER BY seq`,
        [number, ticket.notified_seq],
      );
      const last = batch.at(-1);
      if (!last?.read_model) return NOTHING_RELAYED;
      await this.queueBatch(
        tx,
        {
          number,
          subject: ticket.subject,
          registrantId: ticket.registrant_id,
          clientOrgId: ticket.organization_id,
        },
        batch,
        last.read_model,
      );
      await tx.query(`UPDATE ticket SET notified_seq = $2 WHERE number = $1`, [number, last.seq]);
      return { relayed: last.seq - ticket.notified_seq, more: last.seq < ticket.last_event_seq };
    });
  }

  /** The emails of one projected batch (L3-11), in the order of its events. */
  private async queueBatch(
    tx: EntityManager,
    about: Parameters<typeof notificationsFor>[0],
    logged: readonly LoggedEvent[],
    slice: ReadModelSlice,
  ): Promise<void> {
    const events: TimelineEvent[] = logged.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: new Date(e.at).toISOString(),
      actor: e.actor_id && e.actor_role ? { userId: e.actor_id, role: e.actor_role } : null,
      data: e.data,
    }));
    // A client's file still waiting for its window, or any client's activity not sent yet (a
    // retry pending), goes to whoever holds the ticket now (L3-07, L3-11), before this batch's
    // emails (an assignment's email sends it at once). Only a batch that moves the assignee can
    // change that: other transitions skip the outbox read.
    if (events.some((e) => ASSIGNEE_EVENTS.has(e.type))) {
      await this.notifications.readdressUnsent(tx, about.number, slice.assigneeId);
    }
    // The transition an actor-less event (automatic ASSIGNED, clock bookkeeping) was recorded in.
    let cause: TimelineEvent | undefined;
    for (const event of events) {
      for (const notification of notificationsFor(about, event, slice, cause)) {
        await this.notifications.enqueue(tx, notification);
      }
      if (event.actor) cause = event;
    }
  }

  /** The kick's wait ends (its timer fired, or the worker stops): the relay starts. */
  private endKickWait(): void {
    const kicked = this.kicked;
    if (kicked) clearTimeout(kicked.timer);
    this.kicked = null;
    if (this.pending.size) this.run();
    kicked?.end();
  }

  private run(): void {
    if (this.running || this.stopping) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // Kicked while the last relay was committing.
      if (this.pending.size) this.run();
    });
  }

  /** Relays the kicked tickets one by one; a failed one is kicked again after a backoff. */
  private async drain(): Promise<void> {
    for (const number of this.pending) {
      this.pending.delete(number);
      if ((await this.tryRelay(number)) === null) this.retryLater(number);
      else this.retryMs = FIRST_RETRY_MS;
    }
  }

  /**
   * Kicks `number` again soon after a failure, after the backoff: from `FIRST_RETRY_MS`, doubling
   * after each round that failed. Once it reaches the outbox's poll interval the sweep, which
   * looks that often, retries instead; stopping, the next start's sweep does.
   */
  private retryLater(number: string): void {
    if (this.stopping || this.retryMs >= this.config.mail.dispatcher.pollIntervalMs) return;
    this.failed.add(number);
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      for (const again of this.failed) this.kick(again);
      this.failed.clear();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs *= 2;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
