import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppUserEntity } from './app-user.entity';
import type { AuthenticatedUser } from './authenticated-user';
import type { CreateUserInput } from './create-user.input';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from './locale.enum';
import { OrganizationsService } from './organizations.service';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { assertRolesFitOrganization } from './role-rules';
import { isUniqueViolation } from './unique-violation';

/** Users are issued by provider admins (L3-04); this service holds the rules for doing so. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(AppUserEntity) private readonly users: Repository<AppUserEntity>,
    private readonly organizations: OrganizationsService,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * The user with their organisation, or null. One query (read on every authenticated request):
   * `findOne` with a relation would first select the distinct id under LIMIT 1, then the row.
   */
  findById(id: string): Promise<AppUserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.organization', 'organization')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** NOT_FOUND when no user has this id. */
  async get(id: string): Promise<AppUserEntity> {
    const user = await this.findById(id);
    if (!user) throw new DomainError(ErrorCode.NOT_FOUND, `No user ${id}`, { id });
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

  /** Every user, or those of one organisation (NOT_FOUND if it does not exist). */
  async list(organizationId?: string): Promise<AppUserEntity[]> {
    if (organizationId) await this.organizations.get(organizationId);
    return this.users.find({
      where: organizationId ? { organizationId } : {},
      relations: { organization: true },
      order: { email: 'ASC' },
    });
  }

  /**
   * Issues a user: the organisation must exist, the roles must fit its kind, the email must be
   * free (case-insensitively). Every check runs before the single insert, so a refusal writes
   * nothing.
   */
  async create(input: CreateUserInput): Promise<AppUserEntity> {
    const org = await this.organizations.get(input.organizationId);
    const roles = assertRolesFitOrganization(org.kind, input.roles);
    assertAcceptablePassword(input.temporaryPassword, 'temporaryPassword');
    const email = normalizeEmail(input.email);
    if (await this.users.existsBy({ email })) throw emailTaken(email);
    const passwordHash = await this.hasher.hash(input.temporaryPassword);
    let id: string;
    try {
      ({ id } = await this.users.save(
        this.users.create({
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
      ));
    } catch (err) {
      if (isUniqueViolation(err, 'uq_app_user_email')) throw emailTaken(email);
      throw err;
    }
    return this.get(id);
  }

  /** Activates or deactivates a user; an admin cannot deactivate their own account. */
  async setActive(
    actor: AuthenticatedUser,
    userId: string,
    active: boolean,
  ): Promise<AppUserEntity> {
    const user = await this.get(userId);
    if (!active && user.id === actor.id) {
      throw new DomainError(ErrorCode.CONFLICT, 'You cannot deactivate your own account');
    }
    if (user.active !== active) await this.users.update({ id: user.id }, { active });
    return this.get(user.id);
  }
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
