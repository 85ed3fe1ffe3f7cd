// Canned responses («Respuestas predefinidas»): the rules as plain values and pure functions (no
// Nest, no TypeORM), shared by the inputs, the service and the tests.
import { COMMENT_MAX_LENGTH } from '../../workflows/ticket/ticket.contract';

/** A title: 1–120 characters after trimming, unique regardless of case. */
export const CANNED_TITLE_MAX_LENGTH = 120;

/** A body: 1 to the comment limit after trimming (it is inserted into comments and notes). */
export const CANNED_BODY_MAX_LENGTH = COMMENT_MAX_LENGTH;

/** The unique index on `lower(title)` (migration 1764319400000): a duplicate title. */
export const CANNED_TITLE_CONSTRAINT = 'uq_canned_response_title';

/** Titles in the order a Spanish reader expects (accents and case do not split the list). */
export function byTitle<T extends { readonly title: string; readonly id: string }>(
  a: T,
  b: T,
): number {
  return (
    a.title.localeCompare(b.title, 'es', { sensitivity: 'base' }) ||
    a.title.localeCompare(b.title, 'es') ||
    a.id.localeCompare(b.id)
  );
}
