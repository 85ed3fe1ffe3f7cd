// Who withdrew a remote session, for the staff ticket page. Pure (no React), so the unit tier tests it.

import type { TicketEvent } from '../api/tickets';

/**
 * QA S65 #2 (L3-06): the name of whoever withdrew proposal `proposal`, from the newest
 * `withdrawRemoteSession` event that names it (emails already say «Beatriz Relevo retiró…»); null
 * when the timeline does not tell (then the card keeps «El equipo»).
 */
export function withdrawnByName(
  timeline: readonly Pick<TicketEvent, 'seq' | 'type' | 'actorName' | 'data'>[],
  proposal: number,
): string | null {
  const events = [...timeline]
    .filter((e) => e.type === 'withdrawRemoteSession')
    .sort((a, b) => b.seq - a.seq);
  for (const event of events) {
    let data: { proposal?: unknown } = {};
    try {
      data = JSON.parse(event.data) as { proposal?: unknown };
    } catch {
      continue;
    }
    // Events that did not record the proposal: the newest withdrawal is the current one's.
    if (data.proposal === proposal || data.proposal === undefined) return event.actorName;
  }
  return null;
}
