import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { AuthenticatedUser } from './authenticated-user';
import { graphQLAuthContext } from './graphql-auth-context';

/** The {@link AuthenticatedUser} calling a protected GraphQL operation. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = graphQLAuthContext(context).user;
    // Only reachable on a @Public() operation, where asking for the user is a programming error.
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Log in first');
    return user;
  },
);
