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

/**
 * The words people wrote in an event (comment bodies, notes, an estimate's scope, an
 * authorization's statement, reasons, an admin action's details), as one immutable expression, so
 * a trigram index can serve `ILIKE '%…%'` on it (migration 1764319350000).
 */
export const EVENT_TEXT_SQL = `(coalesce(e.data ->> 'body', '') || ' ' || coalesce(e.data ->> 'note', '') || ' ' ||
  coalesce(e.data ->> 'scope', '') || ' ' || coalesce(e.data ->> 'statement', '') || ' ' ||
  coalesce(e.data ->> 'reason', '') || ' ' || coalesce(e.data ->> 'details', ''))`;
