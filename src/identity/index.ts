// What other domains use from identity: decorators, the caller's type, roles and their rules.
export type { AuthenticatedUser } from './authenticated-user';
export { CurrentUser } from './current-user.decorator';
export { GqlAuthGuard } from './gql-auth.guard';
export { IdentityModule } from './identity.module';
export { Locale } from './locale.enum';
export { OrganizationKind } from './organization-kind.enum';
export { Public } from './public.decorator';
export { Role } from './role.enum';
export { hasAnyRole, isProviderStaff, ROLES_BY_ORGANIZATION_KIND } from './role-rules';
export { Roles } from './roles.decorator';
export { RolesGuard } from './roles.guard';
export { AppUserEntity } from './app-user.entity';
export { OrganizationEntity } from './organization.entity';
export { UserModel } from './user.model';
export { OrganizationModel } from './organization.model';
