import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { isPublic } from './gql-auth.guard';
import { graphQLAuthContext } from './graphql-auth-context';
import type { Role } from './role.enum';
import { hasAnyRole } from './role-rules';
import { ROLES_KEY } from './roles.decorator';

/** Global guard, after {@link GqlAuthGuard}: enforces {@link Roles} (FORBIDDEN when missing). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length || isPublic(this.reflector, context)) return true;
    const user = graphQLAuthContext(context).user;
    // Does not rely on guard order: no authenticated caller is never "forbidden", only unknown.
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Log in first');
    if (!hasAnyRole(user, required)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `This operation needs one of the roles ${required.join(', ')}`,
        { reason: 'ROLE_NOT_ALLOWED', requiredRoles: required, allowedRoles: required },
      );
    }
    return true;
  }
}
