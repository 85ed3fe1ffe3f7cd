import type { OrganizationKind } from './organization-kind.enum';
import type { AppUserEntity } from './app-user.entity';
import type { Role } from './role.enum';

/**
 * The caller of a protected operation, as the auth guard loaded it from the database for this
 * request (so a deactivation or a role change applies at once, whatever the token says).
 */
export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly organizationId: string;
  readonly organizationKind: OrganizationKind;
  readonly roles: readonly Role[];
  readonly locale: string;
  readonly timeZone: string;
  /** The session epoch of the token it came with (live updates stop when it moves; L3-04). */
  readonly sessionEpoch?: number;
}

/**
 * The row each caller was built from. Kept beside the caller, not on it: callers are handed to
 * services, logs and workflow payloads, which should not carry the whole row.
 */
const storedRows = new WeakMap<AuthenticatedUser, AppUserEntity>();

/** The caller as the guards see it, from its stored user row. */
export function authenticatedUserOf(user: AppUserEntity): AuthenticatedUser {
  const caller: AuthenticatedUser = {
    id: user.id,
    email: user.email,
    organizationId: user.organizationId,
    organizationKind: user.organizationKind,
    roles: user.roles,
    locale: user.locale,
    timeZone: user.timeZone,
    sessionEpoch: user.sessionEpoch,
  };
  storedRows.set(caller, user);
  return caller;
}

/**
 * The stored row (with its organization) `caller` was built from by {@link authenticatedUserOf}:
 * for the auth guard's caller, the user as the session check read it for this request, already
 * found active and with a live session (L3-04), so `me` need not read it again.
 */
export function storedUserOf(caller: AuthenticatedUser): AppUserEntity {
  const row = storedRows.get(caller);
  if (!row) throw new Error(`Caller ${caller.id} was not built from a stored user row`);
  return row;
}
