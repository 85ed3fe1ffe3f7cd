import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/** Runs after every (re)connection, once LISTEN is in place: what to catch up on. */
type ConnectedHook = () => Promise<void>;

/**
 * This API instance's one PostgreSQL LISTEN connection, shared by the live features: each
 * registers the channels it wants (`on`) and, if it must catch up on what it missed while the
 * connection was down, a hook that runs after every (re)connection (`onConnected`).
 *
 * The connection opens on the first `ensureListening()` and reconnects with backoff when lost;
 * notifications sent while it was down are not replayed (hence the hooks).
 */
@Injectable()
export class PgListenerService implements OnModuleDestroy {
  private readonly logger = new Logger(PgListenerService.name);
  private readonly handlers = new Map<string, (payload: string) => void>();
  private readonly connectedHooks: ConnectedHook[] = [];
  private listener: Client | null = null;
  private listening: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private stopping = false;
  /** How many LISTEN connections have come up so far. */
  private opened = 0;

  constructor(private readonly config: AppConfig) {}

  /** Whether the LISTEN connection is up. */
  get connected(): boolean {
    return this.listener !== null;
  }

  /**
   * Which LISTEN connection is up (1 for the first, 2 after the first reconnection…), or null
   * while none is. Whoever heard every notification since it noted this value has missed none as
   * long as the value has not changed.
   */
  get connection(): number | null {
    return this.listener ? this.opened : null;
  }

  /**
   * Hands every notification on `channel` to `handler` (one handler per channel). Register before
   * the first `ensureListening()`: channels are listened to when the connection opens.
   */
  on(channel: string, handler: (payload: string) => void): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    if (this.listening) throw new Error(`${channel}: channels are registered before listening`);
    this.handlers.set(channel, handler);
  }

  /** Runs `hook` after every (re)connection; its failure is logged, the connection stays. */
  onConnected(hook: ConnectedHook): void {
    this.connectedHooks.push(hook);
  }

  /** Resolves once the connection is up (or failed once and retries in the background). */
  ensureListening(): Promise<void> {
    this.listening ??= this.listen();
    return this.listening;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopping) return;
    const channels = [...this.handlers.keys()];
    // Keep-alive probes: a connection lost without a word (a network fault) is noticed, and
    // what was kept while hearing on it (SessionUserCache) stops answering.
    const client = new Client({ connectionString: this.config.database.url, keepAlive: true });
    client.on('notification', (msg) => {
      if (msg.payload) this.handlers.get(msg.channel)?.(msg.payload);
    });
    client.on('error', (err) => {
      this.logger.warn(`LISTEN ${channels.join(', ')} connection lost: ${errorText(err)}`);
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      for (const channel of channels) await client.query(`LISTEN ${channel}`);
      if (this.stopping) {
        await client.end();
        return;
      }
      this.listener = client;
      this.opened += 1;
      this.reconnectDelay = RECONNECT_MIN_MS;
    } catch (err) {
      this.logger.warn(`cannot LISTEN ${channels.join(', ')} yet: ${errorText(err)}`);
      this.reconnectLater(client);
      return;
    }
    for (const hook of this.connectedHooks) {
      await hook().catch((err: unknown) =>
        this.logger.warn(`catching up after LISTEN failed: ${errorText(err)}`),
      );
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
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
