/** The API's largest `first` on hourStatement (L3-13): a longer ledger is paged with `after`. */
export const LEDGER_REQUEST_MAX = 100;

/** One page of hourStatement, as the API sends it (newest first). */
export interface LedgerPage<E> {
  edges: { node: E }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** Movements older than a cursor, and where the ledger goes on after them. */
export interface OlderMovements<E> {
  entries: E[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * The `count` movements after `after` (older ones, the ledger being newest first), asked in
 * requests of at most LEDGER_REQUEST_MAX and following each page's endCursor, so a ledger of any
 * length can be read to its first movement (QA S14-F: «Mostrar más» stopped at 100).
 */
export async function loadOlderMovements<E>(
  fetchPage: (first: number, after: string) => Promise<LedgerPage<E>>,
  after: string,
  count: number,
): Promise<OlderMovements<E>> {
  const entries: E[] = [];
  let cursor: string | null = after;
  let hasNextPage = true;
  while (cursor && hasNextPage && entries.length < count) {
    const page = await fetchPage(Math.min(LEDGER_REQUEST_MAX, count - entries.length), cursor);
    entries.push(...page.edges.map((e) => e.node));
    hasNextPage = page.pageInfo.hasNextPage;
    // No cursor: nothing after this page to ask for.
    cursor = page.pageInfo.endCursor;
  }
  return { entries, endCursor: cursor, hasNextPage: hasNextPage && cursor !== null };
}

/** The loaded movements once: a live reload of the newest page may overlap the older ones. */
export function mergeMovements<E extends { id: string }>(newest: E[], older: E[]): E[] {
  const seen = new Set(newest.map((e) => e.id));
  return [...newest, ...older.filter((e) => !seen.has(e.id))];
}
