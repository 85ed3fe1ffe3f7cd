// The ticket number's shape, one definition for the API's validation and the web app's forms.
// Pure (no Node, DOM or Nest): Vite bundles it into the web app by a relative path.

/** L3-02: `L3-<year>-<6+ digit sequence>` (six digits, more past 999,999 in a year). */
export const TICKET_NUMBER_PATTERN = /^L3-\d{4}-\d{6,}$/;

/**
 * A ticket number as people type it, in the list's search (QA S43): «L3-2026-6» or «l3-2026-06»
 * is ticket L3-2026-000006; any other text is returned as it is.
 */
export function typedTicketNumber(text: string): string {
  const typed = /^\s*L3-(\d{4})-(\d{1,5})\s*$/i.exec(text);
  return typed ? `L3-${typed[1]}-${typed[2].padStart(6, '0')}` : text;
}
