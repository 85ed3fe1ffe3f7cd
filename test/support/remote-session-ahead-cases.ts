// L3-06 (QA S63, review h64b): the cases of «a remote session still ahead», stated once for the
// TypeScript rule (`remoteSessionAhead`, `confirmedRemoteSessionAhead`: unit tier) and its SQL
// (`remoteSessionAheadSql`, `confirmedRemoteSessionAheadSql`, what `userOpenTickets.sessionsAhead`
// and `confirmedSessionsAhead` count: integration tier), so the two are held to the very same
// answers.

const MINUTE_MS = 60_000;

/** A session as the read model's `details.remoteSession` keeps it (JSON: ISO strings). */
export interface SessionCase {
  readonly name: string;
  /** The session at `nowMs`, or null for a ticket without one. */
  readonly session: (nowMs: number) => Record<string, unknown> | null;
  /** Still in its invitees' calendars (proposed or confirmed). */
  readonly ahead: boolean;
  /** Confirmed by the client and still ahead. */
  readonly confirmedAhead: boolean;
  /** Decided by the last millisecond: only where `now` is a fixed instant, not the clock's. */
  readonly exactBoundary?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ACCEPTED = { at: '2026-12-01T16:00:00.000Z', by: 'cliente' };

/** A confirmed session of `durationMinutes` starting `startsInMs` from now (negative: started). */
function confirmed(startsInMs: number, durationMinutes = 60, extra: Record<string, unknown> = {}) {
  return (nowMs: number) => ({
    proposal: 1,
    at: iso(nowMs + startsInMs),
    durationMinutes,
    accepted: ACCEPTED,
    declined: null,
    ...extra,
  });
}

export const REMOTE_SESSION_AHEAD_CASES: readonly SessionCase[] = [
  { name: 'no session', session: () => null, ahead: false, confirmedAhead: false },
  {
    name: 'confirmed, before its start',
    session: confirmed(90 * MINUTE_MS),
    ahead: true,
    confirmedAhead: true,
  },
  {
    name: 'confirmed, under way (started 30 minutes ago, 60 minutes long)',
    session: confirmed(-30 * MINUTE_MS),
    ahead: true,
    confirmedAhead: true,
  },
  {
    name: 'confirmed, its last millisecond',
    session: confirmed(-60 * MINUTE_MS + 1),
    ahead: true,
    confirmedAhead: true,
    exactBoundary: true,
  },
  {
    name: 'confirmed, ending right now',
    session: confirmed(-60 * MINUTE_MS),
    ahead: false,
    confirmedAhead: false,
    exactBoundary: true,
  },
  {
    name: 'confirmed, over (ended an hour ago)',
    session: confirmed(-120 * MINUTE_MS),
    ahead: false,
    confirmedAhead: false,
  },
  {
    name: 'confirmed, 240 minutes long, started 3 hours ago',
    session: confirmed(-180 * MINUTE_MS, 240),
    ahead: true,
    confirmedAhead: true,
  },
  {
    name: 'proposed, not confirmed, before its start',
    session: confirmed(90 * MINUTE_MS, 60, { accepted: null }),
    ahead: true,
    confirmedAhead: false,
  },
  {
    name: 'proposed, not confirmed, over',
    session: confirmed(-120 * MINUTE_MS, 60, { accepted: null }),
    ahead: false,
    confirmedAhead: false,
  },
  {
    name: 'withdrawn before its start',
    session: confirmed(90 * MINUTE_MS, 60, {
      withdrawn: { at: '2026-12-02T16:00:00.000Z', by: 'agente', note: null },
    }),
    ahead: false,
    confirmedAhead: false,
  },
  {
    name: 'declined before its start',
    session: confirmed(90 * MINUTE_MS, 60, {
      accepted: null,
      declined: {
        at: '2026-12-02T16:00:00.000Z',
        by: 'cliente',
        reason: 'No puedo',
        suggestedAt: null,
      },
    }),
    ahead: false,
    confirmedAhead: false,
  },
  {
    name: 'declined after it was confirmed',
    session: confirmed(90 * MINUTE_MS, 60, {
      declined: {
        at: '2026-12-02T16:00:00.000Z',
        by: 'cliente',
        reason: 'Ya no',
        suggestedAt: null,
      },
    }),
    ahead: false,
    confirmedAhead: false,
  },
  {
    name: 'no length recorded: the default 60 minutes, under way',
    session: (nowMs) => ({ at: iso(nowMs - 50 * MINUTE_MS), accepted: ACCEPTED }),
    ahead: true,
    confirmedAhead: true,
  },
  {
    name: 'no length recorded: the default 60 minutes, over',
    session: (nowMs) => ({ at: iso(nowMs - 70 * MINUTE_MS), accepted: ACCEPTED }),
    ahead: false,
    confirmedAhead: false,
  },
  {
    name: 'no time recorded',
    session: () => ({ durationMinutes: 60, accepted: ACCEPTED }),
    ahead: false,
    confirmedAhead: false,
  },
];
