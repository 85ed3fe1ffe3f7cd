import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { type AuthenticatedUser, isProviderStaff } from '../identity';
import { TICKET_CHANGED_CHANNEL } from '../tickets/ticket-projection.service';
import { TicketEntity } from '../tickets/ticket.entity';
import { AsyncQueue } from './async-queue';
import type { TicketChangeModel } from './ticket-change.model';

interface Subscriber {
  /** `null`: provider staff, who see every organisation. */
  readonly organizationId: string | null;
  /** `null`: every ticket the subscriber may see. */
  readonly number: string | null;
  readonly queue: AsyncQueue<TicketChangeModel>;
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * Live ticket changes for GraphQL subscriptions. The worker's projection runs
 * `pg_notify('ticket_changed', <number>)` after every projected change; this service LISTENs on
 * a dedicated PostgreSQL connection (so every API instance hears every change, whichever worker
 * projected it), reads the ticket's row from the read model once per notification, and hands it
 * to the subscribers allowed to see it: a client organisation only its own tickets.
 *
 * The connection opens with the first subscriber and reconnects with backoff when lost;
 * notifications sent while it was down are not replayed (a client re-reads what it shows).
 */
@Injectable()
export class LiveUpdatesService implements OnModuleDestroy {
  private readonly logger = new Logger(LiveUpdatesService.name);
  private readonly subscribers = new Set<Subscriber>();
  private listener: Client | null = null;
  private listening: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Whether the LISTEN connection is up. */
  get connected(): boolean {
    return this.listener !== null;
  }

  /**
   * The changes `user` may see (one ticket when `number` is given), from now on. Resolves once
   * the LISTEN connection is up (or failed once and retries in the background).
   */
  async changes(
    user: AuthenticatedUser,
    number?: string | null,
  ): Promise<AsyncQueue<TicketChangeModel>> {
    const subscriber: Subscriber = {
      organizationId: isProviderStaff(user) ? null : user.organizationId,
      number: number ?? null,
      queue: new AsyncQueue<TicketChangeModel>(() => this.subscribers.delete(subscriber)),
    };
    this.subscribers.add(subscriber);
    await this.ensureListening();
    return subscriber.queue;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const s of [...this.subscribers]) await s.queue.return();
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
  }

  private ensureListening(): Promise<void> {
    this.listening ??= this.listen();
    return this.listening;
  }

  private async listen(): Promise<void> {
    if (this.stopping) return;
    const client = new Client({ connectionString: this.config.database.url });
    client.on('notification', (msg) => {
      if (msg.channel === TICKET_CHANGED_CHANNEL && msg.payload) void this.dispatch(msg.payload);
    });
    client.on('error', (err) => {
      this.logger.warn(`LISTEN ${TICKET_CHANGED_CHANNEL} connection lost: ${errorText(err)}`);
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${TICKET_CHANGED_CHANNEL}`);
      if (this.stopping) {
        await client.end();
        return;
      }
      this.listener = client;
      this.reconnectDelay = RECONNECT_MIN_MS;
    } catch (err) {
      this.logger.warn(`cannot LISTEN ${TICKET_CHANGED_CHANNEL} yet: ${errorText(err)}`);
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: Client): void {
    if (this.stopping || this.reconnectTimer) return;
    if (this.listener === client) this.listener = null;
    void client.end().catch(() => undefined);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listening = this.listen();
    }, delay);
    this.reconnectTimer.unref();
  }

  private async dispatch(number: string): Promise<void> {
    if (!this.subscribers.size) return;
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
      for (const s of this.subscribers) {
        if (s.organizationId !== null && s.organizationId !== row.organizationId) continue;
        if (s.number !== null && s.number !== row.number) continue;
        s.queue.push(change);
      }
    } catch (err) {
      this.logger.warn(`ticket change ${number} not delivered: ${errorText(err)}`);
    }
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
