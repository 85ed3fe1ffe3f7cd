// L3-10 queue order rules: pure, shared by the client's queue and the reorder preview. (The agents'
// work list across clients is ordered in SQL: `QueueService.workList`.)

export interface Queued {
  readonly ticketNumber: string;
  readonly registeredAt: Date;
  /** The client's rank (1 = first); `null` when the client has not ranked the ticket. */
  readonly rank: number | null;
  readonly urgent: boolean;
}

/**
 * A client's queue: urgent tickets first, then ranked tickets by rank, then the rest by arrival
 * (registration instant, then number). With no ranking at all this is plain arrival order.
 */
export function compareQueued(a: Queued, b: Queued): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return byArrival(a, b);
}

function byArrival(a: Queued, b: Queued): number {
  const diff = a.registeredAt.getTime() - b.registeredAt.getTime();
  if (diff !== 0) return diff;
  return a.ticketNumber < b.ticketNumber ? -1 : a.ticketNumber > b.ticketNumber ? 1 : 0;
}

/**
 * The ranks a reorder writes: `order` lists tickets first to last (positions become ranks 1…n);
 * `urgent` flags some of them. Tickets left out lose any rank and go by arrival after the ranked.
 */
export function ranksOf(
  order: readonly string[],
  urgent: readonly string[],
): Map<string, { rank: number; urgent: boolean }> {
  const flagged = new Set(urgent);
  return new Map(order.map((n, i) => [n, { rank: i + 1, urgent: flagged.has(n) }]));
}
