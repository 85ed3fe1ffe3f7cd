import type { EntityManager } from 'typeorm';

/**
 * L3-11: the one lock that keeps a rating and its reminder from crossing. Protocol, for every
 * writer that decides from "is this ticket rated?" (a rating, the rating reminder sweep):
 *
 * 1. inside its transaction, call this first: it locks ticket `number`'s row until the commit;
 * 2. only then check, in a statement of its own, what it decides on (rated yet, reminded yet).
 *
 * Under READ COMMITTED a statement that waited for the lock still judges with the snapshot it
 * started with, so a check made in the locking statement (or before it) could miss a rating
 * committed while it waited. Locked first and checked after, either the rating committed first
 * (the sweep sees it: no reminder) or the reminder was queued first (the rating waits for it).
 */
export async function lockTicketForRating(manager: EntityManager, number: string): Promise<void> {
  await manager.query(`SELECT 1 FROM ticket WHERE number = $1 FOR UPDATE`, [number]);
}
