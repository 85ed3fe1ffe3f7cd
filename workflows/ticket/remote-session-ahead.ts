import { REMOTE_SESSION_DEFAULT_MINUTES } from './ticket.contract';

// L3-06 (QA S60b #6, S62, S63): whether a ticket's remote session is still ahead. One rule for the
// workflow (withdrawing a session after classification: `transitions.ts`), the notifications
// (the session a cancellation or a reassignment hands on: `src/tickets/ticket-notifications.ts`)
// and, spelled in SQL below, the deactivation dialog's counts (`UsersService.openTickets`). Pure
// and deterministic: the workflow bundle imports it, and so does the API.

/**
 * What the rule reads of a remote session: the workflow's view and the read model's details (an
 * ISO string), or the API's model (a `Date`).
 */
export interface SessionTimes {
  readonly at?: string | Date | null;
  readonly durationMinutes?: number | null;
  readonly accepted?: unknown;
  readonly declined?: unknown;
  readonly withdrawn?: unknown;
}

/**
 * The session is in its invitees' calendars at `nowMs`: proposed or confirmed, neither declined
 * nor withdrawn (that cancelled it), and not over — it ends after `nowMs` (a session under way is
 * still ahead; one that ended stays where it happened). A session recorded without its length
 * lasts the default {@link REMOTE_SESSION_DEFAULT_MINUTES}, as a proposal without one does.
 */
export function remoteSessionAhead(
  session: SessionTimes | null | undefined,
  nowMs: number,
): boolean {
  // Recorded or not, as the SQL reads the JSON (null or absent: not declined, not withdrawn).
  if (!session || session.declined != null || session.withdrawn != null || session.at == null) {
    return false;
  }
  const minutes = session.durationMinutes ?? REMOTE_SESSION_DEFAULT_MINUTES;
  return new Date(session.at).getTime() + minutes * 60_000 > nowMs;
}

/**
 * The client confirmed the session and it is still ahead ({@link remoteSessionAhead}): what is in
 * the agent's calendar too (a proposal not confirmed is in no agent's), so what a reassignment
 * hands to the new agent.
 */
export function confirmedRemoteSessionAhead(
  session: SessionTimes | null | undefined,
  nowMs: number,
): boolean {
  return session?.accepted != null && remoteSessionAhead(session, nowMs);
}

/**
 * {@link remoteSessionAhead} in SQL, over `details`, a read-model ticket's `details` (jsonb, e.g.
 * `t.details`), at `now` (e.g. `now()`, or a `timestamptz` parameter): true or false, never null.
 * Both arguments are SQL text the caller writes, never user input.
 */
export function remoteSessionAheadSql(details: string, now: string): string {
  const s = `${details} -> 'remoteSession'`;
  return (
    `(${s} ->> 'at' IS NOT NULL` +
    ` AND coalesce(${s} -> 'declined', 'null'::jsonb) = 'null'::jsonb` +
    ` AND coalesce(${s} -> 'withdrawn', 'null'::jsonb) = 'null'::jsonb` +
    ` AND (${s} ->> 'at')::timestamptz + make_interval(mins => coalesce((${s} ->> 'durationMinutes')::int, ${REMOTE_SESSION_DEFAULT_MINUTES}))` +
    ` > ${now})`
  );
}

/**
 * {@link confirmedRemoteSessionAhead} in SQL, as {@link remoteSessionAheadSql} (same arguments):
 * `accepted` recorded (a JSON null or no key: not confirmed) and the session still ahead. True or
 * false, never null.
 */
export function confirmedRemoteSessionAheadSql(details: string, now: string): string {
  return (
    `(coalesce(${details} -> 'remoteSession' -> 'accepted', 'null'::jsonb) <> 'null'::jsonb` +
    ` AND ${remoteSessionAheadSql(details, now)})`
  );
}
