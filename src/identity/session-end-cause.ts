import { DomainError, ErrorCode } from '../common/errors/domain-error';

/**
 * Why a session ended: why all of a user's earlier sessions did (column
 * `app_user.sessions_ended_because`), or `LOGGED_OUT`, one session ended by «Cerrar sesión» (table
 * `logged_out_session`, never stored in that column).
 */
export type SessionEndCause =
  'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DEACTIVATED' | 'ROLES_REMOVED' | 'LOGGED_OUT';

/** The refusal of a token from before the end, in words (the web app words it by `endedBecause`). */
export const SESSION_ENDED_MESSAGES: Readonly<Record<SessionEndCause, string>> = {
  PASSWORD_CHANGED: 'The session ended because the password changed; log in again',
  PASSWORD_RESET: 'The session ended because the password was reset; log in again',
  DEACTIVATED: 'The session ended because the account was deactivated; log in again',
  ROLES_REMOVED: 'The session ended because roles were removed from the account; log in again',
  LOGGED_OUT: 'The session ended because it was logged out; log in again',
};

/** Why an expired token is refused, and an open connection opened with one closed (L3-04). */
export const SESSION_EXPIRED_MESSAGE = 'The session has expired; log in again';

/**
 * UNAUTHENTICATED for a token whose session ended (reason `SESSION_ENDED`, `endedBecause` the
 * stored cause when there is one): the guard's answer, and a password change's whose session
 * ended while it ran (L3-04).
 */
export function sessionEndedError(cause: SessionEndCause | null | undefined): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, sessionEndedMessage(cause), {
    reason: 'SESSION_ENDED',
    ...(cause ? { endedBecause: cause } : {}),
  });
}

/** Why a session ended, in words (also the close reason of its open sockets). */
export function sessionEndedMessage(cause: SessionEndCause | null | undefined): string {
  return cause ? SESSION_ENDED_MESSAGES[cause] : 'The session is no longer valid';
}

/**
 * SQL fragment for an UPDATE of `app_user`: ends the user's sessions for cause `$n`. The epoch
 * bump is atomic, so two concurrent ends both count.
 */
export function endSessionsSql(causeParam: string): string {
  return `session_epoch = session_epoch + 1, sessions_ended_because = ${causeParam}`;
}
