import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicSweep } from '../common/periodic-sweep';
import { AppConfig } from '../config/app-config';
import { PasswordLinksService } from './password-links.service';
import { PgFailureLog } from './pg-failure-log';

/**
 * A request still unprocessed this long after it was asked is dropped unsent: the user has moved
 * on (or asked again), and the address is not kept longer than that.
 */
export const RESET_REQUEST_EXPIRY_MS = 30 * 60_000;
/**
 * The sweep leaves a request this young to the work that follows its answer (three tries over
 * about 6 s); were it to take one anyway, the row lock lets only one of them carry it out.
 */
export const RESET_REQUEST_GRACE_MS = 30_000;
/** A request a crash left behind is carried out at the next boot, or within a minute by another instance. */
const SWEEP_EVERY_MS = 60_000;
const BATCH = 100;

/** `requested_at` is older than `$1` ms, on the database's clock (the row's own). */
const OLDER_THAN = `requested_at <= now() - $1 * interval '1 millisecond'`;

/**
 * Self-service password reset requests (L3-04) kept in `password_reset_request` (migration
 * 1764320100000) from before the answer until they are carried out, so a crash, a kill or a deploy
 * right after the answer does not lose the email the user waits for. The table holds addresses
 * anyone typed, known or not: a row is deleted in the transaction that carries its request out,
 * or unsent once {@link RESET_REQUEST_EXPIRY_MS} old, and never read for anything else.
 */
@Injectable()
export class PasswordResetRequestsService
  extends PeriodicSweep
  implements BeforeApplicationShutdown
{
  protected readonly logger = new Logger(PasswordResetRequestsService.name);
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: PasswordLinksService,
    private readonly failures: PgFailureLog,
    private readonly config: AppConfig,
  ) {
    super(SWEEP_EVERY_MS, 'password reset request');
  }

  /**
   * Records a request for `email` (normalized) and returns its id: one INSERT, whatever the
   * address, with no account looked up, so it costs a known and an unknown address the same.
   */
  async record(email: string): Promise<string> {
    const [{ id }] = await this.db.query<{ id: string }[]>(
      'INSERT INTO password_reset_request (email) VALUES ($1) RETURNING id',
      [email],
    );
    return id;
  }

  /**
   * Carries out request `id` (see {@link PasswordLinksService.requestReset}) and deletes it, in one
   * transaction: done exactly once. False, doing nothing, when it is gone (done already), expired,
   * or being carried out by another caller right now (its row is locked: SKIP LOCKED).
   */
  async process(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [taken] = await tx.query<[{ email: string; asked_ms_ago: number }[], number]>(
        `DELETE FROM password_reset_request WHERE id = (
           SELECT id FROM password_reset_request
            WHERE id = $2 AND NOT (${OLDER_THAN})
              FOR UPDATE SKIP LOCKED)
         RETURNING email, (extract(epoch FROM now() - requested_at) * 1000)::float8 AS asked_ms_ago`,
        [RESET_REQUEST_EXPIRY_MS, id],
      );
      if (taken.length === 0) return false;
      await this.links.requestReset(tx, taken[0].email, taken[0].asked_ms_ago);
      return true;
    });
  }

  /**
   * Deletes the expired requests, then carries out those past {@link RESET_REQUEST_GRACE_MS}
   * (a crash, a kill or failed tries left them); returns how many it carried out. One failing
   * request is warned of and left for the next sweep, the others go on. The throttles' failures
   * past their window go first: theirs hold the addresses asked for too.
   */
  async sweep(): Promise<number> {
    await this.failures.prune(this.config.loginRateLimit.windowSeconds * 1000);
    const [, expired] = await this.db.query<[unknown[], number]>(
      `DELETE FROM password_reset_request WHERE ${OLDER_THAN}`,
      [RESET_REQUEST_EXPIRY_MS],
    );
    if (expired) this.logger.warn(`dropped ${expired} password reset request(s) never carried out`);
    const due = await this.db.query<{ id: string }[]>(
      `SELECT id FROM password_reset_request WHERE ${OLDER_THAN} ORDER BY requested_at LIMIT ${BATCH}`,
      [RESET_REQUEST_GRACE_MS],
    );
    let done = 0;
    for (const { id } of due) {
      // Shutdown does not wait for a whole batch; the rest is the next boot's.
      if (this.stopping) break;
      try {
        if (await this.process(id)) done += 1;
      } catch (err) {
        this.logger.warn(`password reset request ${id} failed again: ${String(err)}`);
      }
    }
    if (done) this.logger.warn(`carried out ${done} password reset request(s) left over`);
    return done;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
