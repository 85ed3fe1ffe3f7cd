import { HttpException } from '@nestjs/common';
import { ErrorCode } from '../common/errors/domain-error';
import { formatGraphQLError } from '../common/errors/graphql-error-formatter';
import { tooLarge } from './attachment-policy';

/** What the attachment routes answer on a refusal: `{ code, reason, message, …parameters }`. */
export interface HttpErrorAnswer {
  readonly status: number;
  readonly body: {
    readonly code: string;
    readonly reason: string;
    readonly message: string;
    readonly [parameter: string]: unknown;
  };
}

const STATUS_BY_CODE: Partial<Record<string, number>> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.UNAVAILABLE]: 503,
};

/** Refusals whose HTTP status says more than 400. */
const STATUS_BY_REASON: Partial<Record<string, number>> = {
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_CONTENT_MISMATCH: 415,
  RANGE_NOT_SATISFIABLE: 416,
};

/**
 * Any error of an attachment route as its HTTP answer. The code, message and parameters come from
 * the one place that maps errors for GraphQL (`formatGraphQLError`), so a refusal reads the same
 * on both; multer's own refusals (the size limit, a malformed multipart body) are put in the same
 * words. `maxBytes`: `ATTACHMENT_MAX_BYTES`, for the too-large answer.
 */
export function httpErrorAnswer(error: unknown, maxBytes: number): HttpErrorAnswer {
  if (error instanceof HttpException && error.getStatus() === 413) {
    return httpErrorAnswer(tooLarge(maxBytes), maxBytes);
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return {
      status: 400,
      body: {
        code: ErrorCode.VALIDATION_FAILED,
        reason: 'ATTACHMENT_MALFORMED',
        message: `Send one file as multipart/form-data in the field "file" (${error.message})`,
      },
    };
  }
  const formatted = formatGraphQLError({ message: 'Internal error' }, error);
  const { code: rawCode, reason: rawReason, ...parameters } = formatted.extensions ?? {};
  const code = typeof rawCode === 'string' ? rawCode : ErrorCode.INTERNAL;
  const reason = typeof rawReason === 'string' ? rawReason : code;
  return {
    status: STATUS_BY_REASON[reason] ?? STATUS_BY_CODE[code] ?? 500,
    body: { ...parameters, code, reason, message: formatted.message },
  };
}
