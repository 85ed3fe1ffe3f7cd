import { cleanFileName } from '../attachments/attachment-policy';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
export { filesNotArrived } from '../shared/files-not-arrived';

// L3-11 (QA S62 #5): the files a registrant announces with a new ticket, by count and, from the
// web app, by name. The names are kept with the ticket so that a file that never arrived (the tab
// closed mid-upload, a failed upload) is known on the server, told to the registrant with a way
// to attach it again and to provider staff as «1 archivo anunciado no llegó». Pure, so the unit
// tier checks it.

/** What a registration announces: how many files follow, and their names (cleaned) if given. */
export interface AnnouncedFiles {
  readonly count: number;
  readonly names: string[];
}

/**
 * The files `input` announces: `attachmentsToFollow`, or else as many as `announcedFileNames`
 * names; the names cleaned as an upload's name is (`cleanFileName`), so they match the stored
 * file's. VALIDATION_FAILED when both are given and disagree, or a name is empty once cleaned.
 * (The count's upper limit is the caller's check, with its message.)
 */
export function announcedFilesOf(input: {
  readonly attachmentsToFollow?: number | null;
  readonly announcedFileNames?: readonly string[] | null;
}): AnnouncedFiles {
  const raw = input.announcedFileNames ?? [];
  const names = raw.map(cleanFileName);
  if (names.some((name) => name === '' || name === '.' || name === '..')) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'announcedFileNames must name files');
  }
  const given = input.attachmentsToFollow ?? undefined;
  if (input.announcedFileNames && given !== undefined && given !== names.length) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `attachmentsToFollow (${given}) must be how many announcedFileNames there are (${names.length})`,
    );
  }
  return { count: given ?? names.length, names };
}
