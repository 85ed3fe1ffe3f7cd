// The files chosen for a comment's draft (L3-11; QA S58: a restored draft had lost them). A
// browser `File` cannot go in sessionStorage with the draft's text, so the files are kept in the
// tab's memory under the draft's key: they come back when the writer returns to the ticket from
// another screen, not after a reload, when the draft keeps only their names to say which to choose
// again. Pure module state (no React), so the unit tier tests it directly.

const kept = new Map<string, readonly unknown[]>();

/** Keeps `files` for the draft `key`; none (or an empty list) forgets them. */
export function keepCommentFiles<F>(key: string, files: readonly F[] | undefined): void {
  if (files && files.length > 0) kept.set(key, [...files]);
  else kept.delete(key);
}

/** Forgets the files of every draft whose key starts with `prefix` («Cerrar sesión»). */
export function forgetCommentFiles(prefix: string): void {
  for (const key of [...kept.keys()]) if (key.startsWith(prefix)) kept.delete(key);
}

/** The files kept for the draft `key`, or an empty list. */
export function keptCommentFiles<F>(key: string): F[] {
  return [...((kept.get(key) as readonly F[] | undefined) ?? [])];
}

/** The draft field that names the chosen files (what a reload cannot bring back). */
export const FILE_NAMES_FIELD = 'files';

/** The draft's field for `names`: one name per line, '' for none. */
export function fileNamesField(names: readonly string[]): string {
  return names.join('\n');
}

/**
 * The files a restored draft named that are not with it any more (the tab was reloaded), or an
 * empty list: `field` is the draft's `files` field, `present` the files chosen now.
 */
export function lostFileNames(
  field: string | undefined,
  present: readonly { readonly name: string }[],
): string[] {
  if (!field) return [];
  const names = field.split('\n').filter((n) => n !== '');
  const left = present.map((f) => f.name);
  return names.filter((name) => {
    const i = left.indexOf(name);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}
