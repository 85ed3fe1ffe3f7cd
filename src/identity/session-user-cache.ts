import { Injectable, Logger } from '@nestjs/common';
import { PgListenerService } from '../live/pg-listener.service';

/**
 * Sent by the `app_user` and `organization` triggers (migration 1764320700000) and by a logout's
 * `logged_out_session` row (migration 1764320900000) in the writing transaction: the changed
 * user's id, or `*` for every user.
 */
export const SESSION_USER_CHANGED_CHANNEL = 'app_user_changed';

/**
 * How long a kept user answers at most, even with no change heard: the bound on a stale answer if
 * the LISTEN connection died without this instance noticing (a silent network fault).
 */
export const SESSION_USER_TTL_MS = 30_000;

/** Users kept at most; past it the longest-kept is dropped. */
export const SESSION_USER_MAX = 10_000;

interface Kept<T> {
  readonly user: T;
  /** The LISTEN connection heard from since before it was read. */
  readonly connection: number;
  readonly readAt: number;
}

/**
 * The users the session check of this API instance read (L3-04; issues 5/10: the check ran one
 * query per request, 0.7 ms of a 6.7 ms dashboard list). A user is kept only while the instance
 * hears every change to them, so a deactivation, a removed or added role or a new password made on
 * any instance applies to the next request here as it did when each request read the row:
 *
 * - every update or delete of the user's row (or of any organization) is notified on
 *   {@link SESSION_USER_CHANGED_CHANNEL} at commit, and drops what is kept;
 * - this instance's own writes drop the user at once ({@link forget}), without waiting for the
 *   notification, so a request after the answer to a change never sees the user as before;
 * - a read that began before a change heard or made here is not kept (it may predate the change);
 * - while the LISTEN connection is down nothing is kept or answered from memory, and what was kept
 *   under an earlier connection is dropped, since changes sent meanwhile were missed;
 * - a kept user answers for {@link SESSION_USER_TTL_MS} at most.
 *
 * `T` is what the session check reads per user (the row, and the user's logged-out tokens: QA S60
 * #2). What is handed out is shared by the requests it answers: read it, never change it.
 */
@Injectable()
export class SessionUserCache<T> {
  private readonly logger = new Logger(SessionUserCache.name);
  private readonly kept = new Map<string, Kept<T>>();
  /** Changes heard or made since start: a read that saw this move keeps nothing. */
  private changes = 0;
  /** Clock in ms (a test may move it). */
  protected now: () => number = () => performance.now();

  constructor(private readonly listener: PgListenerService) {
    listener.on(SESSION_USER_CHANGED_CHANNEL, (payload) => {
      if (payload === '*') this.forgetAll();
      else this.forget(payload);
    });
  }

  /** How many users are kept now. */
  get size(): number {
    return this.kept.size;
  }

  /**
   * The user `id`, kept or read by `load`; kept afterwards when no change was heard or made during
   * the read and the LISTEN connection it began under is still up. A kept user `current` refuses
   * is read again: what the caller holds proves it older than the database (a token issued for a
   * session epoch the kept row has not reached, before its change is heard here).
   */
  async read(
    id: string,
    load: (id: string) => Promise<T | null>,
    current: (kept: T) => boolean = () => true,
  ): Promise<T | null> {
    const connection = this.listener.connection;
    if (connection === null) {
      this.kept.clear();
      this.listener.ensureListening().catch((err: unknown) => {
        this.logger.warn(`cannot listen for user changes: ${String(err)}`);
      });
      return load(id);
    }
    const kept = this.kept.get(id);
    if (kept) {
      if (
        kept.connection === connection &&
        this.now() - kept.readAt < SESSION_USER_TTL_MS &&
        current(kept.user)
      ) {
        return kept.user;
      }
      this.kept.delete(id);
    }
    const changes = this.changes;
    const readAt = this.now();
    const user = await load(id);
    if (user && this.changes === changes && this.listener.connection === connection) {
      this.kept.set(id, { user, connection, readAt });
      if (this.kept.size > SESSION_USER_MAX) {
        this.kept.delete(this.kept.keys().next().value as string);
      }
    }
    return user;
  }

  /** Drops user `id`: it changed (or is changing), so the next request reads it. */
  forget(id: string): void {
    this.changes += 1;
    this.kept.delete(id);
  }

  /** Drops every user. */
  forgetAll(): void {
    this.changes += 1;
    this.kept.clear();
  }
}
