// Customer satisfaction of closed tickets: the rules, as plain values and pure functions (no Nest,
// no TypeORM), shared by the service, the email and the unit tests.

/** Scores run from 1 (very unsatisfied) to 5 (very satisfied), whole numbers only. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** The optional comment, trimmed; blank means none. */
export const RATING_COMMENT_MAX_LENGTH = 2000;

/** A rating may be changed for this many (calendar) days after it was first given. */
export const RATING_CHANGE_WINDOW_DAYS = 14;

/** A score at or below this emails the provider's managers (once per rating). */
export const LOW_SCORE_MAX = 2;

/** A score at or above this counts as satisfied in the summary. */
export const SATISFIED_SCORE_MIN = 4;

/** Only a ticket in this state is rated: closed with its work done (not cancelled). */
export const RATABLE_STATE = 'CLOSED';

/** The outbox `event_type` of the low-rating email (the mail view labels it). */
export const LOW_RATING_EMAIL_TYPE = 'SATISFACTION_LOW';

const DAY_MS = 86_400_000;

/** Until when a rating first given at `ratedAt` may be changed (exclusive). */
export function changeableUntil(ratedAt: Date): Date {
  return new Date(ratedAt.getTime() + RATING_CHANGE_WINDOW_DAYS * DAY_MS);
}

export function isLowScore(score: number): boolean {
  return score <= LOW_SCORE_MAX;
}

/**
 * The outbox key of a ticket's low-rating email: `ticket-<number>:satisfaction:<first rating>`.
 * The first rating's instant never changes, so the managers hear of a ticket's low rating once,
 * whether it was low at first or changed to low later, and however often it is changed again.
 */
export function lowRatingEventKey(ticketNumber: string, ratedAt: Date): string {
  return `ticket-${ticketNumber}:satisfaction:${ratedAt.toISOString()}`;
}

/** A comment as stored: trimmed, and null when there is nothing left. */
export function normalizeComment(comment: string | null | undefined): string | null {
  const trimmed = comment?.trim() ?? '';
  return trimmed ? trimmed : null;
}

/** The id of the rating section on the ticket page (the web app uses the same one). */
export const RATING_ANCHOR = 'calificar';

/** The ticket page, scrolled to its rating: what the closure email links to. */
export function ratingUrl(ticketUrl: string): string {
  return `${ticketUrl}#${RATING_ANCHOR}`;
}

/**
 * A client who has not rated a CLOSED ticket is reminded once, this many business days (on the
 * ticket's calendar) after the closure: the closing instant of that business date, as every
 * business-day reminder counts.
 */
export const RATING_REMINDER_BUSINESS_DAYS = 3;

/**
 * The reminder goes only while the closure is less than this many (calendar) days old: a sweep
 * that catches up after downtime, or the first run over tickets closed long ago, reminds nobody
 * of an old ticket. The same span a rating stays changeable.
 */
export const RATING_REMINDER_LAST_DAYS = RATING_CHANGE_WINDOW_DAYS;

/** The outbox `event_type` of the rating reminder (the mail view labels it). */
export const RATING_REMINDER_EMAIL_TYPE = 'SATISFACTION_REMINDER';

/** The outbox key of a ticket's rating reminder: one per ticket, ever. */
export function ratingReminderEventKey(ticketNumber: string): string {
  return `ticket-${ticketNumber}:satisfaction-reminder`;
}

/**
 * Whether the rating reminder of a ticket closed at `closedAt` is due at `now`: `dueAt` (the
 * closure plus {@link RATING_REMINDER_BUSINESS_DAYS} business days) has come, and the closure is
 * less than {@link RATING_REMINDER_LAST_DAYS} days old.
 */
export function ratingReminderDue(closedAt: Date, dueAt: Date, now: Date): boolean {
  return (
    dueAt.getTime() <= now.getTime() &&
    now.getTime() < closedAt.getTime() + RATING_REMINDER_LAST_DAYS * DAY_MS
  );
}
