// QA S65c (L3-11): what the comment box says of each of its files while they go up, and when its
// «Quite o cambie los archivos…» stops applying. No React, no DOM: the unit tier drives it.

/** A comment's file: waiting its turn, going up (how far), or stored («Adjuntado»). */
export type CommentFileState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'uploading'; readonly percent: number }
  | { readonly kind: 'attached' };

/**
 * Per file, its state: stored ones are «Adjuntado» (also those kept from an earlier try), the one
 * going up shows its percent, and while the comment is being sent the others are «En espera».
 * Nothing while the comment is not being sent and the file is not stored.
 */
export function commentFileStates<F>(
  files: readonly F[],
  stored: (file: F) => boolean,
  sending: { readonly file?: F; readonly percent: number } | undefined,
  busy: boolean,
): (CommentFileState | undefined)[] {
  return files.map((file) => {
    if (stored(file)) return { kind: 'attached' };
    if (sending?.file === file) return { kind: 'uploading', percent: sending.percent };
    return busy ? { kind: 'waiting' } : undefined;
  });
}

/**
 * Whether the files' problem («Quite o cambie…», «Hasta 10 archivos…») no longer applies: no file
 * is refused and there are not too many. It clears as soon as the writer fixed it (QA S65c #2).
 */
export function filesProblemFixed(
  refusals: readonly (string | undefined)[],
  count: number,
  limit: number,
): boolean {
  return count <= limit && refusals.every((r) => r === undefined);
}
