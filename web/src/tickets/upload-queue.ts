// Several files at once on a ticket (L3-11): the files chosen or dropped wait in a list, each
// checked here against the server's limits (the same refusals, in the same words), then go up
// one after another; a refusal of one does not stop the others. Pure (no React, no DOM), so the
// unit tier tests it directly; a browser `File` fits `ChosenFile`.

/** What is read of a chosen file. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  readonly lastModified?: number;
}

/** The server's limits (`attachmentPolicy`). */
export interface UploadPolicy {
  readonly maxBytes: number;
  readonly maxPerTicket: number;
  readonly allowedExtensions: readonly string[];
}

/** The refusals' words (`t.serverErrors.attachments`), with sizes and types as people read them. */
export interface RefusalWords {
  typeNotAllowed(name: string, allowed: string): string;
  empty(name: string): string;
  tooLarge(name: string, max: string): string;
  limit(limit: string): string;
}

/** The lowercase extension of a file name, or '' (as the server reads it). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The types the policy allows as people read them: ".png, .log". */
export function allowedTypes(policy: UploadPolicy): string {
  return policy.allowedExtensions.map((e) => `.${e}`).join(', ');
}

/**
 * The refusal the server would give to `file` on a ticket that has `liveCount` live files, or
 * undefined when it fits. `size` words a byte count ("10 MB").
 */
export function refusalOf(
  file: ChosenFile,
  policy: UploadPolicy,
  liveCount: number,
  words: RefusalWords,
  size: (bytes: number) => string,
): string | undefined {
  if (!policy.allowedExtensions.includes(extensionOf(file.name))) {
    return words.typeNotAllowed(file.name, allowedTypes(policy));
  }
  if (file.size === 0) return words.empty(file.name);
  if (file.size > policy.maxBytes) return words.tooLarge(file.name, size(policy.maxBytes));
  if (liveCount >= policy.maxPerTicket) return words.limit(String(policy.maxPerTicket));
  return undefined;
}

/** What a file was refused against here: the policy and the ticket's live files then. */
export interface LocalRefusal {
  readonly policy: UploadPolicy;
  readonly liveCount: number;
}

/** A file in the list: waiting, going up, stored, or refused (here or by the server). */
export type QueuedStatus = 'pending' | 'uploading' | 'uploaded' | 'refused';

export interface QueuedFile<F extends ChosenFile = ChosenFile> {
  /** Unique in the list (React's key; the file's name may repeat). */
  readonly key: number;
  readonly file: F;
  readonly status: QueuedStatus;
  /**
   * Refused here (by the policy): what it was checked against, worded with `refusalOf` when shown,
   * so the words follow the language switch.
   */
  readonly problem?: LocalRefusal;
  /** The server's refusal (or a failed request), worded by the caller. */
  readonly error?: unknown;
}

const sameFile = (a: ChosenFile, b: ChosenFile) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * The list after choosing or dropping `files`: what is done (stored or refused) leaves the list,
 * what still waits stays, and each new file is added after it (one already waiting is not added
 * twice). Keys continue from `nextKey`.
 */
export function addFiles<F extends ChosenFile>(
  queue: readonly QueuedFile<F>[],
  files: readonly F[],
  nextKey: number,
): QueuedFile<F>[] {
  const waiting = queue.filter((q) => q.status === 'pending' || q.status === 'uploading');
  let key = nextKey;
  for (const file of files) {
    if (waiting.some((q) => sameFile(q.file, file))) continue;
    waiting.push({ key: key++, file, status: 'pending' });
  }
  return waiting;
}

/**
 * Each waiting file's refusal if the list went up in order now, on a ticket with `liveCount` live
 * files: a file refused for its type or size takes no place, so a later one may still fit.
 */
export function reviewQueue<F extends ChosenFile>(
  queue: readonly QueuedFile<F>[],
  policy: UploadPolicy,
  liveCount: number,
  words: RefusalWords,
  size: (bytes: number) => string,
): Map<number, string> {
  const problems = new Map<number, string>();
  let count = liveCount;
  for (const item of queue) {
    if (item.status !== 'pending') continue;
    const refused = refusalOf(item.file, policy, count, words, size);
    if (refused) problems.set(item.key, refused);
    else count += 1;
  }
  return problems;
}

/** The list with one entry replaced (by key). */
export function updateQueued<F extends ChosenFile>(
  queue: readonly QueuedFile<F>[],
  key: number,
  change: Partial<Pick<QueuedFile<F>, 'status' | 'problem' | 'error'>>,
): QueuedFile<F>[] {
  return queue.map((q) => (q.key === key ? { ...q, ...change } : q));
}

/** The list without one waiting entry. */
export function removeQueued<F extends ChosenFile>(
  queue: readonly QueuedFile<F>[],
  key: number,
): QueuedFile<F>[] {
  return queue.filter((q) => q.key !== key || q.status === 'uploading');
}

/**
 * Whether a server refusal (or failed request) was a momentary one, the network's or the
 * server's (`NETWORK`, `UNAVAILABLE`), so the same file may well go up when tried again.
 */
export function isTransientRefusal(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'NETWORK' || code === 'UNAVAILABLE';
}

/** The summary's parts, without a period (`t.attachments`). */
export interface SummaryWords {
  summaryOne(name: string): string;
  summaryMany(n: number): string;
  readonly summaryNone: string;
  summaryRefused(n: number): string;
}

/**
 * What one upload run says when it ends: what was stored and, when some were refused, how many
 * («Se adjuntaron 2 archivos; 1 rechazado.»). `tone`: all stored (success), some refused
 * (partial), none stored (failed); undefined when nothing was sent.
 */
export function uploadSummary(
  stored: readonly string[],
  refused: number,
  words: SummaryWords,
): { text: string; tone: 'success' | 'partial' | 'failed' } | undefined {
  if (stored.length === 0 && refused === 0) return undefined;
  const head =
    stored.length === 0
      ? words.summaryNone
      : stored.length === 1
        ? words.summaryOne(stored[0])
        : words.summaryMany(stored.length);
  const text = refused > 0 ? `${head}; ${words.summaryRefused(refused)}.` : `${head}.`;
  const tone = refused === 0 ? 'success' : stored.length > 0 ? 'partial' : 'failed';
  return { text, tone };
}
