import type { SlaTimer, SlaTimerCounts } from '../api/tickets';

/** The board's «En riesgo» and «Vencidos» lists and their totals, as one answer brought them. */
export interface AtRiskAndBreached {
  atRisk: SlaTimer[];
  breached: SlaTimer[];
  counts: SlaTimerCounts;
}

/**
 * «En riesgo» and «Vencidos» with no clock in both (L3-06…L3-09). The board reads each list and
 * the totals as separate fields of one query, each its own read: a clock that breaches between
 * them comes back at risk in one and breached in the other until the next refresh. Breached is
 * the later state (a clock never goes back to at risk), so it wins: the clock leaves the at-risk
 * list, and that list's total loses it too. No total is ever below what its list shows.
 */
export function disjointAtRiskAndBreached(lists: AtRiskAndBreached): AtRiskAndBreached {
  const breachedIds = new Set(lists.breached.map((timer) => timer.clock.id));
  const atRisk = lists.atRisk.filter(
    (timer) => !breachedIds.has(timer.clock.id) && !timer.clock.breachedAt,
  );
  const dropped = lists.atRisk.length - atRisk.length;
  if (dropped === 0 && lists.counts.breached >= lists.breached.length) return lists;
  return {
    atRisk,
    breached: lists.breached,
    counts: {
      ...lists.counts,
      atRisk: Math.max(atRisk.length, lists.counts.atRisk - dropped),
      breached: Math.max(lists.breached.length, lists.counts.breached),
    },
  };
}
