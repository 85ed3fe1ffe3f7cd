import type { TicketDetail } from '../api/tickets';

/**
 * L3-07: whether a reply to the client on `ticket` counts as a progress update, for the reply
 * form's notice. The workflow decides (the `comment` Update); this mirrors its rule: a problem in
 * analysis whose progress clock runs, i.e. not paused waiting on the client. Pure, so the unit tier
 * tests it.
 */
export function replyCountsAsProgress(ticket: Pick<TicketDetail, 'state' | 'clocks'>): boolean {
  return (
    ticket.state === 'IN_ANALYSIS' &&
    ticket.clocks.some((c) => c.kind === 'progress' && c.endedAt === null && c.status !== 'PAUSED')
  );
}
