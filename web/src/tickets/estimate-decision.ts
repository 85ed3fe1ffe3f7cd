import { eventData } from './timeline-filter';

// L3-09 (QA S16): the estimates table says why and by whom a version was turned down, as the
// history records it: the rejection's or the re-estimate request's reason, its author and when.
// Pure (unit-tested).

/** What the lookup needs of an event (a subset of `TicketEvent`). */
export interface DecisionEvent {
  readonly type: string;
  readonly at: string;
  readonly actorName: string | null;
  readonly data: string;
}

/** A turned-down version's decision: its reason, who decided (null: unknown) and when. */
export interface EstimateDecision {
  readonly reason: string;
  readonly byName: string | null;
  readonly at: string;
}

/** The history's events that turn a version into each status (estimates and change orders). */
const DECIDED_BY: Partial<Record<string, readonly string[]>> = {
  REJECTED: ['rejectEstimate', 'rejectChangeOrder'],
  REESTIMATE_REQUESTED: ['requestReestimate'],
};

/** The latest event that gave version `version` its `status`; undefined for other statuses. */
export function estimateDecision(
  timeline: readonly DecisionEvent[],
  version: number,
  status: string,
): EstimateDecision | undefined {
  const types = DECIDED_BY[status];
  if (!types) return undefined;
  for (let i = timeline.length - 1; i >= 0; i--) {
    const event = timeline[i];
    if (!types.includes(event.type)) continue;
    const data = eventData(event.data);
    if (Number(data.estimateVersion) !== version) continue;
    return {
      reason: typeof data.reason === 'string' ? data.reason.trim() : '',
      byName: event.actorName,
      at: event.at,
    };
  }
  return undefined;
}

/** What the current version needs of an estimate (a subset of `Estimate`). */
export interface VersionFacts {
  readonly version: number;
  readonly status: string;
  readonly changeOrder: boolean;
}

/**
 * L3-09/L3-12: the estimate in force, undefined with no estimate yet. It is the newest estimate; a
 * change order replaces the estimate only once authorized (pending, rejected or withdrawn, the
 * authorized version before it stays in force).
 */
export function currentEstimate<E extends VersionFacts>(estimates: readonly E[]): E | undefined {
  return estimates.findLast((e) => !e.changeOrder || e.status === 'AUTHORIZED');
}

/** The number of {@link currentEstimate}. */
export function currentEstimateVersion(estimates: readonly VersionFacts[]): number | undefined {
  return currentEstimate(estimates)?.version;
}

/**
 * L3-09/L3-12: the version a newer one replaced the linked `version` with (an estimate email's
 * link to an old version), or undefined while it is still the current one.
 */
export function supersedingVersion(
  estimates: readonly VersionFacts[],
  version: number,
): number | undefined {
  const current = currentEstimateVersion(estimates);
  return current !== undefined && current > version ? current : undefined;
}

/** The id of a version's row in the ticket page's estimates card: what the history links to. */
export function estimateRowId(version: number): string {
  return `estimate-v${version}`;
}
