import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { timePart } from '../common/server-timing';
import { AuthService } from './auth.service';
import { bearerToken, graphQLAuthContext } from './graphql-auth-context';
import { IS_PUBLIC_KEY } from './public.decorator';

/**
 * Global guard: every GraphQL query and mutation needs a valid session unless it (or its
 * resolver class) is marked {@link Public}. Puts the caller on the GraphQL context.
 * REST routes (only `/health`, which must stay open to orchestrators) are not its business.
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    if (isPublic(this.reflector, context)) return true;
    const ctx = graphQLAuthContext(context);
    ctx.authentication ??= timePart('auth', () => this.auth.authenticate(bearerToken(ctx)));
    ctx.user = await ctx.authentication;
    return true;
  }
}

export function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  return (
    reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]) === true
  );
}
