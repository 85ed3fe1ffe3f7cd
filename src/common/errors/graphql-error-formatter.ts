import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  BusinessTimeError,
  BusinessTimeInputError,
  CalendarValidationError,
  NoWorkingTimeError,
} from '../../business-time/engine';
import { DomainError, ErrorCode } from './domain-error';

const logger = new Logger('GraphQL');

/** Apollo's own codes for requests that never reached a resolver. */
const REQUEST_ERROR_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.VALIDATION_FAILED,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.VALIDATION_FAILED,
  BAD_USER_INPUT: ErrorCode.VALIDATION_FAILED,
  BAD_REQUEST: ErrorCode.VALIDATION_FAILED,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.VALIDATION_FAILED,
  // An unknown operationName, or several operations and none named.
  OPERATION_RESOLUTION_FAILURE: ErrorCode.VALIDATION_FAILED,
};

/**
 * PostgreSQL refusing a value it cannot store or read as the column's type (a NUL byte in text,
 * a malformed UUID or date): the caller's input, never a server fault. SQLSTATE class 22.
 */
const INVALID_VALUE_SQLSTATES = new Set(['22021', '22P05', '22P02', '22007', '22008', '22003']);

function isInvalidDatabaseValue(err: unknown): boolean {
  const code = (err as { driverError?: { code?: unknown }; code?: unknown } | null)?.driverError
    ?.code;
  return typeof code === 'string' && INVALID_VALUE_SQLSTATES.has(code);
}

/** graphql-js's own execution-time argument errors (`Argument "x" of non-null type …`). */
function isArgumentCoercionError(err: unknown): boolean {
  return (
    err instanceof GraphQLError && !err.originalError && /^Argument "[^"]+" /.test(err.message)
  );
}

/**
 * Errors from infrastructure that mean "try again later", not "you did something wrong". Read by
 * shape, not `instanceof Error`: where the API runs inside Jest (the integration and fault tiers
 * start it in the test's own process), the sandbox has its own `Error`, and errors made by Node's
 * core modules (net's `connect ECONNREFUSED` while PostgreSQL is down) fail `instanceof Error`.
 * graphql-js wrapped such a value as «Unexpected error value: { … ECONNREFUSED … }», which matched
 * by its message; graphql-jit hands it on as it is. One process of `npm start` has one realm.
 */
function isUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, message, code } = err as { name?: unknown; message?: unknown; code?: unknown };
  const text = [name, message, code].filter((part) => typeof part === 'string').join(' ');
  return /ECONNREFUSED|ETIMEDOUT|Connection terminated|ServiceError|UNAVAILABLE|DEADLINE_EXCEEDED/i.test(
    text,
  );
}

/**
 * The single place that turns any thrown error into what a GraphQL client sees: a stable
 * `extensions.code`, a readable message, and never a stack trace.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    // The English message for API users; `reason` and its parameters for clients to word.
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...original.details },
    };
  }
  if (original instanceof BusinessTimeError) {
    // The pure engine's typed errors: bad amounts, instants or calendars are the caller's input.
    return {
      ...base,
      message: original.message,
      extensions: {
        code: ErrorCode.VALIDATION_FAILED,
        reason: original.code,
        ...businessTimeDetails(original),
      },
    };
  }
  const httpResponse = (
    original as { response?: { statusCode?: number; message?: unknown; violations?: unknown } }
  )?.response;
  if (httpResponse?.statusCode === 400) {
    // class-validator failures raised by the ValidationPipe (`input-validation.pipe.ts`): the
    // English sentences in `issues`, each broken rule in `violations` for clients to word.
    const messages = Array.isArray(httpResponse.message)
      ? httpResponse.message
      : [String(httpResponse.message)];
    const violations = Array.isArray(httpResponse.violations)
      ? { reason: 'INPUT_CONSTRAINTS', violations: httpResponse.violations }
      : {};
    return {
      ...base,
      message: messages.join('; '),
      extensions: { code: ErrorCode.VALIDATION_FAILED, issues: messages, ...violations },
    };
  }
  if (isArgumentCoercionError(original)) {
    // graphql-js refusing an argument while executing (e.g. an explicit null for a non-null
    // argument that has a default): the caller's input, never a server fault.
    return {
      ...base,
      message: formatted.message,
      extensions: { code: ErrorCode.VALIDATION_FAILED },
    };
  }
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && REQUEST_ERROR_CODES[apolloCode]) {
    return { ...base, extensions: { code: REQUEST_ERROR_CODES[apolloCode] } };
  }
  if (isInvalidDatabaseValue(original)) {
    return {
      ...base,
      message: 'An argument holds a value that cannot be stored (e.g. a NUL character).',
      extensions: { code: ErrorCode.VALIDATION_FAILED },
    };
  }
  if (isUnavailable(original)) {
    logger.warn(`dependency unavailable: ${String((original as Error).message)}`);
    return {
      ...base,
      message: 'A backing service is unavailable; try again shortly.',
      extensions: { code: ErrorCode.UNAVAILABLE },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { ...base, message: 'Internal error', extensions: { code: ErrorCode.INTERNAL } };
}

/**
 * What an engine error tells clients to word it (QA S53: the deadline calculator showed the
 * engine's English sentence): a calendar's issues; the input and the rule it broke; the zone, date
 * and horizon of a calendar with no working time left.
 */
function businessTimeDetails(error: BusinessTimeError): Record<string, unknown> {
  if (error instanceof CalendarValidationError) return { issues: error.issues };
  if (error instanceof BusinessTimeInputError) {
    return { field: error.field, ...(error.rule ? { rule: error.rule } : {}) };
  }
  if (error instanceof NoWorkingTimeError) {
    return {
      timeZone: error.timeZone,
      searchedFrom: error.searchedFrom,
      horizonDays: error.horizonDays,
    };
  }
  return {};
}
