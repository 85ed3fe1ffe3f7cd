import type { TicketDetail } from '../api/tickets';

// «Se necesita su respuesta» (L3-06, L3-07, L3-09, L3-11): what the provider waits on the client
// for, read from the ticket as the page has it. Pure (no React), so the unit tier tests it. The
// client actions the caller may take (`allowedActions`) decide whether they are asked: staff, and a
// portal user on an estimate only an approver authorizes (the actions panel already tells them),
// are not.

/** Where the banner's button takes the client: the answer box, or the ticket's actions. */
export type WaitFocus = 'answer' | 'actions';

export type ClientWait =
  /** L3-06: information requested; `note` is the question, `since` when it was asked. */
  | { kind: 'INFO'; note?: string; since?: string; focus: 'answer' }
  /**
   * L3-06: a remote session proposed for `at`; the client confirms it or asks for another time
   * in the actions (the answer box when the caller may only give the information in writing).
   */
  | { kind: 'REMOTE_SESSION'; at: string | null; note?: string; since?: string; focus: WaitFocus }
  /** L3-07/L3-08: analysis or diagnosis paused until the client answers. */
  | { kind: 'WAITING'; note?: string; since?: string; focus: 'answer' }
  /** L3-07: confirm the solution or reopen; `autoCloseAt` when it closes by itself. */
  | { kind: 'RESOLVED'; autoCloseAt: string | null; focus: 'actions' }
  /** L3-09: test the release, accept it or report failures. */
  | { kind: 'TESTING'; note?: string; since?: string; focus: 'actions' }
  /** L3-09/L3-12: an estimate or change order waits for this approver's written authorization. */
  | {
      kind: 'AUTHORIZE';
      version: number;
      hours: number;
      changeOrder: boolean;
      additionalHours: number;
      focus: 'actions';
    };

type WaitTicket = Pick<
  TicketDetail,
  | 'state'
  | 'allowedActions'
  | 'timeline'
  | 'remoteSessionAt'
  | 'autoCloseAt'
  | 'estimates'
  | 'remoteSession'
>;

/** The newest event of `type`: its note (if any) and when it happened. */
function latest(ticket: WaitTicket, type: string): { note?: string; since?: string } {
  const event = [...ticket.timeline].reverse().find((e) => e.type === type);
  if (!event) return {};
  let note: string | undefined;
  try {
    const data = JSON.parse(event.data) as { note?: unknown };
    note = typeof data.note === 'string' && data.note.trim() ? data.note : undefined;
  } catch {
    // Not JSON: no note to show.
  }
  return { ...(note ? { note } : {}), since: event.at };
}

/** What the provider waits on the caller for, or null when nothing (or not them). */
export function clientWait(ticket: WaitTicket): ClientWait | null {
  const may = (...actions: string[]) => actions.some((a) => ticket.allowedActions.includes(a));
  switch (ticket.state) {
    case 'INFO_REQUESTED':
      return may('provideInfo')
        ? { kind: 'INFO', ...latest(ticket, 'requestInfo'), focus: 'answer' }
        : null;
    case 'REMOTE_SESSION_PROPOSED':
      // Confirmed: the next step is the session itself (the card above says when and where).
      if (ticket.remoteSession?.accepted) return null;
      return may('provideInfo', 'acceptRemoteSession', 'declineRemoteSession')
        ? {
            kind: 'REMOTE_SESSION',
            at: ticket.remoteSessionAt,
            ...latest(ticket, 'proposeRemoteSession'),
            focus: may('acceptRemoteSession', 'declineRemoteSession') ? 'actions' : 'answer',
          }
        : null;
    case 'WAITING_ON_CLIENT':
      return may('clientReplied')
        ? { kind: 'WAITING', ...latest(ticket, 'waitOnClient'), focus: 'answer' }
        : null;
    case 'RESOLVED':
      return may('confirmResolution', 'reopen')
        ? { kind: 'RESOLVED', autoCloseAt: ticket.autoCloseAt, focus: 'actions' }
        : null;
    case 'RELEASED_FOR_TESTING':
      if (may('acceptDelivery', 'reportFailures')) {
        return { kind: 'TESTING', ...latest(ticket, 'releaseForTesting'), focus: 'actions' };
      }
      break;
    default:
      break;
  }
  const pending = ticket.estimates.at(-1);
  if (pending?.status === 'SUBMITTED' && may('authorizeEstimate', 'authorizeChangeOrder')) {
    return {
      kind: 'AUTHORIZE',
      version: pending.version,
      hours: pending.hours,
      changeOrder: pending.changeOrder ?? false,
      additionalHours: pending.additionalHours ?? 0,
      focus: 'actions',
    };
  }
  return null;
}
