import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Every error a resolver throws goes to the GraphQL error formatter, the one place that maps it
 * to a code and logs it (`graphql-error-formatter.ts`): typed and invalid-input errors silently,
 * an unreachable Temporal or PostgreSQL as one warning line, anything else as an ERROR with its
 * stack. Without this, Nest's handler logged each of them first as a crash with a stack trace
 * (every request during an outage, and unexpected errors twice). HTTP routes keep Nest's
 * handling.
 */
@Catch()
export class ResolverErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    // Rethrown, as Nest's own GraphQL handler does, only without its log line. A returned error
    // would be taken as the field's value wherever `instanceof Error` fails across realms (Node's
    // own socket errors under Jest: the PostgreSQL fault test caught it).
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
