import { isTicketEnded, TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { type AuthenticatedUser, isProviderStaff, Role } from '../identity';

// «Se necesita su respuesta» (L3-06, L3-07, L3-09, L3-11): when the ticket's next step is the
// client's. One rule for the list's «Su respuesta» marker (a field) and its «Esperan mi
// respuesta» filter (SQL), so the two never disagree.

/** States in which the provider waits on the client's portal users (any of them may answer). */
export const AWAITING_CLIENT_STATES: readonly string[] = [
  // L3-06: information asked, or a remote session proposed.
  'INFO_REQUESTED',
  'REMOTE_SESSION_PROPOSED',
  // L3-07/L3-08: analysis or diagnosis paused until the client answers.
  'WAITING_ON_CLIENT',
  // L3-07: confirm the solution or reopen.
  'RESOLVED',
  // L3-09: test the release, accept it or report failures.
  'RELEASED_FOR_TESTING',
];

/**
 * Whether the caller may act on an estimate or change order waiting for a written authorization
 * (L3-09/L3-12): only an approver does; a portal user's list does not count it as theirs (the
 * ticket page tells them an approver must authorize). Provider staff see every client wait.
 */
function answersAuthorizations(user: AuthenticatedUser): boolean {
  return isProviderStaff(user) || user.roles.includes(Role.CLIENT_APPROVER);
}

/** Whether `ticket` waits on the client for `user` (a client: on them; staff: on the client). */
export function awaitsClient(
  user: AuthenticatedUser,
  ticket: {
    readonly state: string;
    readonly estimates: readonly { readonly status: string }[];
    readonly remoteSession?: { readonly accepted: unknown } | null;
  },
): boolean {
  // A remote session the client confirmed waits on the session itself, not on the client.
  if (ticket.state === 'REMOTE_SESSION_PROPOSED' && ticket.remoteSession?.accepted) return false;
  if (AWAITING_CLIENT_STATES.includes(ticket.state)) return true;
  if (isTicketEnded(ticket.state)) return false;
  return answersAuthorizations(user) && ticket.estimates.at(-1)?.status === 'SUBMITTED';
}

/**
 * L3-06 (QA S60b #9): the time of the remote session the client confirmed, while the ticket waits
 * for it (REMOTE_SESSION_PROPOSED, triage clock stopped: no deadline runs); null otherwise. What
 * the lists' «Próximo plazo» says instead of «Sin plazo en curso»: «Sesión remota: <fecha>», and
 * the checkpoint agenda's too (L3-15). `at` as given: a `Date` from the API's models, the ISO
 * string of the read model's `details` (the agenda's snapshot).
 */
export function confirmedRemoteSessionAt<At extends Date | string>(ticket: {
  readonly state: string;
  readonly remoteSession?: { readonly accepted: unknown; readonly at: At } | null;
}): At | null {
  if (ticket.state !== 'REMOTE_SESSION_PROPOSED' || !ticket.remoteSession?.accepted) return null;
  return ticket.remoteSession.at;
}

const quoted = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

/** Over the read model's `ticket` row `t`: the client confirmed the proposed remote session. */
export const REMOTE_SESSION_ACCEPTED_SQL = `coalesce(t.details -> 'remoteSession' -> 'accepted', 'null'::jsonb) <> 'null'::jsonb`;

/**
 * The same rule as SQL over the read model's `ticket` row `t` (constants only: no parameters). The
 * newest estimate version is the one an approver may authorize, an estimate or a change order.
 */
export function awaitsClientSql(user: AuthenticatedUser): string {
  const states =
    `(t.state IN (${quoted(AWAITING_CLIENT_STATES)})` +
    ` AND NOT (t.state = 'REMOTE_SESSION_PROPOSED'` +
    ` AND ${REMOTE_SESSION_ACCEPTED_SQL}))`;
  if (!answersAuthorizations(user)) return `(${states})`;
  const authorization =
    `(t.details -> 'estimates' -> -1 ->> 'status' = 'SUBMITTED'` +
    ` AND t.state NOT IN (${quoted(TERMINAL_STATES)}))`;
  return `(${states} OR ${authorization})`;
}
