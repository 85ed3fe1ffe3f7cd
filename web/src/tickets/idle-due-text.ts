import type { SlaClock, TicketSummary } from '../api/tickets';
import type { ClockTimeMessages } from '../i18n/clock-time.es-mx';
import type { TicketBrowserMessages } from '../i18n/ticket-browser.es-mx';

/**
 * What a list's «Próximo plazo» says when nothing is due: a line, and below it the time left; or
 * what the ticket waits for and when (`at`, shown after the line in the reader's zone).
 */
export interface IdleDue {
  readonly text: string;
  readonly detail: string | null;
  /** The instant the line names («Sesión remota: <at>»), if it names one. */
  readonly at?: string;
  /** A wait on the client is news to the reader; «Sin plazo en curso» and «Calculando…» are not. */
  readonly quiet: boolean;
}

/**
 * Why a listed ticket has no deadline, for a client's list (`clientList`) or staff's (QA S21: a
 * ticket paused on the client read «Sin plazo en curso», to a client "nobody is on it"). While the
 * provider waits on the client the clock pauses (L3-07, L3-08) or the triage clock stops (L3-06):
 * the client reads that their answer is awaited; staff read the pause and the business time the
 * paused clock keeps. A ticket just registered has its triage clock a moment later (the read
 * model's lag): «Calculando plazo…», not «Sin plazo en curso». An estimate waits for the client's
 * written authorization (L3-09, no provider clock): an approver reads it as theirs to give, any
 * other client user that their approver's is awaited. A remote session the client confirmed is
 * what the ticket waits for (L3-06: the triage clock stays stopped): «Sesión remota» and its time,
 * not «Sin plazo en curso», which read as "nothing is scheduled" (QA S60b #9).
 */
export function idleDueText(
  ticket: Pick<TicketSummary, 'state' | 'awaitingClient'> & {
    readonly confirmedRemoteSessionAt?: string | null;
    readonly clocks: readonly Pick<
      SlaClock,
      'status' | 'remainingMinutes' | 'businessDayMinutes'
    >[];
  },
  clientList: boolean,
  words: { readonly due: TicketBrowserMessages['due']; readonly noDeadline: string },
  time: ClockTimeMessages,
): IdleDue {
  const paused = ticket.clocks.find((clock) => clock.status === 'PAUSED');
  if (clientList && ticket.state === 'ESTIMATE_SUBMITTED') {
    // `awaitingClient` counts an authorization for approvers only (L3-09).
    const text = ticket.awaitingClient
      ? words.due.yourAuthorization
      : words.due.approverAuthorization;
    return { text, detail: null, quiet: false };
  }
  if (clientList && (paused || ticket.awaitingClient)) {
    return { text: words.due.yourAnswer, detail: null, quiet: false };
  }
  if (paused) {
    const left = time.left(paused.remainingMinutes, paused.businessDayMinutes);
    return { text: words.due.pausedOnClient, detail: words.due.left(left), quiet: false };
  }
  if (ticket.awaitingClient) return { text: words.due.onClient, detail: null, quiet: false };
  if (ticket.confirmedRemoteSessionAt) {
    return remoteSessionDue(ticket.confirmedRemoteSessionAt, words.due);
  }
  if (ticket.state === 'REGISTERED' && ticket.clocks.length === 0) {
    return { text: words.due.calculating, detail: null, quiet: true };
  }
  return { text: words.noDeadline, detail: null, quiet: true };
}

/**
 * «Sesión remota: <fecha>» (L3-06, QA S60b #9): a ticket waiting for the remote session the client
 * confirmed, at `at` (shown in the reader's zone). The lists say it through {@link idleDueText};
 * the checkpoint agenda (L3-15), which keeps no clocks, says it from its snapshot's
 * `confirmedRemoteSessionAt`.
 */
export function remoteSessionDue(
  at: string,
  words: Pick<TicketBrowserMessages['due'], 'remoteSession'>,
): IdleDue {
  return { text: words.remoteSession, detail: null, quiet: false, at };
}
