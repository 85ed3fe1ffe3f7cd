/** Every error code a client can see in `errors[].extensions.code`. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONFLICT = 'CONFLICT',
  /** Too many attempts (e.g. failed logins); `retryAfterSeconds` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** A typed error raised at the domain edge; mapped to GraphQL once, in `graphql-error-formatter.ts`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable facts, e.g. the list of invalid fields. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * NOT_FOUND for one thing the caller named: `entity` is a stable name clients word (`ticket`,
 * `calendar`, `user`…), `id` what was asked for. Also the answer for things the caller may not
 * see, so existence never leaks.
 */
export function notFound(entity: string, id: string, message: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, message, { reason: 'NOT_FOUND', entity, id });
}
