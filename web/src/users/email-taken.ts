import { ApiError } from '../api/graphql-client';
import type { Messages } from '../i18n/es-mx';

/**
 * A refusal for an email another user has, in its own words: said alone, since the generic
 * «Ya existe un registro igual» above it adds nothing (QA S20).
 */
export function emailTakenText(error: unknown, t: Messages): string | undefined {
  if (!(error instanceof ApiError) || error.reason !== 'EMAIL_TAKEN') return undefined;
  const { email } = error.extensions;
  return t.serverErrors.emailTaken(typeof email === 'string' ? email : '');
}
