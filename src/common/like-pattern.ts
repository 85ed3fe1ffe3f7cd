/**
 * The `ILIKE` pattern of "contains `text`", taken literally: a `%`, `_` or `\` typed in a search
 * box is that character, not a wildcard (the ticket search's and the outbox's recipient search).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
