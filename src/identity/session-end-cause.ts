/** Why a user's earlier sessions ended (column `app_user.sessions_ended_because`). */
export type SessionEndCause =
  'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DEACTIVATED' | 'ROLES_REMOVED';

/** The refusal of a token from before the end, in words (the web app words it by `endedBecause`). */
export const SESSION_ENDED_MESSAGES: Readonly<Record<SessionEndCause, string>> = {
  PASSWORD_CHANGED: 'The session ended because the password changed; log in again',
  PASSWORD_RESET: 'The session ended because the password was reset; log in again',
  DEACTIVATED: 'The session ended because the account was deactivated; log in again',
  ROLES_REMOVED: 'The session ended because roles were removed from the account; log in again',
};

/** Why an expired token is refused, and an open connection opened with one closed (L3-04). */
export const SESSION_EXPIRED_MESSAGE = 'The session has expired; log in again';

/**
 * SQL fragment for an UPDATE of `app_user`: ends the user's sessions for cause `$n`. The epoch
 * bump is atomic, so two concurrent ends both count.
 */
export function endSessionsSql(causeParam: string): string {
  return `session_epoch = session_epoch + 1, sessions_ended_because = ${causeParam}`;
}
