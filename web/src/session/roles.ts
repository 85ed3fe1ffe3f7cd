import type { Role, User } from '../api/operations';

/** What each screen needs; the API enforces the same rules on every operation. */
export const can = {
  seeConsole: (user: User) => hasAny(user, ['AGENT', 'MANAGER', 'ADMIN']),
  seeDashboard: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  manageCalendars: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  manageUsers: (user: User) => hasAny(user, ['ADMIN']),
  manageContracts: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  seeOutbox: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  seeOwnHours: (user: User) => hasAny(user, ['CLIENT_USER', 'CLIENT_APPROVER']),
};

function hasAny(user: User, roles: Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/** Where a user lands after logging in. */
export function homePath(user: User): string {
  return can.seeConsole(user) ? '/consola' : '/mis-tickets';
}
