import type { Estimate, RemoteSession } from '../../workflows/ticket/ticket.contract';
import { toBalanceView } from '../contracts/balance-view';
import { toHours } from '../contracts/hours';
import type { LedgerBalance } from '../contracts/ledger-rules';
import { confirmedRemoteSessionAt } from '../tickets/awaiting-client';

// L3-15: what a checkpoint agenda holds, and how it is composed from the client's state. Pure: the
// agenda service reads the rows, this decides what goes in, so the rules are testable alone.

/** An open ticket, in arrival order (or the client's queue order when one is given). */
export interface AgendaTicket {
  readonly number: string;
  readonly subject: string;
  readonly category: string;
  readonly state: string;
  readonly slaStatus: string;
  readonly nextDeadline: string | null;
  readonly releaseDate: string | null;
  readonly registeredAt: string;
  /**
   * L3-10: 1-based position in the client's queue when the agenda was built (the agents' work
   * list rule); absent in agendas stored before positions were.
   */
  readonly queuePosition?: number;
  /**
   * L3-06…L3-09: the kind of the running clock `nextDeadline` is (`triage`, `progress`…), so the
   * agenda says which deadline it is; absent when none is, and in agendas stored before it was.
   */
  readonly nextDeadlineClock?: string;
  /**
   * L3-06 (QA S60b #9): while the ticket waits for a remote session the client confirmed (no clock
   * runs), the session's time, so the agenda's «Próximo plazo» says «Sesión remota: <fecha>» as
   * the lists do, not «Sin plazo en curso»; absent otherwise, and in agendas stored before it was.
   */
  readonly confirmedRemoteSessionAt?: string;
}

export interface AgendaStateCount {
  readonly state: string;
  readonly count: number;
}

/** A clock that reached its warning or its deadline during the period. */
export interface AgendaSlaAlert {
  readonly ticketNumber: string;
  readonly subject: string;
  readonly clock: string;
  /** Worst of the two within the period. */
  readonly status: 'AT_RISK' | 'BREACHED';
  readonly deadline: string | null;
  readonly atRiskAt: string | null;
  readonly breachedAt: string | null;
}

/** L3-08/L3-09: an estimate the client has not authorized yet. */
export interface AgendaEstimate {
  readonly ticketNumber: string;
  readonly subject: string;
  readonly version: number;
  readonly hours: number;
  readonly scope: string;
  readonly submittedAt: string;
  /** L3-12: a change order's hours on top of the authorized ones (`hours` is the new total). */
  readonly additionalHours?: number;
}

/** L3-19: a published date that moved during the period (a `DATE_ADJUSTED` event). */
export interface AgendaDateChange {
  readonly ticketNumber: string;
  readonly subject: string;
  readonly subjectDate: string;
  readonly oldDate: string | null;
  readonly newDate: string;
  readonly reason: string;
  readonly at: string;
}

/** L3-12/L3-13: hours consumed in the period and the balance when the agenda was built. */
export interface AgendaHours {
  readonly consumedInPeriod: number;
  readonly purchased: number;
  readonly consumed: number;
  readonly balance: number;
  readonly reserved: number;
  readonly available: number;
}

export interface CheckpointAgenda {
  readonly openTickets: readonly AgendaTicket[];
  readonly openByState: readonly AgendaStateCount[];
  readonly slaAlerts: readonly AgendaSlaAlert[];
  readonly estimatesAwaitingAuthorization: readonly AgendaEstimate[];
  readonly dateChanges: readonly AgendaDateChange[];
  readonly hours: AgendaHours;
}

/** What the agenda is composed from: rows as read, nothing filtered yet. */
export interface AgendaSources {
  /** The period: `(start, end]`. */
  readonly periodStart: Date;
  readonly periodEnd: Date;
  /**
   * The client's open tickets, with their estimates and newest remote-session proposal (the read
   * model's `details`, read with the tickets).
   */
  readonly openTickets: readonly (Omit<AgendaTicket, 'confirmedRemoteSessionAt'> & {
    readonly estimates: readonly Estimate[];
    readonly remoteSession?: RemoteSession | null;
  })[];
  readonly clocks: readonly {
    readonly ticketNumber: string;
    readonly subject: string;
    readonly kind: string;
    readonly deadline: Date | null;
    readonly atRiskRecordedAt: Date | null;
    readonly breachedAt: Date | null;
  }[];
  readonly dateEvents: readonly {
    readonly ticketNumber: string;
    readonly subject: string;
    readonly at: Date;
    readonly data: Readonly<Record<string, unknown>>;
  }[];
  /**
   * The client's hours (the fold of its ledger) as of `periodStart` and as of `periodEnd`: the
   * entries created up to each instant.
   */
  readonly hoursAtStart: LedgerBalance;
  readonly hoursAtEnd: LedgerBalance;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Composes the agenda of the period `(periodStart, periodEnd]`. */
export function composeAgenda(s: AgendaSources): CheckpointAgenda {
  const inPeriod = (d: Date | null): d is Date =>
    d !== null && d.getTime() > s.periodStart.getTime() && d.getTime() <= s.periodEnd.getTime();

  const counts = new Map<string, number>();
  for (const t of s.openTickets) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);

  const slaAlerts = s.clocks
    .filter((c) => inPeriod(c.atRiskRecordedAt) || inPeriod(c.breachedAt))
    .map((c): AgendaSlaAlert => ({
      ticketNumber: c.ticketNumber,
      subject: c.subject,
      clock: c.kind,
      status: inPeriod(c.breachedAt) ? 'BREACHED' : 'AT_RISK',
      deadline: iso(c.deadline),
      atRiskAt: inPeriod(c.atRiskRecordedAt) ? iso(c.atRiskRecordedAt) : null,
      breachedAt: inPeriod(c.breachedAt) ? iso(c.breachedAt) : null,
    }))
    .sort(
      (a, b) =>
        (a.breachedAt ?? a.atRiskAt ?? '').localeCompare(b.breachedAt ?? b.atRiskAt ?? '') ||
        a.ticketNumber.localeCompare(b.ticketNumber),
    );

  const estimatesAwaitingAuthorization = s.openTickets.flatMap((t): AgendaEstimate[] => {
    const latest = t.estimates[t.estimates.length - 1];
    // An estimate waits in ESTIMATE_SUBMITTED; a change order while the work goes on (L3-12).
    const waits =
      latest?.status === 'SUBMITTED' &&
      (t.state === 'ESTIMATE_SUBMITTED' || latest.changeOrder === true);
    return waits
      ? [
          {
            ticketNumber: t.number,
            subject: t.subject,
            version: latest.version,
            hours: latest.hours,
            scope: latest.scope,
            submittedAt: latest.submittedAt,
            ...(latest.changeOrder && latest.additionalHours !== undefined
              ? { additionalHours: latest.additionalHours }
              : {}),
          },
        ]
      : [];
  });

  const dateChanges = s.dateEvents
    .filter((e) => inPeriod(e.at))
    .map((e): AgendaDateChange => ({
      ticketNumber: e.ticketNumber,
      subject: e.subject,
      subjectDate: text(e.data.subjectDate) ?? 'RELEASE_DATE',
      oldDate: text(e.data.oldDate),
      newDate: text(e.data.newDate) ?? '',
      reason: text(e.data.reason) ?? '',
      at: e.at.toISOString(),
    }));

  const balance = toBalanceView('', s.hoursAtEnd);

  return {
    openTickets: s.openTickets.map(({ estimates: _estimates, remoteSession, ...ticket }) => {
      // The lists' rule (L3-06): the confirmed session the ticket waits for, if that is what.
      const session = confirmedRemoteSessionAt({ state: ticket.state, remoteSession });
      return session ? { ...ticket, confirmedRemoteSessionAt: session } : ticket;
    }),
    openByState: [...counts]
      .map(([state, count]) => ({ state, count }))
      .sort((a, b) => a.state.localeCompare(b.state)),
    slaAlerts,
    estimatesAwaitingAuthorization,
    dateChanges,
    hours: {
      consumedInPeriod: toHours(s.hoursAtEnd.consumed - s.hoursAtStart.consumed),
      purchased: balance.purchased,
      consumed: balance.consumed,
      balance: balance.balance,
      reserved: balance.reserved,
      available: balance.available,
    },
  };
}
