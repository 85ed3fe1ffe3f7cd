/**
 * The longest texts a ticket's forms send, in characters: what the API's inputs accept
 * (`ticket.inputs.ts`, `add-comment.args.ts`) and what the web app counts as it is typed, so a
 * writer sees the limit before sending, not in the refusal after (QA S51). Counted as the browser
 * and the workflow count (UTF-16 code units, `String.length`): never more than the API's own count.
 */
export const TEXT_LIMITS = {
  /** A ticket's subject at registration (L3-05). */
  subject: 200,
  /** A ticket's description at registration (L3-05). */
  description: 20_000,
  /** An action's note, and the client's answer recorded by staff (L3-06…L3-09). */
  note: 20_000,
  /** An estimate's or a change order's scope (L3-08, L3-12). */
  scope: 20_000,
  /** A comment or internal note: `COMMENT_MAX_LENGTH` of the ticket contract (L3-11). */
  comment: 10_000,
  /** A rejection, a re-estimate request, a declined remote session (L3-06, L3-09). */
  reason: 5_000,
  /** The approver's written authorization (L3-09). */
  statement: 5_000,
  /** What an odoo.sh admin action did (L3-17). */
  details: 5_000,
} as const;

export type LimitedText = keyof typeof TEXT_LIMITS;

/** Most files one comment carries: `COMMENT_MAX_FILES` of the ticket contract (L3-11). */
export const COMMENT_FILE_LIMIT = 10;

/** From this share of its limit on, a text shows its count. */
export const TEXT_COUNT_FROM = 0.9;
