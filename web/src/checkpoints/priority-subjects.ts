import type { Checkpoint } from '../api/checkpoints';

/** One ticket of a decision's new order, with its subject when the agenda knows it. */
export interface PriorityLine {
  number: string;
  /** Null when the ticket is in none of the agenda's lists (it arrived after the agenda). */
  subject: string | null;
}

/**
 * A recorded decision's new order (L3-15, L3-10) as the page shows it: each ticket number with
 * its subject, like the decisions email (QA S15: the page showed only «Nuevo orden: L3-2026-000002,
 * L3-2026-000001»). Subjects come from the agenda's own lists (open tickets first); a ticket the
 * agenda does not list keeps its number alone.
 */
export function priorityLines(
  numbers: readonly string[],
  cp: Pick<
    Checkpoint,
    'openTickets' | 'slaAlerts' | 'estimatesAwaitingAuthorization' | 'dateChanges'
  >,
): PriorityLine[] {
  const subjects = new Map<string, string>();
  const learn = (number: string, subject: string) => {
    if (subject && !subjects.has(number)) subjects.set(number, subject);
  };
  for (const t of cp.openTickets) learn(t.number, t.subject);
  for (const a of cp.slaAlerts) learn(a.ticketNumber, a.subject);
  for (const e of cp.estimatesAwaitingAuthorization) learn(e.ticketNumber, e.subject);
  for (const d of cp.dateChanges) learn(d.ticketNumber, d.subject);
  return numbers.map((number) => ({ number, subject: subjects.get(number) ?? null }));
}
