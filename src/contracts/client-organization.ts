import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import {
  type AuthenticatedUser,
  isProviderStaff,
  OrganizationEntity,
  OrganizationKind,
} from '../identity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client organization `organizationId`, as far as `caller` may know: provider staff see every
 * client; a client user only their own. Anything else (another client, the provider, an unknown
 * or malformed ID) is NOT_FOUND, so a client cannot even learn that another organization exists.
 * Without a caller (the workflow's activities) only existence and kind are checked.
 */
export async function visibleClientOrganization(
  db: EntityManager,
  organizationId: string,
  caller?: AuthenticatedUser,
): Promise<OrganizationEntity> {
  const missing = () =>
    notFound('client_organization', organizationId, `No client organization ${organizationId}`);
  if (!UUID.test(organizationId)) throw missing();
  if (caller && !isProviderStaff(caller) && caller.organizationId !== organizationId) {
    throw missing();
  }
  const org = await db.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
  if (!org || org.kind !== OrganizationKind.CLIENT) throw missing();
  return org;
}
