import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { OrganizationKind } from '../../../src/identity/organization-kind.enum';
import { slugify } from '../../../src/shared/slug';
import { Role } from '../../../src/identity/role.enum';
import {
  assertRolesFitOrganization,
  hasAnyRole,
  isProviderStaff,
} from '../../../src/identity/role-rules';

// L3-04: client organizations hold portal roles only; provider staff hold the provider's roles.

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : undefined;
  }
  return undefined;
}

describe('role rules (L3-04)', () => {
  it('lets client users be portal users and approvers', () => {
    expect(
      assertRolesFitOrganization(OrganizationKind.CLIENT, [Role.CLIENT_APPROVER, Role.CLIENT_USER]),
    ).toEqual([Role.CLIENT_USER, Role.CLIENT_APPROVER]);
  });

  it('lets provider staff be agents, managers and admins, without duplicates', () => {
    expect(
      assertRolesFitOrganization(OrganizationKind.PROVIDER, [Role.ADMIN, Role.AGENT, Role.ADMIN]),
    ).toEqual([Role.AGENT, Role.ADMIN]);
  });

  it.each([
    [OrganizationKind.CLIENT, [Role.ADMIN]],
    [OrganizationKind.CLIENT, [Role.CLIENT_USER, Role.AGENT]],
    [OrganizationKind.PROVIDER, [Role.CLIENT_APPROVER]],
    [OrganizationKind.PROVIDER, [Role.MANAGER, Role.CLIENT_USER]],
    [OrganizationKind.CLIENT, []],
  ])('refuses a %s user with roles %j (VALIDATION_FAILED)', (kind, roles) => {
    expect(codeOf(() => assertRolesFitOrganization(kind, roles))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('checks "any of" the required roles', () => {
    expect(hasAnyRole({ roles: [Role.MANAGER] }, [Role.ADMIN, Role.MANAGER])).toBe(true);
    expect(hasAnyRole({ roles: [Role.CLIENT_USER] }, [Role.ADMIN, Role.MANAGER])).toBe(false);
    expect(hasAnyRole({ roles: [] }, [Role.ADMIN])).toBe(false);
  });

  it('tells provider staff from client users by their organization', () => {
    expect(isProviderStaff({ organizationKind: OrganizationKind.PROVIDER })).toBe(true);
    expect(isProviderStaff({ organizationKind: OrganizationKind.CLIENT })).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['Comercializadora Aurora', 'comercializadora-aurora'],
    ['Grupo Industrial Tulum, S.A. de C.V.', 'grupo-industrial-tulum-s-a-de-c-v'],
    ['  Ñandú & Compañía  ', 'nandu-compania'],
    ['!!!', ''],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
