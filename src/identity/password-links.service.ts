import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import type { AppUserEntity } from './app-user.entity';
import { PasswordHasher } from './password-hasher';
import {
  PASSWORD_LINK_EMAIL_TYPE,
  PASSWORD_LINK_TTL_MS,
  type PasswordLinkPurpose,
  passwordLinkUrl,
  renderPasswordLinkEmail,
} from './password-link-email';
import { assertAcceptablePassword } from './password-policy';
import { endSessionsSql, type SessionEndCause } from './session-end-cause';

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
    return this.dataSource.transaction(async (tx) => {
      const [spent] = await tx.query<[{ user_id: string }[], number]>(
        `UPDATE password_link l SET used_at = now()
           FROM app_user u
          WHERE l.token_hash = $1 AND l.user_id = u.id AND u.active
            AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now()
        RETURNING l.user_id`,
        [tokenHash],
      );
      if (spent.length === 0) throw linkInvalid();
      const [rows] = await tx.query<[{ email: string }[], number]>(
        // A reset (or first password) ends every earlier session of the user.
        `UPDATE app_user SET password_hash = $2, ${endSessionsSql('$3')}
          WHERE id = $1 RETURNING email`,
        [spent[0].user_id, passwordHash, 'PASSWORD_RESET' satisfies SessionEndCause],
      );
      return { email: rows[0].email };
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

const linkInvalid = () =>
  new DomainError(ErrorCode.VALIDATION_FAILED, PASSWORD_LINK_INVALID, {
    reason: 'PASSWORD_LINK_INVALID',
    field: 'token',
  });
