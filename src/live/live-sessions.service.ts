import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '../common/errors/domain-error';
import {
  SESSION_ENDED_MESSAGES,
  SESSION_EXPIRED_MESSAGE,
  type SessionEndCause,
  sessionEndedMessage,
} from '../identity/session-end-cause';
import { PgListenerService } from './pg-listener.service';
import { type ClosableSocket, closeToResync, closeUnauthorized } from './ws-close';

/**
 * Sent by the `app_user` trigger (migration 1764318600000) in the transaction that moves a user's
 * session epoch, so it is heard on commit and never for a change rolled back.
 */
export const SESSION_ENDED_CHANNEL = 'session_ended';

/**
 * Sent by the `logged_out_session` trigger (migration 1764320900000) when «Cerrar sesión» ends one
 * session (QA S60 #2): `{ userId, tokenSha256 }`.
 */
export const SESSION_LOGGED_OUT_CHANNEL = 'session_logged_out';

/** Logged-out token keys remembered at most (for connections being accepted meanwhile). */
export const LOGGED_OUT_HEARD_MAX = 10_000;

/** The notification's payload, as the trigger writes it. */
export interface SessionEnded {
  readonly userId: string;
  readonly epoch: number;
  readonly cause: SessionEndCause | null;
}

/** What of a graphql-ws socket (`ws`) is tracked. */
export interface LiveSocket extends ClosableSocket {
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Who holds a connection: the user, the session epoch of the token it was opened with and when
 * that token expires.
 */
export interface LiveSessionUser {
  readonly id: string;
  readonly sessionEpoch?: number;
  readonly expiresAt?: Date;
  /** The key of the token it was opened with (`sessionTokenKey`), closed when it logs out. */
  readonly tokenKey?: string;
}

interface Connection {
  readonly socket: LiveSocket;
  readonly epoch: number;
  readonly tokenKey?: string;
  /**
   * The LISTEN connection ({@link PgListenerService.connection}) it was accepted under: null when
   * none was up, undefined while it is being accepted.
   */
  listenedUnder?: number | null;
  /** Closes it when its token expires. */
  expiry?: NodeJS.Timeout;
}

/** The longest delay `setTimeout` holds (2^31 − 1 ms, 24.8 days; a token may live 30). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * L3-04: a password change or reset, a deactivation or a removed role ends the user's sessions,
 * open WebSocket connections included. Every API instance tracks its accepted graphql-ws
 * connections by user and session epoch, LISTENs on `session_ended` and closes the connections of
 * an earlier epoch with 4401 `UNAUTHENTICATED: <why>` (the words of a refused connect); graphql-ws
 * then ends their subscriptions. «Cerrar sesión» ends one session (QA S60 #2): `session_logged_out`
 * closes the connection(s) opened with that token. A connection is closed the same way when its token expires: it
 * was checked once, at its start. After the LISTEN connection (re)opens it reads the epochs of the
 * users it holds connections of, for ends it may not have heard.
 *
 * Notifications sent while LISTEN was down are not replayed, ticket and hours changes included:
 * the connections accepted before it came back are closed with 1012 (see `closeToResync`), so
 * their clients reconnect and read again what they show instead of staying stale unawares.
 *
 * {@link isCurrent} answers from memory whether a session is still current, as far as this
 * instance has heard: live updates check it before each delivery.
 */
@Injectable()
export class LiveSessionsService {
  private readonly logger = new Logger(LiveSessionsService.name);
  private readonly connections = new Map<string, Set<Connection>>();
  /** The newest epoch heard per user whose sessions ended while this instance ran, and why. */
  private readonly ended = new Map<string, { epoch: number; cause: SessionEndCause | null }>();
  /** Token keys heard logged out while this instance ran, oldest first (bounded). */
  private readonly loggedOut = new Set<string>();

  constructor(
    private readonly listener: PgListenerService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    listener.on(SESSION_ENDED_CHANNEL, (payload) => this.onNotification(payload));
    listener.on(SESSION_LOGGED_OUT_CHANNEL, (payload) => this.onLoggedOut(payload));
    listener.onConnected(() => this.listening());
  }

  /** Open connections tracked on this instance. */
  get connectionCount(): number {
    let n = 0;
    for (const set of this.connections.values()) n += set.size;
    return n;
  }

  /**
   * Tracks an accepted connection of `user` until it closes. Resolves once this instance listens
   * for session ends (or failed to and retries in the background): true, or false when the
   * session ended meanwhile and the connection was closed at once.
   */
  async track(socket: LiveSocket, user: LiveSessionUser): Promise<boolean> {
    const connection: Connection = {
      socket,
      epoch: user.sessionEpoch ?? 0,
      tokenKey: user.tokenKey,
    };
    let set = this.connections.get(user.id);
    if (!set) this.connections.set(user.id, (set = new Set()));
    set.add(connection);
    socket.once('close', () => this.forget(user.id, connection));
    const ended = this.ended.get(user.id);
    if (ended && connection.epoch < ended.epoch) {
      this.close(user.id, connection, sessionEndedMessage(ended.cause));
      return false;
    }
    if (user.tokenKey !== undefined && this.loggedOut.has(user.tokenKey)) {
      this.close(user.id, connection, sessionEndedMessage('LOGGED_OUT'));
      return false;
    }
    if (user.expiresAt) this.expireAt(user.id, connection, user.expiresAt);
    await this.listener.ensureListening();
    // Closed by the catch-up that follows a first LISTEN, if its session ended before that.
    if (!set.has(connection)) return false;
    connection.listenedUnder = this.listener.connection;
    return true;
  }

  /** Whether `user`'s session has not ended, as far as this instance has heard (no I/O). */
  isCurrent(user: LiveSessionUser): boolean {
    const ended = this.ended.get(user.id);
    return !ended || (user.sessionEpoch ?? 0) >= ended.epoch;
  }

  private onNotification(payload: string): void {
    const ended = parseSessionEnded(payload);
    if (!ended) {
      this.logger.warn(`ignored a malformed ${SESSION_ENDED_CHANNEL} notification: ${payload}`);
      return;
    }
    this.apply(ended);
  }

  private onLoggedOut(payload: string): void {
    const loggedOut = parseLoggedOut(payload);
    if (!loggedOut) {
      this.logger.warn(
        `ignored a malformed ${SESSION_LOGGED_OUT_CHANNEL} notification: ${payload}`,
      );
      return;
    }
    this.applyLoggedOut(loggedOut.userId, loggedOut.tokenSha256);
  }

  /** Remembers the logged-out token and closes the connection(s) opened with it (QA S60 #2). */
  private applyLoggedOut(userId: string, tokenKey: string): void {
    this.loggedOut.delete(tokenKey);
    this.loggedOut.add(tokenKey);
    if (this.loggedOut.size > LOGGED_OUT_HEARD_MAX) {
      this.loggedOut.delete(this.loggedOut.values().next().value as string);
    }
    for (const connection of this.connections.get(userId) ?? []) {
      if (connection.tokenKey === tokenKey) {
        this.close(userId, connection, sessionEndedMessage('LOGGED_OUT'));
      }
    }
  }

  /** Records the end and closes the user's connections of an earlier epoch. */
  private apply({ userId, epoch, cause }: SessionEnded): void {
    const known = this.ended.get(userId);
    if (!known || epoch > known.epoch) this.ended.set(userId, { epoch, cause });
    for (const connection of this.connections.get(userId) ?? []) {
      if (connection.epoch < epoch) this.close(userId, connection, sessionEndedMessage(cause));
    }
  }

  /** After every (re)connection of LISTEN. */
  private async listening(): Promise<void> {
    this.resync();
    await this.catchUp();
  }

  /**
   * Closes, for their clients to reconnect and read again, the connections accepted under an
   * earlier LISTEN connection or while none was up: what was sent in between never reached them.
   * Those being accepted now are live from this connection on.
   */
  private resync(): void {
    const current = this.listener.connection;
    for (const [userId, set] of this.connections) {
      for (const connection of set) {
        if (connection.listenedUnder === undefined || connection.listenedUnder === current)
          continue;
        this.forget(userId, connection);
        try {
          closeToResync(connection.socket);
        } catch (err) {
          this.logger.warn(`could not close a socket to resync it: ${String(err)}`);
        }
      }
    }
  }

  /** Closes `connection` once its token expires (its session was checked at its start only). */
  private expireAt(userId: string, connection: Connection, at: Date): void {
    const delay = at.getTime() - Date.now();
    connection.expiry = setTimeout(
      () => {
        if (delay > MAX_TIMER_MS) this.expireAt(userId, connection, at);
        else this.close(userId, connection, SESSION_EXPIRED_MESSAGE);
      },
      Math.min(Math.max(delay, 0), MAX_TIMER_MS),
    );
    connection.expiry.unref();
  }

  /** Reads the epochs of the users this instance holds connections of (ends it may have missed). */
  private async catchUp(): Promise<void> {
    if (!this.connections.size) return;
    const rows = await this.db.query<
      { id: string; session_epoch: number; sessions_ended_because: SessionEndCause | null }[]
    >(`SELECT id, session_epoch, sessions_ended_because FROM app_user WHERE id = ANY($1::uuid[])`, [
      [...this.connections.keys()],
    ]);
    for (const r of rows) {
      this.apply({ userId: r.id, epoch: r.session_epoch, cause: r.sessions_ended_because });
    }
    const loggedOut = await this.db.query<{ user_id: string; token_sha256: string }[]>(
      `SELECT user_id, token_sha256 FROM logged_out_session
        WHERE user_id = ANY($1::uuid[]) AND expires_at > now()`,
      [[...this.connections.keys()]],
    );
    for (const r of loggedOut) this.applyLoggedOut(r.user_id, r.token_sha256);
  }

  private close(userId: string, connection: Connection, message: string): void {
    this.forget(userId, connection);
    try {
      closeUnauthorized(connection.socket, ErrorCode.UNAUTHENTICATED, message);
    } catch (err) {
      this.logger.warn(`could not close an ended session's socket: ${String(err)}`);
    }
  }

  private forget(userId: string, connection: Connection): void {
    clearTimeout(connection.expiry);
    const set = this.connections.get(userId);
    if (!set?.delete(connection) || set.size) return;
    this.connections.delete(userId);
  }
}

const CAUSES = new Set<string>(Object.keys(SESSION_ENDED_MESSAGES));

/** The `session_logged_out` trigger's JSON payload, or null when it is not one. */
export function parseLoggedOut(payload: string): { userId: string; tokenSha256: string } | null {
  try {
    const { userId, tokenSha256 } = JSON.parse(payload) as Record<string, unknown>;
    if (typeof userId !== 'string' || typeof tokenSha256 !== 'string') return null;
    return { userId, tokenSha256 };
  } catch {
    return null;
  }
}

/** The trigger's JSON payload, or null when it is not one. */
export function parseSessionEnded(payload: string): SessionEnded | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { userId, epoch, cause } = value as Record<string, unknown>;
  if (typeof userId !== 'string' || !Number.isInteger(epoch) || (epoch as number) < 0) return null;
  const known = typeof cause === 'string' && CAUSES.has(cause);
  return { userId, epoch: epoch as number, cause: known ? (cause as SessionEndCause) : null };
}
