import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { UUID } from './attachment-policy';

/**
 * How long a file uploaded for a comment waits for the comment to name it (the web posts the
 * comment right after its files) before it is removed (`HeldCommentFilesSweep`).
 */
export const COMMENT_FILE_HOLD_MS = 10 * 60_000;

/**
 * The comment naming `ids` is recorded: its email tells them, so they are no longer held (they
 * show on the ticket, and the sweep leaves them).
 */
export async function releaseCommentFiles(
  db: Pick<EntityManager, 'query'>,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE ticket_attachment SET held_for_comment_until = NULL
      WHERE id = ANY($1::uuid[]) AND held_for_comment_until IS NOT NULL`,
    [ids],
  );
}

/** Why a file cannot go with a comment (VALIDATION_FAILED `reason`). */
export type CommentFileProblem =
  | 'COMMENT_FILE_NOT_FOUND'
  | 'COMMENT_FILE_NOT_YOURS'
  | 'COMMENT_FILE_DELETED'
  | 'COMMENT_FILE_INTERNAL'
  | 'COMMENT_FILE_NOT_INTERNAL';

/**
 * L3-11: the files a comment carries (`addComment(attachmentIds)`), checked before the comment
 * is recorded: each one a file of this ticket (NOT_FOUND-like otherwise, whatever ticket it is
 * on), attached by the commenter (uploaded with `forComment`, so it had no email of its own), not
 * deleted, and visible to the client exactly when the comment is (QA S58: an internal note carried
 * a file the client could download). The IDs once each, in the order given.
 * Refused with VALIDATION_FAILED and the file's ID; nothing is written.
 */
export async function commentFileIds(
  db: Pick<EntityManager, 'query'>,
  ticketNumber: string,
  authorId: string,
  ids: readonly string[],
  internalComment: boolean,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.query<
    { id: string; uploaded_by: string | null; internal: boolean; deleted: boolean }[]
  >(
    `SELECT id::text AS id, uploaded_by, internal, deleted_at IS NOT NULL AS deleted
       FROM ticket_attachment
      WHERE ticket_number = $1 AND id = ANY($2::uuid[])`,
    [ticketNumber, unique.filter((id) => UUID.test(id))],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of unique) {
    const row = byId.get(id.toLowerCase());
    const problem: CommentFileProblem | null = !row
      ? 'COMMENT_FILE_NOT_FOUND'
      : row.uploaded_by !== authorId
        ? 'COMMENT_FILE_NOT_YOURS'
        : row.deleted
          ? 'COMMENT_FILE_DELETED'
          : row.internal !== internalComment
            ? internalComment
              ? 'COMMENT_FILE_NOT_INTERNAL'
              : 'COMMENT_FILE_INTERNAL'
            : null;
    if (problem) throw commentFileRefusal(problem, id, ticketNumber);
  }
  return unique.map((id) => id.toLowerCase());
}

const MESSAGES: Record<CommentFileProblem, string> = {
  COMMENT_FILE_NOT_FOUND: 'is not a file of this ticket',
  COMMENT_FILE_NOT_YOURS: 'was attached by someone else: a comment carries its author’s files',
  COMMENT_FILE_DELETED: 'was deleted',
  COMMENT_FILE_INTERNAL: 'is internal: a comment the client sees cannot carry it',
  COMMENT_FILE_NOT_INTERNAL:
    'is visible to the client: an internal note carries internal files only',
};

function commentFileRefusal(problem: CommentFileProblem, id: string, ticketNumber: string) {
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `File ${id} ${MESSAGES[problem]} (ticket ${ticketNumber})`,
    { reason: problem, field: 'attachmentIds', attachmentId: id },
  );
}
