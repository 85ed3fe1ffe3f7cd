import type { IncomingHttpHeaders } from 'node:http';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedUser } from './authenticated-user';

/** The per-request GraphQL context (`{ req }`, see `graphql-options.ts`) plus what auth adds. */
export interface GraphQLAuthContext {
  req?: { headers?: IncomingHttpHeaders };
  /** Set by the auth guard on protected operations. */
  user?: AuthenticatedUser;
  /** One authentication per request, shared by every root field of the operation. */
  authentication?: Promise<AuthenticatedUser>;
}

export function graphQLAuthContext(context: ExecutionContext): GraphQLAuthContext {
  return GqlExecutionContext.create(context).getContext<GraphQLAuthContext>();
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(ctx: GraphQLAuthContext): string | undefined {
  const header = ctx.req?.headers?.authorization;
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}
