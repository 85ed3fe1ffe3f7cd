import { Injectable } from '@nestjs/common';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket-states';
import {
  confirmedRemoteSessionAheadSql,
  remoteSessionAheadSql,
} from '../../workflows/ticket/remote-session-ahead';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { randomBytes } from 'node:crypto';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { EntityColumns } from '../database/entity-columns';
import { preparedQuery } from '../database/prepared-query';
import { AppUserEntity } from './app-user.entity';
import { OrganizationEntity } from './organization.entity';
import type { AuthenticatedUser } from './authenticated-user';
import type { CreateUserInput } from './create-user.input';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from './locale.enum';
import { OrganizationsService } from './organizations.service';
import { PasswordHasher } from './password-hasher';
import { PasswordLinksService } from './password-links.service';
import { assertAcceptablePassword } from './password-policy';
import { assertRolesFitOrganization } from './role-rules';
import { Role } from './role.enum';
import { SessionUserCache } from './session-user-cache';
import { endSessionsSql, type SessionEndCause } from './session-end-cause';
import { isUniqueViolation } from './unique-violation';
import type { UpdateMyPreferencesInput } from './update-my-preferences.input';
import type { UpdateUserInput } from './update-user.input';

/** What the session check reads per user: the row, and the keys of their logged-out tokens. */
export interface SessionUser {
  readonly user: AppUserEntity;
  /** `sessionTokenKey`s of the user's tokens logged out and not yet expired (QA S60 #2). */
  readonly loggedOut: ReadonlySet<string>;
}

/** Users are issued by provider admins (L3-04); this service holds the rules for doing so. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(AppUserEntity) private readonly users: Repository<AppUserEntity>,
    private readonly organizations: OrganizationsService,
    private readonly hasher: PasswordHasher,
    private readonly links: PasswordLinksService,
    private readonly sessionUsers: SessionUserCache<SessionUser>,
  ) {}

  private userRead: UserWithOrganizationRead | undefined;

  /**
   * The user with their organization, or null: read on every authenticated request (the session
   * check, L3-04), so one prepared statement, and the entities filled from the entity metadata
   * (TypeORM's query builder cost 0.2 ms of CPU per read building the SQL and hydrating the row).
   */
  async findById(id: string): Promise<AppUserEntity | null> {
    const read = (this.userRead ??= userWithOrganizationRead(this.users));
    const [row] = await preparedQuery<Record<string, unknown>>(
      this.users.manager.connection,
      read.sql,
      [id],
    );
    return row ? read.entity(row) : null;
  }

  /**
   * {@link findById} with the user's logged-out tokens, for the session check of each
   * authenticated request (L3-04, QA S60 #2) of a token of `sessionEpoch`: as kept by this
   * instance while it hears every change to them ({@link SessionUserCache}; a logout is one), or
   * read. Shared by the requests it answers: read it, never change it.
   */
  findForSession(id: string, sessionEpoch: number): Promise<SessionUser | null> {
    return this.sessionUsers.read(
      id,
      async (userId) => {
        const [user, loggedOut] = await Promise.all([
          this.findById(userId),
          preparedQuery<{ token_sha256: string }>(
            this.users.manager.connection,
            `SELECT token_sha256 FROM logged_out_session WHERE user_id = $1 AND expires_at > now()`,
            [userId],
          ),
        ]);
        return user && { user, loggedOut: new Set(loggedOut.map((r) => r.token_sha256)) };
      },
      // A token of a later epoch than the kept row: its change is not heard here yet.
      (kept) => kept.user.sessionEpoch >= sessionEpoch,
    );
  }

  /**
   * «Cerrar sesión» (QA S60 #2): records the token of key `tokenKey` (see `sessionTokenKey`),
   * user `id`'s until `expiresAt`, as logged out, so the session check refuses it on every
   * instance (the insert notifies them, and this one forgets the user at once). Logging out a
   * token already logged out changes nothing. The user's rows past their expiry go meanwhile.
   */
  async logOut(id: string, tokenKey: string, expiresAt: Date): Promise<void> {
    await this.changing(id, () =>
      this.users.manager.query(
        `WITH moot AS (
           DELETE FROM logged_out_session WHERE user_id = $1 AND expires_at <= now()
         )
         INSERT INTO logged_out_session (token_sha256, user_id, expires_at)
         SELECT $2, id, $3 FROM app_user WHERE id = $1
         ON CONFLICT (token_sha256) DO NOTHING`,
        [id, tokenKey, expiresAt],
      ),
    );
  }

  /**
   * Runs `write`, which changes user `id`'s row and has committed when it resolves, then drops
   * the user kept for the session check (also when it fails: it may have committed), so the next
   * request here reads the change. Not inside a transaction: a request between the drop and the
   * commit would keep the row as before.
   */
  async changing<T>(id: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.sessionUsers.forget(id);
    }
  }

  /** NOT_FOUND when no user has this id. */
  async get(id: string): Promise<AppUserEntity> {
    const user = await this.findById(id);
    if (!user) throw notFound('user', id, `No user ${id}`);
    return user;
  }

  /** For login only: the one read that includes the password hash. */
  findForLogin(email: string): Promise<AppUserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .innerJoinAndSelect('user.organization', 'organization')
      .where('user.email = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  /** For a password change only: the user with the password hash, or null. */
  findWithPasswordHash(id: string): Promise<AppUserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .getOne();
  }

  /**
   * Replaces the user's password hash (the caller checked who may) and ends their sessions, if the
   * user is active and their session epoch is still `sessionEpoch` (the session the change comes
   * from); the new epoch, for the caller's fresh token. Null, writing nothing, when that session
   * ended meanwhile: the condition is checked on the row as committed (a reset or deactivation
   * holding it is waited for), so a change never lands on top of one (L3-04).
   */
  async setPasswordHash(
    id: string,
    passwordHash: string,
    sessionEpoch: number,
    manager: Pick<EntityManager, 'query'> = this.users.manager,
  ): Promise<number | null> {
    const [rows] = await manager.query<[{ session_epoch: number }[], number]>(
      `UPDATE app_user SET password_hash = $2, ${endSessionsSql('$3')}
        WHERE id = $1 AND active AND session_epoch = $4 RETURNING session_epoch`,
      [id, passwordHash, 'PASSWORD_CHANGED' satisfies SessionEndCause, sessionEpoch],
    );
    return rows[0]?.session_epoch ?? null;
  }

  /** Which of `users` have an invitation pending (no password chosen yet). */
  pendingInvitations(users: readonly AppUserEntity[]): Promise<Set<string>> {
    return this.links.pendingInvitations(users.map((u) => u.id));
  }

  /** Whether `user` has an invitation pending. */
  async invitationPending(user: AppUserEntity): Promise<boolean> {
    return (await this.pendingInvitations([user])).has(user.id);
  }

  /**
   * Emails a pending invitation again (L3-04): NOT_FOUND, CONFLICT for a deactivated user
   * (USER_INACTIVE) or one who already chose a password (INVITATION_NOT_PENDING), RATE_LIMITED
   * within a minute of the last link.
   */
  async resendInvitation(
    actor: AuthenticatedUser,
    userId: string,
  ): Promise<{ email: string; expiresAt: Date }> {
    const user = await this.get(userId);
    if (!user.active) throw userInactive('sending an invitation');
    return this.links.resendInvitation(user, actor.id);
  }

  /** Every user, or those of one organization (NOT_FOUND if it does not exist). */
  async list(organizationId?: string): Promise<AppUserEntity[]> {
    if (organizationId) await this.organizations.get(organizationId);
    return this.users.find({
      where: organizationId ? { organizationId } : {},
      relations: { organization: true },
      order: { email: 'ASC' },
    });
  }

  /**
   * Issues a user: the organization must exist, the roles must fit its kind, the email must be
   * free (case-insensitively). Every check runs before the single transaction, so a refusal writes
   * nothing. Without a `temporaryPassword` (the web form) the user gets an invitation email with a
   * one-time link to choose their password (72 h); until then no password works.
   */
  async create(input: CreateUserInput, issuedBy: string | null = null): Promise<AppUserEntity> {
    const org = await this.organizations.get(input.organizationId);
    const roles = assertRolesFitOrganization(org.kind, input.roles);
    const temporaryPassword = input.temporaryPassword ?? null;
    if (temporaryPassword !== null)
      assertAcceptablePassword(temporaryPassword, 'temporaryPassword');
    const email = normalizeEmail(input.email);
    if (await this.users.existsBy({ email })) throw emailTaken(email);
    // An invited user's hash is of 32 random bytes nobody knows: no password logs in until set.
    const passwordHash = await this.hasher.hash(
      temporaryPassword ?? randomBytes(32).toString('base64url'),
    );
    let id: string;
    try {
      id = await this.users.manager.transaction(async (tx) => {
        const user = await tx.save(
          tx.create(AppUserEntity, {
            organizationId: org.id,
            organizationKind: org.kind,
            email,
            displayName: input.displayName.trim(),
            roles,
            locale: input.locale ?? DEFAULT_LOCALE,
            timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
            passwordHash,
            active: true,
          }),
        );
        if (temporaryPassword === null) {
          await this.links.issue(tx, { ...user, organization: org }, 'INVITATION', issuedBy);
        }
        return user.id;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_app_user_email')) throw emailTaken(email);
      throw err;
    }
    return this.get(id);
  }

  /**
   * Edits a user's name, roles, language, time zone or email address. Roles must fit the
   * organization's kind, an admin cannot take away their own ADMIN role (CONFLICT) and the last
   * active admin keeps theirs (CONFLICT LAST_ACTIVE_ADMIN, see {@link assertAnotherActiveAdmin});
   * an address another user has is CONFLICT (EMAIL_TAKEN); every check runs before or in the one
   * transaction, so a refusal changes nothing. A corrected address keeps the user's sessions (it
   * is how they sign in, not a credential), revokes their live links and emails them at the new
   * address.
   */
  async update(actor: AuthenticatedUser, input: UpdateUserInput): Promise<AppUserEntity> {
    const user = await this.get(input.userId);
    const changes: QueryDeepPartialEntity<AppUserEntity> = {};
    let removesAdmin = false;
    if (input.roles !== undefined && input.roles !== null) {
      const roles = assertRolesFitOrganization(user.organizationKind, input.roles);
      removesAdmin = user.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN);
      if (user.id === actor.id && removesAdmin) {
        throw new DomainError(ErrorCode.CONFLICT, 'You cannot remove your own ADMIN role', {
          reason: 'OWN_ADMIN_ROLE',
          field: 'roles',
        });
      }
      changes.roles = roles;
      // A removed role ends the user's sessions (an added one does not need a new login).
      if (user.roles.some((r) => !roles.includes(r))) {
        Object.assign(changes, endedSessions('ROLES_REMOVED'));
      }
    }
    if (input.displayName != null) changes.displayName = input.displayName.trim();
    if (input.locale != null) changes.locale = input.locale;
    if (input.timeZone != null) changes.timeZone = input.timeZone;
    const email = input.email != null ? normalizeEmail(input.email) : user.email;
    if (email === user.email) {
      if (removesAdmin) {
        await this.changing(user.id, () =>
          this.users.manager.transaction(async (tx) => {
            await assertAnotherActiveAdmin(tx, user.id);
            await tx.update(AppUserEntity, { id: user.id }, changes);
          }),
        );
      } else if (Object.keys(changes).length > 0) {
        await this.changing(user.id, () => this.users.update({ id: user.id }, changes));
      }
      return this.get(user.id);
    }
    // A corrected address (L3-04): free, written with the other changes and the email to the new
    // address in one transaction, so a refusal changes nothing and no email goes without it.
    if (await this.users.existsBy({ email })) throw emailTaken(email);
    const pending = await this.invitationPending(user);
    try {
      await this.changing(user.id, () =>
        this.users.manager.transaction(async (tx) => {
          if (removesAdmin) await assertAnotherActiveAdmin(tx, user.id);
          await tx.update(AppUserEntity, { id: user.id }, { ...changes, email });
          const saved = await tx.findOneOrFail(AppUserEntity, {
            where: { id: user.id },
            relations: { organization: true },
          });
          await this.links.emailChanged(tx, saved, user.email, pending, actor.id);
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'uq_app_user_email')) throw emailTaken(email);
      throw err;
    }
    return this.get(user.id);
  }

  /** The caller's own language and time zone (L3-04, L3-11): any role, only their own account.
   * The input is validated like updateUser's (an unknown zone is VALIDATION_FAILED). */
  async updatePreferences(
    actor: AuthenticatedUser,
    input: UpdateMyPreferencesInput,
  ): Promise<AppUserEntity> {
    const changes: QueryDeepPartialEntity<AppUserEntity> = {};
    if (input.locale != null) changes.locale = input.locale;
    if (input.timeZone != null) changes.timeZone = input.timeZone;
    if (Object.keys(changes).length > 0) {
      await this.changing(actor.id, () => this.users.update({ id: actor.id }, changes));
    }
    return this.get(actor.id);
  }

  /** Emails the user a reset link (2 h); their older link stops working. NOT_FOUND, or
   * CONFLICT for a deactivated user (the link could not be used). */
  async sendResetLink(
    actor: AuthenticatedUser,
    userId: string,
  ): Promise<{ email: string; expiresAt: Date }> {
    const user = await this.get(userId);
    if (!user.active) throw userInactive('sending a reset link');
    return this.users.manager.transaction((tx) => this.links.issue(tx, user, 'RESET', actor.id));
  }

  /** Activates or deactivates a user; an admin cannot deactivate their own account (CONFLICT,
   * reason OWN_ACCOUNT_DEACTIVATION), nor the last active admin's (CONFLICT LAST_ACTIVE_ADMIN,
   * see {@link assertAnotherActiveAdmin}). */
  /**
   * QA S62 #1, #2: what deactivating `userId` leaves behind, for its confirmation: their open
   * tickets as registrant and as assignee, and who stands in for them as registrant (their client's
   * other active approvers). One statement; the open tickets they hold are read once for their
   * count and the sessions ahead on them.
   */
  async openTickets(userId: string): Promise<UserOpenTickets> {
    const user = await this.get(userId);
    // QA S63 #2: also the remote sessions still ahead on the tickets they hold (proposed or
    // confirmed, neither declined nor withdrawn, not over: the workflow's and the notifications'
    // `remoteSessionAhead`, in SQL) and how many of them the client confirmed (L3-06: in the
    // agent's calendar, so a reassignment sends the new agent the invitation at once; a proposal's
    // reaches them when the client confirms it), and how many other active agents the provider has.
    const [row] = await this.users.manager.query<UserOpenTickets[]>(
      `SELECT (SELECT count(*)::int FROM ticket
                WHERE registrant_id = $1 AND state <> ALL($2::text[])) AS registered,
              held.assigned, held."sessionsAhead", held."confirmedSessionsAhead",
              (SELECT count(*)::int FROM app_user a
                WHERE a.organization_id = $3 AND a.organization_kind = 'CLIENT' AND a.active
                  AND a.id <> $1 AND $4 = ANY(a.roles)) AS "activeApprovers",
              (SELECT count(*)::int FROM app_user a
                WHERE a.organization_kind = 'PROVIDER' AND a.active AND a.id <> $1
                  AND $5 = ANY(a.roles)) AS "otherActiveAgents"
         FROM (SELECT count(*)::int AS assigned,
                      (count(*) FILTER (WHERE ${remoteSessionAheadSql('t.details', 'now()')}))::int
                        AS "sessionsAhead",
                      (count(*) FILTER (
                        WHERE ${confirmedRemoteSessionAheadSql('t.details', 'now()')}))::int
                        AS "confirmedSessionsAhead"
                 FROM ticket t
                WHERE t.assignee_id = $1 AND t.state <> ALL($2::text[])) held`,
      [user.id, [...TERMINAL_STATES], user.organizationId, Role.CLIENT_APPROVER, Role.AGENT],
    );
    return row;
  }

  async setActive(
    actor: AuthenticatedUser,
    userId: string,
    active: boolean,
  ): Promise<AppUserEntity> {
    const user = await this.get(userId);
    if (!active && user.id === actor.id) {
      throw new DomainError(ErrorCode.CONFLICT, 'You cannot deactivate your own account', {
        reason: 'OWN_ACCOUNT_DEACTIVATION',
      });
    }
    if (user.active !== active) {
      // Deactivating ends the sessions, so a later reactivation does not revive old tokens.
      const change = active ? { active } : { active, ...endedSessions('DEACTIVATED') };
      if (!active && user.roles.includes(Role.ADMIN)) {
        await this.changing(user.id, () =>
          this.users.manager.transaction(async (tx) => {
            await assertAnotherActiveAdmin(tx, user.id);
            await tx.update(AppUserEntity, { id: user.id }, change);
          }),
        );
      } else {
        await this.changing(user.id, () => this.users.update({ id: user.id }, change));
      }
    }
    return this.get(user.id);
  }
}

/**
 * In `tx`, before a write that takes `userId` out of the active admins (ADMIN role removed,
 * account deactivated): locks the active admins' rows and refuses, CONFLICT LAST_ACTIVE_ADMIN,
 * when no other would remain, for then nobody could issue users or organizations again (L3-04).
 * Admins are all users of the one provider organization (the roles CHECK on `app_user`, one
 * PROVIDER by `uq_organization_single_provider`), so the role alone finds them. Two admins
 * removing each other at once take turns on these rows (in id order, so they cannot deadlock):
 * the second reads the first's committed change and is refused.
 */
async function assertAnotherActiveAdmin(tx: EntityManager, userId: string): Promise<void> {
  const admins = await tx.query<{ id: string }[]>(
    `SELECT id FROM app_user WHERE 'ADMIN' = ANY(roles) AND active ORDER BY id FOR UPDATE`,
  );
  if (!admins.some((a) => a.id !== userId)) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      'The last active administrator cannot be removed: make another user an active ADMIN first',
      { reason: 'LAST_ACTIVE_ADMIN' },
    );
  }
}

/** The columns that end a user's sessions; the epoch is bumped in SQL, so concurrent ends add up. */
function endedSessions(cause: SessionEndCause): QueryDeepPartialEntity<AppUserEntity> {
  return { sessionEpoch: () => 'session_epoch + 1', sessionsEndedBecause: cause };
}

/** Emails are compared and stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const emailTaken = (email: string) =>
  new DomainError(ErrorCode.CONFLICT, `A user with email ${email} already exists`, {
    reason: 'EMAIL_TAKEN',
    email,
    field: 'email',
  });

const userInactive = (what: string) =>
  new DomainError(ErrorCode.CONFLICT, `This account is deactivated; reactivate it before ${what}`, {
    reason: 'USER_INACTIVE',
  });

interface UserWithOrganizationRead {
  readonly sql: string;
  readonly entity: (row: Record<string, unknown>) => AppUserEntity;
}

/**
 * The SQL of {@link UsersService.findById} and the entities from its row, both from the entity
 * metadata ({@link EntityColumns}; the organization's columns prefixed `organization.`).
 */
function userWithOrganizationRead(users: Repository<AppUserEntity>): UserWithOrganizationRead {
  const user = new EntityColumns<AppUserEntity>(users.metadata, 'u');
  const organization = new EntityColumns<OrganizationEntity>(
    users.manager.connection.getMetadata(OrganizationEntity),
    'o',
    { prefix: 'organization.' },
  );
  return {
    sql:
      `SELECT ${user.select}, ${organization.select} ` +
      `FROM app_user u LEFT JOIN organization o ON o.id = u.organization_id WHERE u.id = $1`,
    entity: (row) => {
      const entity = user.entity(row);
      // As TypeORM's left join: no organization row, no organization.
      if (row['organization.id'] != null) entity.organization = organization.entity(row);
      return entity;
    },
  };
}

/** QA S62 #1, #2; QA S63 #2: what deactivating a user leaves behind (`userOpenTickets`). */
export interface UserOpenTickets {
  readonly registered: number;
  readonly assigned: number;
  readonly activeApprovers: number;
  readonly sessionsAhead: number;
  readonly confirmedSessionsAhead: number;
  readonly otherActiveAgents: number;
}
