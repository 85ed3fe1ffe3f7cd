import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { AuthenticatedUser } from './authenticated-user';
import { OrganizationKind } from './organization-kind.enum';
import { Role } from './role.enum';

/** Roles each kind of organization may hold (mirrored by a CHECK on `app_user`). */
export const ROLES_BY_ORGANIZATION_KIND: Readonly<Record<OrganizationKind, readonly Role[]>> = {
  [OrganizationKind.CLIENT]: [Role.CLIENT_USER, Role.CLIENT_APPROVER],
  [OrganizationKind.PROVIDER]: [Role.AGENT, Role.MANAGER, Role.ADMIN],
};

/**
 * Checks that `roles` is a non-empty set of roles the organization's kind allows, and returns it
 * without duplicates in a stable order; throws VALIDATION_FAILED otherwise.
 */
export function assertRolesFitOrganization(kind: OrganizationKind, roles: readonly Role[]): Role[] {
  const allowed = ROLES_BY_ORGANIZATION_KIND[kind];
  if (roles.length === 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A user needs at least one role', {
      field: 'roles',
      allowed,
    });
  }
  const misfits = roles.filter((role) => !allowed.includes(role));
  if (misfits.length > 0) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `A ${kind.toLowerCase()} organization's users may only hold ${allowed.join(', ')} (not ${[...new Set(misfits)].join(', ')})`,
      { field: 'roles', allowed },
    );
  }
  return allowed.filter((role) => roles.includes(role));
}

/** True when `user` holds at least one of `required`. */
export function hasAnyRole(
  user: Pick<AuthenticatedUser, 'roles'>,
  required: readonly Role[],
): boolean {
  return required.some((role) => user.roles.includes(role));
}

/** Provider staff (agents, managers, admins) see every client; client users only their own. */
export function isProviderStaff(user: Pick<AuthenticatedUser, 'organizationKind'>): boolean {
  return user.organizationKind === OrganizationKind.PROVIDER;
}
