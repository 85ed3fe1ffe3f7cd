// SQL over a `ticket_event` row aliased `e` (its `type` and `data` jsonb), shared by the
// projection, the ticket list's search and the migrations that index them.

/**
 * `isInternalNote` (ticket-timeline.ts) in SQL: a comment not marked `internal: false`. Clients never
 * see it: its time is not the ticket's «Última actividad» and a client's search does not read it.
 */
export const INTERNAL_NOTE_SQL = `(e.type = 'comment' AND e.data -> 'internal' IS DISTINCT FROM 'false'::jsonb)`;

/**
 * A reassignment (L3-07): its only words are the hand-over note staff write for each other
 * (`withoutHandOverNote`, ticket-timeline.ts), so a client's search does not read it.
 */
export const HAND_OVER_NOTE_SQL = `(e.type = 'reassign')`;

/** Spanish (and nearby) accented letters and the letter each searches as. */
const ACCENTED = 'ÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇáàâäãéèêëíìîïóòôöõúùûüñç';
const PLAIN = 'AAAAAEEEEIIIIOOOOOUUUUNCaaaaaeeeeiiiiooooouuuunc';

/**
 * `expression` with its accents taken off, in SQL (`translate` is immutable, so it can be indexed):
 * a search for «rubi» finds «rubí», «Descripcion» finds «Descripción». Case is left to `ILIKE`.
 */
export function unaccentedSql(expression: string): string {
  return `translate(${expression}, '${ACCENTED}', '${PLAIN}')`;
}

/** The same in JavaScript, for what the user typed. */
export function unaccented(text: string): string {
  return [...text]
    .map((c) => {
      const at = ACCENTED.indexOf(c);
      return at === -1 ? c : PLAIN[at];
    })
    .join('');
}

/**
 * The words people wrote in an event (comment bodies, notes, an estimate's scope, an
 * authorization's statement, reasons, an admin action's details), as one immutable expression.
 */
export const EVENT_TEXT_SQL = `(coalesce(e.data ->> 'body', '') || ' ' || coalesce(e.data ->> 'note', '') || ' ' ||
  coalesce(e.data ->> 'scope', '') || ' ' || coalesce(e.data ->> 'statement', '') || ' ' ||
  coalesce(e.data ->> 'reason', '') || ' ' || coalesce(e.data ->> 'details', ''))`;

/**
 * What the ticket search matches in an event: its words without accents; a trigram index holds
 * it, so `ILIKE '%…%'` on it is an index read (migration 1764319350000).
 */
export const EVENT_SEARCH_SQL = unaccentedSql(EVENT_TEXT_SQL);
