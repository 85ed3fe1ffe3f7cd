import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import type { AppUserEntity } from './app-user.entity';
import { type AuthenticatedUser, authenticatedUserOf } from './authenticated-user';
import { AuthTokenService, type IssuedToken, type TokenClaims } from './auth-token.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PgFailureLog } from './pg-failure-log';
import { PasswordHasher } from './password-hasher';
import { PasswordLinksService } from './password-links.service';
import { PasswordResetRequestsService } from './password-reset-requests.service';
import { assertAcceptablePassword } from './password-policy';
import { sessionEndedError } from './session-end-cause';
import { sessionTokenKey } from './session-token-key';
import { normalizeEmail, UsersService } from './users.service';

/** One message for an unknown email and a wrong password, so logins do not reveal who exists. */
export const INVALID_CREDENTIALS = 'Invalid email or password';

/**
 * Self-service reset requests one client IP may make, for any addresses, per login window: twice
 * the logins allowed per email + IP (10 in 15 min by default), so one client cannot probe or
 * flood many addresses while an office behind one address still gets its few resets (L3-04).
 */
export const RESET_REQUESTS_PER_IP_FACTOR = 2;

/**
 * The pauses before the second and third tries of a reset request's work, so a database blip
 * does not fail them all; after the third, the sweep tries again (PasswordResetRequestsService).
 */
export const RESET_RETRY_PAUSES_MS = [1_000, 5_000];

/**
 * How long shutdown waits for reset requests being carried out: a deploy is not held up by a
 * slow database, and what is left is carried out by the sweep at the next start.
 */
export const RESET_SHUTDOWN_WAIT_MS = 5_000;

@Injectable()
export class AuthService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuthService.name);
  private readonly loginLimiter: LoginRateLimiter;
  /** Wrong current passwords, per user + IP: the same throttle as logins. */
  private readonly changeLimiter: LoginRateLimiter;
  /** Self-service reset requests, per email + IP: every request counts, like a failed login. */
  private readonly resetRequestLimiter: LoginRateLimiter;
  /** Self-service reset requests per client IP, whatever the address. */
  private readonly resetRequestIpLimiter: LoginRateLimiter;
  /** Reset requests answered whose link and email are still being written. */
  private readonly pendingResets = new Set<Promise<void>>();
  /** Aborted when shutdown begins: reset work pausing between tries stops trying. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AuthTokenService,
    private readonly links: PasswordLinksService,
    private readonly resetRequests: PasswordResetRequestsService,
    failures: PgFailureLog,
    config: AppConfig,
  ) {
    const { maxFailures, windowSeconds } = config.loginRateLimit;
    this.loginLimiter = new LoginRateLimiter(failures, 'login', maxFailures, windowSeconds * 1000);
    this.changeLimiter = new LoginRateLimiter(
      failures,
      'password',
      maxFailures,
      windowSeconds * 1000,
    );
    this.resetRequestLimiter = new LoginRateLimiter(
      failures,
      'reset-request',
      maxFailures,
      windowSeconds * 1000,
    );
    this.resetRequestIpLimiter = new LoginRateLimiter(
      failures,
      'reset-request-ip',
      RESET_REQUESTS_PER_IP_FACTOR * maxFailures,
      windowSeconds * 1000,
    );
  }

  /**
   * The answered reset requests finish writing their link and outbox row before the pool closes,
   * within {@link RESET_SHUTDOWN_WAIT_MS}; one pausing between tries stops there.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'bound'>((resolve) => {
      timer = setTimeout(() => resolve('bound'), RESET_SHUTDOWN_WAIT_MS);
    });
    try {
      while (this.pendingResets.size > 0) {
        if ((await Promise.race([Promise.all(this.pendingResets), bound])) === 'bound') {
          this.logger.warn(
            `${this.pendingResets.size} password reset request(s) still running at shutdown; the next start carries them out`,
          );
          return;
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * «¿Olvidó su contraseña?» (L3-04): emails the active account of `email` a one-time link
   * (see {@link PasswordLinksService.requestReset}) and answers nothing about it, so an unknown,
   * deactivated or invited address looks the same to the caller. Every request counts towards a
   * throttle per email + client IP like logins' and one per client IP for any addresses
   * ({@link RESET_REQUESTS_PER_IP_FACTOR}): RATE_LIMITED with `retryAfterSeconds`, nothing
   * recorded or sent. The links service adds at most one email per address per minute.
   *
   * The answer does not wait for the per-address work: looking the account up, issuing the link
   * and queueing its email take longer for an account than for an unknown address, so waiting
   * would tell them apart by time. The request is recorded before the answer (one INSERT of the
   * address, the same for any; see {@link PasswordResetRequestsService}), so a crash after the
   * answer does not lose it; the work (one transaction that also deletes the record, the email
   * through the outbox) runs after the answer. A failed try is tried again after
   * {@link RESET_RETRY_PAUSES_MS}, then left to the sweep; shutdown waits for it, within a bound.
   */
  async requestPasswordReset(email: string, clientIp?: string): Promise<void> {
    const limiterKey = LoginRateLimiter.key(email, clientIp);
    const ipKey = clientIp ?? 'unknown';
    await this.resetRequestLimiter.assertAllowed(limiterKey, 'Too many password reset requests');
    await this.resetRequestIpLimiter.assertAllowed(
      ipKey,
      'Too many password reset requests from this address',
    );
    await this.resetRequestLimiter.recordFailure(limiterKey);
    await this.resetRequestIpLimiter.recordFailure(ipKey);
    const id = await this.resetRequests.record(normalizeEmail(email));
    this.afterAnswer(() => this.resetRequests.process(id));
  }

  /** Runs `work` without holding the answer back, tracked until it ends (see above). */
  private afterAnswer(work: () => Promise<unknown>): void {
    // From the next turn of the event loop, once the answer is on its way.
    const pending: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.withRetries(work))
      .catch((err: unknown) =>
        this.logger.error(
          `A password reset request was not carried out (the sweep tries it again): ${String(err)}`,
          err instanceof Error ? err.stack : undefined,
        ),
      )
      .finally(() => this.pendingResets.delete(pending));
    this.pendingResets.add(pending);
  }

  /** `work`, tried again after each of {@link RESET_RETRY_PAUSES_MS} until shutdown begins. */
  private async withRetries(work: () => Promise<unknown>): Promise<void> {
    for (const pauseMs of [...RESET_RETRY_PAUSES_MS, undefined]) {
      try {
        await work();
        return;
      } catch (err) {
        if (pauseMs === undefined) throw err;
        // The caller already has its answer: say why before the retry, so a retry that works
        // does not hide a recurring fault.
        this.logger.warn(
          `A password reset request failed, retrying in ${pauseMs / 1000} s: ${String(err)}`,
        );
        if (!(await pause(pauseMs, this.stopping.signal))) throw err;
      }
    }
  }

  /**
   * Sets a new password for the caller after checking the current one: a wrong one is
   * VALIDATION_FAILED (`WRONG_CURRENT_PASSWORD`, not UNAUTHENTICATED: the session stays valid)
   * and counts towards the same throttle as logins. A pending password link stops working and
   * every session of the user ends; the caller gets a fresh one, so they stay logged in.
   *
   * The new hash is written only while the caller's session is still live (the user active, the
   * epoch the guard checked): a reset, a deactivation or another change committed while this one
   * verified and hashed (argon2, ~100 ms) ended that session, and a stolen session must not win
   * the account back by racing it. Then the answer is the guard's for an ended session
   * (UNAUTHENTICATED, `SESSION_ENDED`) and nothing changes.
   */
  async changePassword(
    caller: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    clientIp?: string,
  ): Promise<IssuedToken> {
    const limiterKey = LoginRateLimiter.key(caller.id, clientIp);
    await this.changeLimiter.assertAllowed(limiterKey);
    assertAcceptablePassword(newPassword, 'newPassword');
    const sessionEpoch = caller.sessionEpoch ?? 0;
    const user = await this.users.findWithPasswordHash(caller.id);
    // Ended since the guard's check: answered as the guard would, with no argon2 work and no
    // failure counted against a password the caller may never have known.
    if (user && (!user.active || user.sessionEpoch !== sessionEpoch)) {
      throw sessionEndedError(user.sessionsEndedBecause);
    }
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.changeLimiter.recordFailure(limiterKey);
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The current password is not correct', {
        reason: 'WRONG_CURRENT_PASSWORD',
        field: 'currentPassword',
      });
    }
    await this.changeLimiter.reset(limiterKey);
    const passwordHash = await this.hasher.hash(newPassword);
    // The user is emailed the change (L3-04, QA S43), in its transaction.
    const newEpoch = await this.users.changing(user.id, () =>
      this.links.changeWithNotice(user, (tx) =>
        this.users.setPasswordHash(user.id, passwordHash, sessionEpoch, tx),
      ),
    );
    if (newEpoch === null) {
      throw sessionEndedError((await this.users.findById(user.id))?.sessionsEndedBecause);
    }
    await this.links.revokeLive(user.id);
    return this.tokens.issue({ ...caller, sessionEpoch: newEpoch });
  }

  /**
   * A session for valid credentials of an active user; UNAUTHENTICATED otherwise. Too many
   * failures for one email from one IP are RATE_LIMITED for a while (see {@link LoginRateLimiter}).
   */
  async login(
    email: string,
    password: string,
    clientIp?: string,
  ): Promise<IssuedToken & { user: AppUserEntity }> {
    const limiterKey = LoginRateLimiter.key(email, clientIp);
    await this.loginLimiter.assertAllowed(limiterKey);
    const user = await this.users.findForLogin(email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNobody(password);
    if (!user || !valid) {
      await this.loginLimiter.recordFailure(limiterKey);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, INVALID_CREDENTIALS);
    }
    await this.loginLimiter.reset(limiterKey);
    if (!user.active) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'This account is deactivated; ask your provider to reactivate it',
      );
    }
    return { ...this.tokens.issue(user), user };
  }

  /**
   * The caller behind a bearer token, as the database holds them (read, or kept while every change
   * to them is heard: {@link UsersService.findForSession}): a deactivated or deleted user is
   * refused even while their token has not expired.
   */
  async authenticate(token: string | undefined): Promise<AuthenticatedUser> {
    return (await this.session(token)).user;
  }

  /**
   * {@link authenticate}, with the moment the token expires: an open WebSocket connection, checked
   * once at its start, is closed then (L3-04).
   */
  async session(token: string | undefined): Promise<AuthenticatedSession> {
    if (!token) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'Log in first: send Authorization: Bearer <token>',
      );
    }
    const claims = await this.tokens.verify(token);
    const found = await this.users.findForSession(claims.sub, claims.sep ?? 0);
    if (!found || !found.user.active) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session is no longer valid');
    }
    const { user } = found;
    // A password change or reset, a deactivation or a removed role since the token was issued.
    if ((claims.sep ?? 0) !== user.sessionEpoch) throw sessionEndedError(user.sessionsEndedBecause);
    // «Cerrar sesión» with this very token (QA S60 #2).
    const tokenKey = sessionTokenKey(token);
    if (found.loggedOut.has(tokenKey)) throw sessionEndedError('LOGGED_OUT');
    return { user: authenticatedUserOf(user), expiresAt: new Date(claims.exp * 1000), tokenKey };
  }

  /**
   * «Cerrar sesión» (QA S60 #2): ends the session of `token` on the server, on every instance and
   * for every path that checks tokens (GraphQL, the attachment routes, its open WebSocket
   * connection), while the user's other sessions carry on. Idempotent: a token already logged
   * out, expired, ended otherwise, unknown or absent has nothing left to end, and is answered the
   * same.
   */
  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    let claims: TokenClaims;
    try {
      claims = await this.tokens.verify(token);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.UNAUTHENTICATED) return;
      throw err;
    }
    await this.users.logOut(claims.sub, sessionTokenKey(token), new Date(claims.exp * 1000));
  }
}

/** A session token's caller, and when the token expires. */
export interface AuthenticatedSession {
  readonly user: AuthenticatedUser;
  readonly expiresAt: Date;
  /** The token's key once logged out (`sessionTokenKey`): its socket is closed then. */
  readonly tokenKey: string;
}

/** True after `ms`; false at once when `signal` aborts (or has). */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const finish = (waited: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve(waited);
    };
    const aborted = (): void => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    signal.addEventListener('abort', aborted);
  });
}
