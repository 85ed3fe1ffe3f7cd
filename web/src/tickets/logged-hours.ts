/**
 * The hours of one time entry as typed (L3-12): more than 0, at most 24 (one day's work), with at
 * most two decimals; a comma is read as the decimal point. The same rule as the API's
 * `LogTicketTimeInput.hours`, so the form never refuses what the API takes (it refused 0.1 h, six
 * minutes, which the API logs) nor sends what the API refuses. `undefined`: not hours.
 */
export function parseLoggedHours(text: string): number | undefined {
  const typed = text.trim();
  if (!/^\d+([.,]\d{1,2})?$/.test(typed)) return undefined;
  const value = Number(typed.replace(',', '.'));
  return value > 0 && value <= 24 ? value : undefined;
}

/**
 * Whether «Anular» is offered on a time entry (L3-12, L3-13): the API's rule for
 * `reverseTicketTimeEntry`. Managers and administrators may cancel any entry; an agent only their
 * own, while the ticket is open. Never one already reversed; one of no charge (L3-18) too.
 */
export function mayCancelEntry(
  entry: { agentId: string; chargedHours: number; reversed: boolean },
  user: { id: string; roles: readonly string[] },
  ticketOpen: boolean,
): boolean {
  if (entry.reversed) return false;
  if (user.roles.includes('MANAGER') || user.roles.includes('ADMIN')) return true;
  return user.roles.includes('AGENT') && entry.agentId === user.id && ticketOpen;
}
