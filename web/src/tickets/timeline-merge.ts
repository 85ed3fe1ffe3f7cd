// The ticket's «Historial» joins what the workflow recorded with what lives beside it: the files
// (L3-11, `Ticket.attachments`), the client's rating of a closed ticket (`Ticket.satisfaction`)
// and provider staff's no-charge decisions (L3-18, `Ticket.billing.decisions`).
// Neither is a workflow event and none is invented here: each entry is read from those fields.
// Pure (no React, no DOM), so the unit tier tests it directly.

/** What the history needs of a file (a subset of `Ticket.attachments`). */
export interface TimelineAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly uploadedAt: string;
  readonly uploadedByName: string | null;
  /** The role the uploader is shown in (`Role`, named by `t.users.roleNames`). */
  readonly uploadedByRole?: string | null;
  readonly deletedAt: string | null;
  readonly deletedByName: string | null;
  readonly deletedByRole?: string | null;
  /** Provider staff only (marked «Interno»); clients never receive it. */
  readonly internal?: boolean;
}

/** What the history needs of the rating (a subset of `Ticket.satisfaction`). */
export interface TimelineRating {
  readonly score: number;
  readonly comment: string | null;
  readonly ratedAt: string;
  /** The latest change (equal to ratedAt until it is changed). */
  readonly updatedAt: string;
  /** Who gave the current score. */
  readonly ratedByName: string | null;
  readonly ratedByRole?: string | null;
  /** Every score given, oldest first: each is a line of the history. */
  readonly changes?: readonly TimelineRatingChange[];
}

/** One score given to the ticket (the first rating or a change). */
export interface TimelineRatingChange {
  readonly score: number;
  readonly comment: string | null;
  readonly at: string;
  readonly byName: string | null;
  readonly byRole?: string | null;
}

/** What the history needs of a no-charge decision (L3-18, `Ticket.billing.decisions`). */
export interface TimelineBillingDecision {
  readonly noCharge: boolean;
  readonly reason: string;
  readonly decidedAt: string;
  readonly decidedByName: string | null;
  readonly decidedByRole?: string | null;
}

/** One line of the history; `key` is unique among the lines (React's list key). */
export type TimelineEntry<E> =
  | { readonly kind: 'event'; readonly key: string; readonly at: string; readonly event: E }
  | {
      readonly kind: 'attached' | 'deleted';
      readonly key: string;
      readonly at: string;
      readonly attachment: TimelineAttachment;
    }
  | {
      readonly kind: 'rating';
      readonly key: string;
      readonly at: string;
      readonly rating: TimelineRating;
      /** The score this line tells; `null`: only the current one is known (`rating` itself). */
      readonly change: TimelineRatingChange | null;
      /** The first score given (a later one is a change). */
      readonly first: boolean;
    }
  | {
      readonly kind: 'billing';
      readonly key: string;
      readonly at: string;
      readonly decision: TimelineBillingDecision;
    };

type Extra<E> = Exclude<TimelineEntry<E>, { kind: 'event' }>;

/** Who a line of the history names: by name and role (`Role`), either unknown (`null`). */
export interface TimelineActor {
  readonly name: string | null;
  readonly role: string | null;
}

/**
 * Who acted on a line that is not a workflow event, as a workflow event names its actor: the
 * file's uploader or deleter, or the person who gave the line's score (the current rater when the
 * line is the rating itself).
 */
export function extraActor<E>(entry: Extra<E>): TimelineActor {
  if (entry.kind === 'billing') {
    return { name: entry.decision.decidedByName, role: entry.decision.decidedByRole ?? null };
  }
  if (entry.kind === 'rating') {
    const { change, rating } = entry;
    return change
      ? { name: change.byName, role: change.byRole ?? null }
      : { name: rating.ratedByName, role: rating.ratedByRole ?? null };
  }
  const { attachment } = entry;
  return entry.kind === 'attached'
    ? { name: attachment.uploadedByName, role: attachment.uploadedByRole ?? null }
    : { name: attachment.deletedByName, role: attachment.deletedByRole ?? null };
}

const instant = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
};

/**
 * The history, oldest first: the workflow's events in their own order (by `seq`, as recorded),
 * with every file's upload (deleted files too, at their upload time), every deletion (at its
 * time) and every score of the rating (the first and each change, at its time; only the latest at
 * its last change when the changes are not known) and every no-charge decision (L3-18, at its
 * time) placed by time among them. At the
 * same instant a workflow event comes first (a ticket is closed before it is rated), then the
 * other entries in the order above.
 */
/** The IDs of the files the comments of `events` carried (`attachmentIds` of their data). */
export function commentFileIds(
  events: readonly { readonly type: string; readonly data: Readonly<Record<string, unknown>> }[],
): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type !== 'comment' || !Array.isArray(e.data.attachmentIds)) continue;
    for (const id of e.data.attachmentIds) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

export function mergeTimeline<E extends { readonly seq: number; readonly at: string }>(
  events: readonly E[],
  attachments: readonly TimelineAttachment[] = [],
  rating: TimelineRating | null = null,
  billing: readonly TimelineBillingDecision[] = [],
  /** Files a comment carried: told under the comment, not as lines of their own (L3-11). */
  carried: ReadonlySet<string> = new Set(),
): TimelineEntry<E>[] {
  const extras: Extra<E>[] = [];
  for (const attachment of attachments) {
    if (carried.has(attachment.id)) continue;
    extras.push({
      kind: 'attached',
      key: `att-${attachment.id}`,
      at: attachment.uploadedAt,
      attachment,
    });
  }
  for (const attachment of attachments) {
    if (attachment.deletedAt) {
      extras.push({
        kind: 'deleted',
        key: `att-del-${attachment.id}`,
        at: attachment.deletedAt,
        attachment,
      });
    }
  }
  if (rating?.changes?.length) {
    // Every score on record, so a low first score that alerted the managers stays visible.
    rating.changes.forEach((change, i) =>
      extras.push({
        kind: 'rating',
        key: `rating-${i}`,
        at: change.at,
        rating,
        change,
        first: i === 0,
      }),
    );
  } else if (rating) {
    extras.push({
      kind: 'rating',
      key: 'rating',
      at: rating.updatedAt,
      rating,
      change: null,
      first: true,
    });
  }
  billing.forEach((decision, i) =>
    extras.push({ kind: 'billing', key: `billing-${i}`, at: decision.decidedAt, decision }),
  );
  // Stable: equal instants keep the order they were pushed in.
  extras.sort((a, b) => instant(a.at) - instant(b.at));

  const merged: TimelineEntry<E>[] = [];
  let next = 0;
  for (const event of events) {
    const at = instant(event.at);
    while (next < extras.length && instant(extras[next].at) < at) merged.push(extras[next++]);
    merged.push({ kind: 'event', key: String(event.seq), at: event.at, event });
  }
  while (next < extras.length) merged.push(extras[next++]);
  return merged;
}
