import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { BREAK, type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { ErrorCode } from '../common/errors/domain-error';

const logger = new Logger('Http');

/**
 * Where a NUL character (U+0000) appears in an operation's variables or string literals, if
 * anywhere. No text the API stores or looks up may hold one (PostgreSQL refuses it in text).
 */
export function nulCharacterPath(
  document: DocumentNode | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): string | null {
  return nulInValue(variables ?? {}, '$', '') ?? (document ? nulInDocument(document) : null);
}

function nulInValue(value: unknown, path: string, separator: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulInValue(value[i], `${path}[${i}]`, '.');
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${path}${separator}<key>`;
      const found = nulInValue(v, `${path}${separator}${key}`, '.');
      if (found) return found;
    }
  }
  return null;
}

// Apollo parses a document once and reuses it for every request of the same text: its literals
// are looked at once, not per request (the variables change, so they are looked at each time).
const documentLiterals = new WeakMap<DocumentNode, string | null>();

function nulInDocument(document: DocumentNode): string | null {
  let found = documentLiterals.get(document);
  if (found !== undefined) return found;
  found = null;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) {
        found = 'a string literal';
        return BREAK;
      }
      return undefined;
    },
  });
  documentLiterals.set(document, found);
  return found;
}

/** The request error for a NUL character at `path` (VALIDATION_FAILED once formatted). */
export function nulCharacterError(path: string): GraphQLError {
  return new GraphQLError(`Text may not contain the NUL character (U+0000): ${path}`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/**
 * Refuses, before any resolver runs, an operation whose text holds a NUL character: a typed
 * VALIDATION_FAILED instead of a database error (and its stack in the log) halfway through.
 */
export const noNulCharacters: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ document, request }) => {
        const path = nulCharacterPath(document, request.variables);
        return path ? Promise.reject(nulCharacterError(path)) : Promise.resolve();
      },
    }),
};

/**
 * Answers the body parser's refusals (a body over the limit, malformed JSON, an unsupported
 * charset) as GraphQL request errors with their 4xx status, logged as one warning line: the
 * client's mistake, not a crash with a stack trace. Anything else goes on to Nest.
 */
export function bodyParserErrors(
  err: unknown,
  req: { readonly method: string; readonly originalUrl: string },
  res: { status(code: number): { json(body: unknown): unknown } },
  next: (err?: unknown) => void,
): void {
  const failure = err as { status?: unknown; expose?: unknown; type?: unknown; message?: unknown };
  const status = failure?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500 || failure.expose !== true) {
    next(err);
    return;
  }
  const reason = typeof failure.type === 'string' ? failure.type : 'request.invalid';
  logger.warn(`${req.method} ${req.originalUrl}: ${status} ${reason}`);
  res.status(status).json({
    errors: [
      {
        message: typeof failure.message === 'string' ? failure.message : 'Invalid request body',
        extensions: { code: ErrorCode.VALIDATION_FAILED, reason },
      },
    ],
  });
}
