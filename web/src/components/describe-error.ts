import { ApiError } from '../api/graphql-client';
import { serverErrorText } from '../i18n/error-text';
import { formatInstant, formatInstantWithDay } from '../i18n/format';
import type { Messages } from '../i18n/es-mx';

// How an error reads in the UI language (`ErrorMessage` shows it). Pure, so the unit tier tests it.

/** Codes whose server message says something useful to the person (which field, which date). */
const DETAILED = new Set(['VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION']);

/** How to word details: the user's time zone, and the labels of the form the error is about. */
export interface DescribeContext {
  readonly language: string;
  readonly timeZone: string;
  readonly fieldLabel?: (property: string, path: string) => string | undefined;
  /** A client reads ticket states in its words (`stateText`). */
  readonly client?: boolean;
}

/**
 * The error in the UI language; `overrides` rewords a code for one screen (e.g. login). The
 * detail is the server's reason in words when it is known (`i18n/error-text.ts`), else the
 * server's own message (English: `detailLanguage` says so).
 */
export function describeError(
  error: unknown,
  t: Messages,
  overrides: Partial<Record<string, string>> = {},
  context: DescribeContext = { language: 'es-MX', timeZone: 'America/Mexico_City' },
): { text: string; detail?: string; detailLanguage?: 'en' } {
  if (error instanceof ApiError) {
    const base = overrides[error.code] ?? t.errors[error.code];
    // RATE_LIMITED says when the next attempt will be taken.
    const text =
      error.code === 'RATE_LIMITED' && error.retryAfterSeconds
        ? `${base} ${t.errors.retryIn(error.retryAfterSeconds)}`
        : base;
    const worded = serverErrorText(
      { code: error.code, message: error.message, extensions: error.extensions },
      {
        server: t.serverErrors,
        roleNames: t.users.roleNames,
        actionNames: t.tickets.actionNames,
        states: context.client
          ? { ...t.tickets.states, ...t.tickets.clientStates }
          : t.tickets.states,
        categories: t.tickets.categories,
      },
      {
        language: context.language,
        formatInstant: (iso) => formatInstant(iso, context.language as 'es-MX', context.timeZone),
        formatInstantWithDay: (iso) =>
          formatInstantWithDay(iso, context.language as 'es-MX', context.timeZone),
        fieldLabel: context.fieldLabel,
      },
    );
    // A conflict said in its own words stands alone: «Ya existe un registro igual.» above «No
    // puede desactivar su propia cuenta.» or «… ya tiene su propio calendario» is wrong or says
    // it twice (QA S20); a screen's own words for the code (`overrides`) still lead.
    if (worded && error.code === 'CONFLICT' && overrides.CONFLICT === undefined) {
      return { text: worded };
    }
    // Invalid data the server said in words for its field: the heading introduces them, where
    // «Los datos no son válidos.» above them read as a machine's (QA S51, S52).
    if (worded && error.code === 'VALIDATION_FAILED' && overrides.VALIDATION_FAILED === undefined) {
      return { text: t.errors.VALIDATION_WORDED, detail: worded };
    }
    if (worded) return { text, detail: worded };
    return DETAILED.has(error.code)
      ? { text, detail: error.message, detailLanguage: 'en' }
      : { text };
  }
  return {
    text: t.errors.INTERNAL,
    detail: error instanceof Error ? error.message : undefined,
    detailLanguage: 'en',
  };
}
