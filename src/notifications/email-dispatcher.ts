import { randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { StoredAttachment } from './email-outbox.entity';
import { EmailStatus } from './email-status.enum';
import { mailDomain, ticketThreadId } from './message-id';
import { type BackoffPolicy, retryDelayMs } from './retry-backoff';

/** The PostgreSQL channel the outbox trigger notifies on. */
export const OUTBOX_CHANNEL = 'email_outbox';

/** Rows claimed per round trip. */
const BATCH_SIZE = 20;
/**
 * A claimed row belongs to its dispatcher for `MAIL_LEASE_MS` (default 2 minutes), taken again
 * just before its email is sent: one lease covers one SMTP exchange, longer than one can take
 * (these timeouts), however long the rest of the batch took. So only a dispatcher that died leaves
 * a row to be reclaimed, and one whose batch outlasted the lease skips the rows another reclaimed.
 * A lease shorter than an exchange only risks a resend, with the same Message-ID.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 };

interface ClaimedRow {
  id: string;
  /** Queue order (bigint, as text). */
  seq: string;
  event_key: string;
  recipient_address: string;
  subject: string;
  text: string;
  html: string;
  attachments: StoredAttachment[];
  message_id: string;
  /** The ticket the email is about; null for an account's email (invitation, password). */
  ticket_number: string | null;
  attempts: number;
}

/**
 * Sends the email outbox (L3-11). Claims due rows with `FOR UPDATE SKIP LOCKED` (any number of
 * dispatchers share one outbox without double-sending), sends each over SMTP with its fixed
 * Message-ID, marks it SENT, or schedules a retry with exponential backoff and jitter; after
 * `MAIL_MAX_ATTEMPTS` the row is FAILED (a manager may retry it). Wakes on `LISTEN email_outbox`,
 * at the next retry time, and on a safety interval. Runs in the worker process.
 */
@Injectable()
export class EmailDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EmailDispatcher');
  private readonly transport: Transporter;
  private readonly policy: BackoffPolicy & { readonly maxAttempts: number };
  /** MAIL_FROM's domain: the ticket threads' IDs are under it, as the Message-IDs are. */
  private readonly domain: string;
  private listener: Client | null = null;
  private interval: NodeJS.Timeout | null = null;
  private nextDueTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeRequested = false;
  private started = false;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.transport = createTransport({ url: config.mail.smtpUrl, ...SMTP_TIMEOUTS });
    const d = config.mail.dispatcher;
    this.policy = { baseMs: d.retryBaseMs, capMs: d.retryCapMs, maxAttempts: d.maxAttempts };
    this.domain = mailDomain(config.mail.from);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.config.mail.dispatcher.enabled ? this.start() : Promise.resolve();
  }

  /** Before the database connections close, so the in-flight send can still be marked. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Starts listening and sending; sends what is already due at once. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    await this.listen();
    this.interval = setInterval(() => this.wake(), this.config.mail.dispatcher.pollIntervalMs);
    this.interval.unref();
    this.wake();
  }

  /** Graceful stop: the email being sent finishes and is marked; claimed but unsent rows go back. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.stopping = true;
    for (const t of [this.interval, this.nextDueTimer, this.reconnectTimer]) if (t) clearTimeout(t);
    this.interval = this.nextDueTimer = this.reconnectTimer = null;
    await this.running;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    this.transport.close();
    this.started = false;
  }

  /** Asks for a sending round; rounds never overlap within one dispatcher. */
  wake(): void {
    if (this.stopping || !this.started) return;
    this.wakeRequested = true;
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.wakeRequested && !this.stopping) {
      this.wakeRequested = false;
      try {
        let claimed = BATCH_SIZE;
        // A full batch means more may be due: keep going before looking at the next due time.
        while (!this.stopping && claimed === BATCH_SIZE) claimed = await this.sendBatch();
        if (!this.stopping) await this.scheduleNextDue();
      } catch (err) {
        // PostgreSQL away: nothing is lost (rows stay in the outbox); the interval tries again.
        this.logger.warn(`outbox round failed: ${errorText(err)}`);
      }
    }
  }

  /** Claims up to BATCH_SIZE due rows and sends them one by one; returns how many it claimed. */
  private async sendBatch(): Promise<number> {
    const token = randomUUID();
    const [rows] = await this.dataSource.query<[ClaimedRow[], number]>(
      `UPDATE email_outbox o
          SET status = 'SENDING', attempts = o.attempts + 1, claim_token = $1,
              next_attempt_at = now() + make_interval(secs => $2)
         FROM (SELECT id FROM email_outbox
                WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= now()
                ORDER BY next_attempt_at, seq
                LIMIT $3
                FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
      RETURNING o.id, o.seq, o.event_key, o.recipient_address, o.subject, o.text, o.html, o.attachments,
                o.message_id, o.ticket_number, o.attempts`,
      [token, this.config.mail.dispatcher.leaseMs / 1000, BATCH_SIZE],
    );
    // RETURNING keeps no order: sent as queued (a transition's emails in the order of its events).
    rows.sort((a, b) => Number(a.seq) - Number(b.seq));
    for (const [i, row] of rows.entries()) {
      if (this.stopping) {
        await this.release(rows.slice(i), token);
        break;
      }
      await this.sendOne(row, token);
    }
    return rows.length;
  }

  private async sendOne(row: ClaimedRow, token: string): Promise<void> {
    // The batch's lease may have ended while earlier rows were sent: the row is this dispatcher's
    // for one more lease, or another one reclaimed it (and sends it) and it is skipped here.
    const [held] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE email_outbox SET next_attempt_at = now() + make_interval(secs => $3)
        WHERE id = $1 AND claim_token = $2 AND status = 'SENDING'
      RETURNING id`,
      [row.id, token, this.config.mail.dispatcher.leaseMs / 1000],
    );
    if (held.length === 0) return;
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to: row.recipient_address,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: row.message_id,
        ...(row.ticket_number === null
          ? {}
          : {
              // One thread per ticket in the recipient's mail client (QA S60).
              inReplyTo: ticketThreadId(row.ticket_number, this.domain),
              references: ticketThreadId(row.ticket_number, this.domain),
            }),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-SLA-Event-Key': row.event_key },
        attachments: row.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
        })),
      });
    } catch (err) {
      await this.recordFailure(row, token, err);
      return;
    }
    // A crash right here resends after the lease, with the same Message-ID.
    await this.dataSource.query(
      `UPDATE email_outbox SET status = 'SENT', sent_at = now(), claim_token = NULL, last_error = NULL
        WHERE id = $1 AND claim_token = $2`,
      [row.id, token],
    );
  }

  private async recordFailure(row: ClaimedRow, token: string, err: unknown): Promise<void> {
    // 5xx is the relay refusing this message for good (bad address, policy): retrying won't help.
    const code = (err as { responseCode?: number }).responseCode;
    const permanent = typeof code === 'number' && code >= 500 && code < 600;
    const failed = permanent || row.attempts >= this.policy.maxAttempts;
    const delay = failed ? 0 : retryDelayMs(row.attempts, this.policy);
    const message = errorText(err).slice(0, 1000);
    await this.dataSource.query(
      `UPDATE email_outbox
          SET status = $3, next_attempt_at = now() + make_interval(secs => $4), last_error = $5,
              claim_token = NULL
        WHERE id = $1 AND claim_token = $2`,
      [row.id, token, failed ? EmailStatus.FAILED : EmailStatus.QUEUED, delay / 1000, message],
    );
    const what = failed ? 'FAILED' : `retry in ${(delay / 1000).toFixed(1)} s`;
    this.logger.warn(
      `email ${row.id} to ${row.recipient_address}, attempt ${row.attempts}: ${message} (${what})`,
    );
  }

  /** Gives claimed rows back untouched (stop during a batch). */
  private async release(rows: readonly ClaimedRow[], token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_outbox
          SET status = 'QUEUED', attempts = attempts - 1, next_attempt_at = now(), claim_token = NULL
        WHERE id = ANY($1::uuid[]) AND claim_token = $2`,
      [rows.map((r) => r.id), token],
    );
  }

  /** Wakes again when the earliest pending row is due (a retry, or a lease that ends). */
  private async scheduleNextDue(): Promise<void> {
    const [next] = await this.dataSource.query<{ ms: number | null }[]>(
      `SELECT GREATEST(0, EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000)::float8 AS ms
         FROM email_outbox WHERE status IN ('QUEUED', 'SENDING')`,
    );
    if (this.nextDueTimer) clearTimeout(this.nextDueTimer);
    this.nextDueTimer = null;
    if (next?.ms == null || this.stopping) return;
    const ms = Math.min(Math.ceil(next.ms) + 10, this.config.mail.dispatcher.pollIntervalMs);
    this.nextDueTimer = setTimeout(() => this.wake(), ms);
    this.nextDueTimer.unref();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url });
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn(`LISTEN connection lost: ${errorText(err)}`);
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (err) {
      this.logger.warn(`cannot LISTEN ${OUTBOX_CHANNEL} yet: ${errorText(err)}`);
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: Client): void {
    if (this.stopping || this.reconnectTimer) return;
    if (this.listener === client) this.listener = null;
    void client.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopping) return;
      // Notifications sent while disconnected are gone: look at the outbox after reconnecting.
      void this.listen().then(() => this.wake());
    }, 2_000);
    this.reconnectTimer.unref();
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
