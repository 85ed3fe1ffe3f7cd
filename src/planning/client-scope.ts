import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { visibleClientOrganization } from '../contracts/client-organization';
import { type AuthenticatedUser, isProviderStaff } from '../identity';

/**
 * The client organization a planning operation is about: a client user's own (another one is
 * NOT_FOUND); for provider staff the one they name (required).
 */
export async function clientScope(
  db: EntityManager,
  caller: AuthenticatedUser,
  organizationId?: string | null,
): Promise<string> {
  if (isProviderStaff(caller) && !organizationId) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'organizationId is required for staff', {
      field: 'organizationId',
    });
  }
  const id = organizationId ?? caller.organizationId;
  await visibleClientOrganization(db, id, caller);
  return id;
}
