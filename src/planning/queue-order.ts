// L3-10 queue order rules: pure, shared by the client's queue, the reorder preview and the agents'
// work list across clients (`workOrder`, which places each ticket by its client's queue).

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

/** A ticket of the agents' work list: queued in its client's queue, with its SLA state. */
export interface WorkItem extends Queued {
  readonly organizationId: string;
  /** Worst status of the open clocks: `ok`, `at_risk` or `breached`. */
  readonly slaStatus: string;
  /** Earliest deadline of the running clocks; `null` when none runs (e.g. waiting on the client). */
  readonly nextDeadline: Date | null;
  /** L3-19: the plan can no longer meet the published release date (`deliveryRisk`). */
  readonly deliveryAtRisk?: boolean;
  /** L3-19: the published release date fell on a day since closed (`deliveryOnClosedDay`). */
  readonly deliveryOnClosedDay?: boolean;
  /** The published release date (a delivery at risk is ordered by it). */
  readonly releaseDate?: Date | null;
  /** The ticket's state: one that waits on the client goes after the agents' own work. */
  readonly state?: string;
}

/**
 * States in which the next step is the client's (L3-06 information, L3-09 authorization, L3-07
 * confirmation, client testing): nothing for an agent to do until the client acts.
 */
export const WAITING_ON_CLIENT_STATES: readonly string[] = [
  'INFO_REQUESTED',
  'WAITING_ON_CLIENT',
  'ESTIMATE_SUBMITTED',
  'RESOLVED',
  'RELEASED_FOR_TESTING',
];

const waitsOnClient = (item: WorkItem): number =>
  item.state !== undefined && WAITING_ON_CLIENT_STATES.includes(item.state) ? 1 : 0;

/**
 * The agents' work list (L3-10 "agents work from the queue"), across clients:
 *
 * 1. **SLA at stake first**: a breached clock (the contract is already missed: finish it), then an
 *    at-risk one whose clock still runs (75 % of its target used), each by the soonest deadline.
 *    These are commitments of the contract itself (L3-06/L3-08/L3-09), which no client priority
 *    waives; an at-risk clock that is paused waits on the client, so it does not jump the queue.
 * 2. **Deliveries at risk** (L3-19), right after: a published release date — a promise to the
 *    client — that the capacity plan can no longer meet, soonest published date first. It goes
 *    after the SLA clocks (the contract's own terms come first) and before the clients' urgent
 *    flags because what it asks of the agent is a decision now, not more hours out of turn: adjust
 *    the date (which tells the client, L3-19) or recover capacity. It leaves this group as soon
 *    as the date is adjusted or the plan fits again, so it never holds the queue for long.
 * 3. Then what the clients decided: tickets a client flagged **urgent**, then each ticket's
 *    **position in its client's queue** (`compareQueued`: rank, then arrival), so every client's
 *    first ticket comes before any client's second one; equal positions go by arrival.
 * 4. Last, in the same order, the tickets that **wait on the client**
 *    ({@link WAITING_ON_CLIENT_STATES}: information, authorization, confirmation, testing): the
 *    agent has nothing to do on them until the client acts.
 *
 * Other SLA deadlines do not reorder the rest: a running clock gets to the top when it is at risk.
 * Within one client the list is its queue order, apart from the tickets at stake (1 and 2).
 */
export function workOrder<T extends WorkItem>(items: readonly T[]): T[] {
  const clients = new Map<string, T[]>();
  for (const item of items) {
    const queue = clients.get(item.organizationId) ?? [];
    queue.push(item);
    clients.set(item.organizationId, queue);
  }
  const position = new Map<T, number>();
  for (const queue of clients.values()) {
    // A client's place counts its tickets the agents can work on first (group 4 comes last).
    queue
      .sort((a, b) => waitsOnClient(a) - waitsOnClient(b) || compareQueued(a, b))
      .forEach((item, i) => position.set(item, i + 1));
  }
  return [...items].sort((a, b) => {
    const stake = atStake(a) - atStake(b);
    if (stake !== 0) return stake;
    if (atStake(a) < NOT_AT_STAKE) {
      const soonest = dueOf(a) - dueOf(b);
      if (soonest !== 0) return soonest;
    } else {
      const waiting = waitsOnClient(a) - waitsOnClient(b);
      if (waiting !== 0) return waiting;
    }
    if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
    return position.get(a)! - position.get(b)! || byArrival(a, b);
  });
}

const DELIVERY_AT_RISK = 2;
const NOT_AT_STAKE = 3;

/**
 * 0: a breached clock; 1: an at-risk clock still running; 2: a delivery at risk (or published on a
 * day since closed); 3: the rest.
 */
function atStake(item: WorkItem): number {
  if (item.slaStatus === 'breached') return 0;
  if (item.slaStatus === 'at_risk' && item.nextDeadline !== null) return 1;
  if (item.deliveryAtRisk || item.deliveryOnClosedDay) return DELIVERY_AT_RISK;
  return NOT_AT_STAKE;
}

/** What orders the tickets at stake: the clock's deadline, or the published date at risk. */
function dueOf(item: WorkItem): number {
  const due = atStake(item) === DELIVERY_AT_RISK ? item.releaseDate : item.nextDeadline;
  return due?.getTime() ?? Number.MAX_SAFE_INTEGER;
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
