import type { OrganizationKind } from './organization-kind.enum';
import type { AppUserEntity } from './app-user.entity';
import type { Role } from './role.enum';

/**
 * The caller of a protected operation, as the auth guard loaded it from the database for this
 * request (so a deactivation or a role change applies at once, whatever the token says).
 */
export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly organizationId: string;
  readonly organizationKind: OrganizationKind;
  readonly roles: readonly Role[];
  readonly locale: string;
  readonly timeZone: string;
  /** The session epoch of the token it came with (live updates stop when it moves; L3-04). */
  readonly sessionEpoch?: number;
}

/** The caller as the guards see it, from its stored user row. */
export function authenticatedUserOf(user: AppUserEntity): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    organizationId: user.organizationId,
    organizationKind: user.organizationKind,
    roles: user.roles,
    locale: user.locale,
    timeZone: user.timeZone,
    sessionEpoch: user.sessionEpoch,
  };
}
