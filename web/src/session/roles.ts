import type { Role, User } from '../api/operations';

/** What each screen needs; the API enforces the same rules on every operation. */
export const can = {
  seeConsole: (user: User) => hasAny(user, ['AGENT', 'MANAGER', 'ADMIN']),
  seeDashboard: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  manageCalendars: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  /** L3-04: managers read the accounts (who approves for a client, who is invited); admins issue them. */
  seeUsers: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  manageUsers: (user: User) => hasAny(user, ['ADMIN']),
  manageContracts: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  seeOutbox: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  seeOwnHours: (user: User) => hasAny(user, ['CLIENT_USER', 'CLIENT_APPROVER']),
  /** L3-10: the client queue screen (approvers reorder it; provider staff read any client's). */
  seeQueue: (user: User) =>
    hasAny(user, ['CLIENT_USER', 'CLIENT_APPROVER', 'AGENT', 'MANAGER', 'ADMIN']),
  reorderQueue: (user: User) => hasAny(user, ['CLIENT_APPROVER']),
  /** L3-15: agendas are read by both sides; staff and approvers record decisions. */
  recordCheckpointDecisions: (user: User) =>
    hasAny(user, ['CLIENT_APPROVER', 'AGENT', 'MANAGER', 'ADMIN']),
  setCheckpointSettings: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  /** L3-15: managers ask for an off-schedule agenda now («Generar agenda ahora»). */
  generateCheckpointAgenda: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  /** Canned responses: staff read and insert them; managers and admins write them. */
  seeCannedResponses: (user: User) => hasAny(user, ['AGENT', 'MANAGER', 'ADMIN']),
  manageCannedResponses: (user: User) => hasAny(user, ['MANAGER', 'ADMIN']),
  /** L3-09: only approvers authorize an estimate or a change order in writing. */
  authorizeEstimates: (user: User) => hasAny(user, ['CLIENT_APPROVER']),
  /** L3-19: provider staff move a published date. */
  adjustReleaseDate: (user: User) => hasAny(user, ['AGENT', 'MANAGER', 'ADMIN']),
};

function hasAny(user: User, roles: Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/**
 * The ticket list's address: staff's «Tickets» (every client's) at `/tickets`, a client's «Mis
 * tickets» at `/mis-tickets`. Each opening the other's is sent to their own (app.tsx).
 */
export function ticketListPath(user: User): string {
  return can.seeConsole(user) ? STAFF_TICKET_LIST : CLIENT_TICKET_LIST;
}
export const STAFF_TICKET_LIST = '/tickets';
export const CLIENT_TICKET_LIST = '/mis-tickets';

/** Where a user lands after logging in. */
export function homePath(user: User): string {
  return can.seeConsole(user) ? '/consola' : CLIENT_TICKET_LIST;
}
