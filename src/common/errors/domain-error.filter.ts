import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { BusinessTimeError } from '../../business-time/engine';
import { DomainError } from './domain-error';

/**
 * Expected, typed errors go straight to the GraphQL error formatter (which maps their code) without
 * Nest logging them as crashes; unexpected errors still reach Nest's handler and are logged there.
 */
@Catch(DomainError, BusinessTimeError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(exception: DomainError | BusinessTimeError): DomainError | BusinessTimeError {
    return exception;
  }
}
