import type { TicketDetail } from '../api/tickets';

// A form open on the ticket page while the ticket moves on (another person, another tab, an SLA
// event): the page follows the ticket live, and what the user typed must not go with the old
// state ("no data is lost"). These are the rules, kept free of React so they are unit-tested.

/** The parts of a ticket whose change a person writing on it should hear about. */
export type MarkedTicket = Pick<
  TicketDetail,
  'state' | 'slaStatus' | 'assigneeId' | 'releaseDate' | 'allowedActions' | 'timeline'
>;

/**
 * A short fingerprint of what a person writing on the ticket sees change: its state, SLA status,
 * assignee, release date, the actions offered and the newest timeline event (a comment, a
 * transition). Two reads of an unchanged ticket give the same mark.
 */
export function ticketMark(ticket: MarkedTicket): string {
  const last = ticket.timeline.reduce((max, e) => Math.max(max, e.seq), 0);
  return JSON.stringify([
    ticket.state,
    ticket.slaStatus,
    ticket.assigneeId ?? null,
    ticket.releaseDate ?? null,
    [...ticket.allowedActions].sort(),
    last,
  ]);
}

/**
 * What an open form shows about the ticket it writes on:
 * - `current`: nothing changed since the form opened (or the change is the form's own sending);
 * - `updated`: the ticket changed but the form's action is still allowed: the form stays as typed,
 *   with a notice naming the new state;
 * - `withdrawn`: the action is no longer allowed: the form turns into a notice that keeps the
 *   typed text (read-only) and sends nothing.
 */
export type LiveFormStatus =
  | { readonly kind: 'current' }
  | { readonly kind: 'updated'; readonly state: string }
  | { readonly kind: 'withdrawn'; readonly state: string };

export interface LiveFormInput {
  /** The ticket's mark when the form opened (or the user last acknowledged a change). */
  readonly baseline: string | undefined;
  /** The mark of the ticket as the page shows it now. */
  readonly current: string;
  /** The ticket's state now. */
  readonly state: string;
  /** Whether the form's action is still allowed on the ticket as it is now. */
  readonly allowed: boolean;
  /** The form is sending: the change that follows is its own (it reloads, then closes). */
  readonly sending: boolean;
}

export function liveFormStatus(input: LiveFormInput): LiveFormStatus {
  if (input.sending || input.baseline === undefined) return { kind: 'current' };
  if (!input.allowed) return { kind: 'withdrawn', state: input.state };
  if (input.current !== input.baseline) return { kind: 'updated', state: input.state };
  return { kind: 'current' };
}

/** One field a person typed into, by its label. */
export interface DraftPart {
  readonly label: string;
  readonly value: string;
}

/**
 * The typed text of a form, to show read-only and copy: the non-blank fields in form order, each
 * under its label when there are several (a single field is just its text). '' when nothing typed.
 */
export function draftText(parts: readonly DraftPart[]): string {
  const typed = parts.filter((p) => p.value.trim() !== '');
  if (typed.length === 1) return typed[0].value.trim();
  return typed.map((p) => `${p.label}:\n${p.value.trim()}`).join('\n\n');
}

// --- The comment box's draft across a page reload (sessionStorage: this tab only). ---

/**
 * The part of the Web Storage API the drafts use (sessionStorage in the app; a map in tests).
 * Spelled out here so this module type-checks without the DOM library (the unit tier).
 */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A comment being written. `internal` goes with it: a restored internal note stays internal. */
export interface CommentDraft {
  readonly body: string;
  readonly internal: boolean;
}

/** One draft per user and ticket: another login in the same tab does not see it. */
export function commentDraftKey(userId: string, ticketNumber: string): string {
  return `sla.comment-draft.${userId}.${ticketNumber}`;
}

/** The stored draft, or undefined when there is none (or it cannot be read). */
export function readCommentDraft(
  storage: DraftStorage | undefined,
  key: string,
): CommentDraft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<CommentDraft>;
    if (typeof parsed.body !== 'string' || parsed.body.trim() === '') return undefined;
    return { body: parsed.body, internal: parsed.internal === true };
  } catch {
    // Storage refused (privacy mode) or a value not written by this code: no draft.
    return undefined;
  }
}

/** Stores the draft; a blank one removes the entry (sent or discarded). */
export function writeCommentDraft(
  storage: DraftStorage | undefined,
  key: string,
  draft: CommentDraft,
): void {
  try {
    if (draft.body.trim() === '') storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or refused storage: the draft still lives in the page; only a reload would lose it.
  }
}
