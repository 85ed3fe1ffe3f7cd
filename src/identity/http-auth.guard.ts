import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { bearerToken } from './graphql-auth-context';

/** An HTTP request once {@link HttpAuthGuard} has let it through. */
interface AuthenticatedRequest {
  headers?: IncomingHttpHeaders;
  user?: AuthenticatedUser;
}

/**
 * The same session check as GraphQL's {@link GqlAuthGuard}, for the REST routes that need a login
 * (file uploads and downloads): the `Authorization: Bearer <token>` header, verified and read
 * fresh by `AuthService.authenticate` (a deactivated user or an ended session is refused at
 * once). Runs before the route reads the request body, so an anonymous upload is never parsed.
 */
@Injectable()
export class HttpAuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.user = await this.auth.authenticate(bearerToken({ req }));
    return true;
  }
}

/** The {@link AuthenticatedUser} of a REST route guarded by {@link HttpAuthGuard}. */
export const HttpUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Log in first');
    return user;
  },
);
