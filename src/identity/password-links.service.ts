import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { AppUserEntity } from './app-user.entity';
import { PasswordHasher } from './password-hasher';
import { PENDING_INVITATION_USERS_SQL } from './pending-invitation-sql';
import {
  PASSWORD_LINK_EMAIL_TYPE,
  PASSWORD_LINK_TTL_MS,
  type PasswordLinkPurpose,
  passwordLinkUrl,
  renderPasswordLinkEmail,
} from './password-link-email';
import { EMAIL_CHANGED_EMAIL_TYPE, renderEmailChangedEmail } from './email-changed-email';
import { PASSWORD_CHANGED_EMAIL_TYPE, renderPasswordChangedEmail } from './password-changed-email';
import { assertAcceptablePassword } from './password-policy';
import { endSessionsSql, type SessionEndCause } from './session-end-cause';
import { SessionUserCache } from './session-user-cache';

/** A pending invitation is sent again at most once per minute per user. */
export const RESEND_COOLDOWN_MS = 60_000;

/** One answer for an unknown, used, revoked or expired link: it reveals nothing about accounts. */
export const PASSWORD_LINK_INVALID =
  'This password link is invalid, already used or expired; ask your administrator for a new one';

/** SHA-256 (hex) of a link token: the only form the database ever holds. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * One-time password links (L3-04): an invitation when a user is issued, a reset an admin sends.
 * A link is 32 random bytes, stored hashed, single use, and revoked by a newer link.
 */
@Injectable()
export class PasswordLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly sessionUsers: SessionUserCache<unknown>,
  ) {}

  /**
   * Revokes the user's live link, stores a new one and queues its email, all in `tx` (the caller's
   * transaction): the email exists if and only if the link does.
   *
   * The email goes through the ordinary outbox (retries, one Message-ID, never sent twice) as a row
   * without a ticket. Its body holds the link until it is sent, as any mailbox will; the mail view
   * shows subjects only and the row's payload keeps no token.
   *
   * @param user  loaded with its `organization` relation
   */
  async issue(
    tx: EntityManager,
    user: AppUserEntity,
    purpose: PasswordLinkPurpose,
    issuedBy: string | null,
  ): Promise<{ email: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_LINK_TTL_MS[purpose]);
    await tx.query(
      `UPDATE password_link SET revoked_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [user.id],
    );
    const [{ id }] = await tx.query<{ id: string }[]>(
      `INSERT INTO password_link (user_id, purpose, token_hash, issued_by, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [user.id, purpose, hashLinkToken(token), issuedBy, expiresAt],
    );
    const email = renderPasswordLinkEmail({
      purpose,
      url: passwordLinkUrl(this.config.api.publicUrl, token, user.locale),
      expiresAt,
      recipient: user,
      organizationName: user.organization.name,
      requestedByUser: purpose === 'RESET' && issuedBy === null,
    });
    await this.notifications.enqueueRendered(tx, [
      {
        event: {
          type: PASSWORD_LINK_EMAIL_TYPE[purpose],
          eventKey: `password-link-${id}`,
          occurredAt: new Date().toISOString(),
          detail: { userId: user.id },
        },
        ticketNumber: null,
        recipient: user,
        email,
      },
    ]);
    return { email: user.email, expiresAt };
  }

  /**
   * Sets the password of the link's user and spends the link. An unknown, used, revoked or
   * expired link, or one of a deactivated user, is VALIDATION_FAILED (`PASSWORD_LINK_INVALID`).
   */
  async setPassword(token: string, password: string): Promise<{ email: string }> {
    assertAcceptablePassword(password);
    const tokenHash = hashLinkToken(token);
    // Checked before hashing, so a bogus token costs no argon2 work; spent atomically below.
    if (!(await this.live(this.dataSource.manager, tokenHash))) throw linkInvalid();
    const passwordHash = await this.hasher.hash(password);
    const { email, userId } = await this.dataSource.transaction(async (tx) => {
      const [links] = await tx.query<[{ user_id: string }[], number]>(
        `UPDATE password_link l SET used_at = now()
           FROM app_user u
          WHERE l.token_hash = $1 AND l.user_id = u.id AND u.active
            AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now()
        RETURNING l.user_id`,
        [tokenHash],
      );
      if (links.length === 0) throw linkInvalid();
      const [rows] = await tx.query<[{ email: string }[], number]>(
        // A reset (or first password) ends every earlier session of the user.
        `UPDATE app_user SET password_hash = $2, ${endSessionsSql('$3')}
          WHERE id = $1 RETURNING email`,
        [links[0].user_id, passwordHash, 'PASSWORD_RESET' satisfies SessionEndCause],
      );
      return { email: rows[0].email, userId: links[0].user_id };
    });
    // Committed: the session check reads the user again (their earlier sessions ended).
    this.sessionUsers.forget(userId);
    return { email };
  }

  /**
   * The users of `userIds` whose invitation is pending (L3-04): they were invited and none of the
   * links they were sent (invitation or reset) has been used, so they never chose a password.
   */
  async pendingInvitations(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT user_id FROM (${PENDING_INVITATION_USERS_SQL}) pending WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /**
   * Emails a pending invitation again (a new 72 h link; the older one stops working). One email
   * per call; a second call for the same user within {@link RESEND_COOLDOWN_MS} of the last link
   * is RATE_LIMITED (a double click, an impatient admin), checked under a lock on the user's row
   * so two concurrent calls send one email. CONFLICT reason INVITATION_NOT_PENDING once the user
   * has chosen a password.
   *
   * @param user  loaded with its `organization` relation, active
   */
  async resendInvitation(
    user: AppUserEntity,
    issuedBy: string,
  ): Promise<{ email: string; expiresAt: Date }> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [user.id]);
      const state = await linkState(tx, user.id);
      if (!state.invited || state.used) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'This user has no pending invitation: they already chose a password',
          { reason: 'INVITATION_NOT_PENDING' },
        );
      }
      if (state.last_ms !== null && state.last_ms < RESEND_COOLDOWN_MS) {
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((RESEND_COOLDOWN_MS - state.last_ms) / 1000),
        );
        throw new DomainError(
          ErrorCode.RATE_LIMITED,
          `An invitation was just sent; try again in ${retryAfterSeconds} s`,
          { reason: 'INVITATION_JUST_SENT', retryAfterSeconds },
        );
      }
      return this.issue(tx, user, 'INVITATION', issuedBy);
    });
  }

  /**
   * A reset the user asked for on the sign-in page (L3-04: only for an account the provider
   * issued). For the active account of `email`: a reset link (2 h) if they chose a password, a
   * new invitation (72 h) if their invitation is pending (the invitation email they lost is what
   * they need; a reset would greet them as an existing user). Nothing for an unknown or
   * deactivated address. At most one email per address per {@link RESEND_COOLDOWN_MS}, whoever
   * asks from wherever (checked under a lock on the user's row): a request within it sends
   * nothing. The caller answers the same in every case, so the outcome is not returned.
   *
   * Runs in `tx`, the transaction that also deletes the recorded request (see
   * PasswordResetRequestsService.process): the request is done if and only if this is. A request
   * carried out late (by the sweep, after a crash or failed tries) that a link issued since it was
   * asked already answered sends nothing: a second link would revoke the one the user was sent,
   * or reach someone who has already chosen their password.
   *
   * @param email  normalized (trimmed, lower case)
   * @param askedMsAgo  how long ago the request was asked (ms, on the database's clock)
   */
  async requestReset(tx: EntityManager, email: string, askedMsAgo: number): Promise<void> {
    const [row] = await tx.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE email = $1 AND active FOR UPDATE',
      [email],
    );
    if (!row) return;
    const state = await linkState(tx, row.id);
    if (state.last_ms !== null && state.last_ms < Math.max(RESEND_COOLDOWN_MS, askedMsAgo)) return;
    const user = await tx.findOneOrFail(AppUserEntity, {
      where: { id: row.id },
      relations: { organization: true },
    });
    await this.issue(tx, user, state.invited && !state.used ? 'INVITATION' : 'RESET', null);
  }

  /**
   * An admin corrected the user's email address (`user` holds the new one), in `tx`: every live
   * link stops working (it went to the old address), and the user is emailed at the new address,
   * once: a new invitation while theirs is pending, else a notice of the change.
   *
   * @param user  loaded with its `organization` relation, with the new email
   */
  async emailChanged(
    tx: EntityManager,
    user: AppUserEntity,
    previousEmail: string,
    pendingInvitation: boolean,
    changedBy: string,
  ): Promise<void> {
    if (pendingInvitation) {
      // `issue` revokes the live link first.
      await this.issue(tx, user, 'INVITATION', changedBy);
      return;
    }
    await tx.query(
      `UPDATE password_link SET revoked_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [user.id],
    );
    const email = renderEmailChangedEmail({
      previousEmail,
      recipient: user,
      portalUrl: this.config.api.publicUrl,
    });
    // Each change is its own notice; a repeated update with the same address changes nothing.
    await this.notifications.enqueueRendered(tx, [
      {
        event: {
          type: EMAIL_CHANGED_EMAIL_TYPE,
          eventKey: `email-changed-${user.id}-${randomBytes(8).toString('hex')}`,
          occurredAt: new Date().toISOString(),
          detail: { userId: user.id },
        },
        ticketNumber: null,
        recipient: user,
        email,
      },
    ]);
  }

  /**
   * Runs `change` (the password's new hash, answering the new session epoch, or null when it
   * wrote nothing) in one transaction with the user's notice of it (L3-04, QA S43): the email
   * exists if and only if the change does, once per change (keyed by the epoch it made).
   */
  async changeWithNotice(
    user: AppUserEntity,
    change: (tx: EntityManager) => Promise<number | null>,
  ): Promise<number | null> {
    return this.dataSource.transaction(async (tx) => {
      const epoch = await change(tx);
      if (epoch === null) return null;
      const changedAt = new Date();
      await this.notifications.enqueueRendered(tx, [
        {
          event: {
            type: PASSWORD_CHANGED_EMAIL_TYPE,
            eventKey: `password-changed-${user.id}-${epoch}`,
            occurredAt: changedAt.toISOString(),
            detail: { userId: user.id },
          },
          ticketNumber: null,
          recipient: user,
          email: renderPasswordChangedEmail({
            recipient: user,
            changedAt,
            portalUrl: this.config.api.publicUrl,
          }),
        },
      ]);
      return epoch;
    });
  }

  /** Revokes the user's live link (their password changed by other means). */
  async revokeLive(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE password_link SET revoked_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId],
    );
  }

  private async live(manager: EntityManager, tokenHash: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM password_link l JOIN app_user u ON u.id = l.user_id
        WHERE l.token_hash = $1 AND u.active
          AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now()`,
      [tokenHash],
    );
    return rows.length > 0;
  }
}

/**
 * What a user's password links say (read under the lock on their row): whether they were invited,
 * whether any link was used (they chose a password), and how long ago the newest was issued (ms;
 * null when none): the resend and the self-service reset both decide on it.
 */
async function linkState(
  tx: EntityManager,
  userId: string,
): Promise<{ invited: boolean; used: boolean; last_ms: number | null }> {
  const [state] = await tx.query<{ invited: boolean; used: boolean; last_ms: number | null }[]>(
    `SELECT coalesce(bool_or(purpose = 'INVITATION'), false) AS invited,
            coalesce(bool_or(used_at IS NOT NULL), false) AS used,
            (extract(epoch FROM now() - max(created_at)) * 1000)::float8 AS last_ms
       FROM password_link WHERE user_id = $1`,
    [userId],
  );
  return state;
}

const linkInvalid = () =>
  new DomainError(ErrorCode.VALIDATION_FAILED, PASSWORD_LINK_INVALID, {
    reason: 'PASSWORD_LINK_INVALID',
    field: 'token',
  });
