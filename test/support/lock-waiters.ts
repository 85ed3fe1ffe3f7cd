import type { DataSource } from 'typeorm';
import { eventually } from './eventually';

/**
 * Resolves once a session of `db`'s database waits for an advisory lock (`pg_locks`, this database
 * only: the tier's other specs share the server): the call a spec started has reached the lock
 * the spec holds.
 */
export async function someoneWaitsForAdvisoryLock(db: DataSource): Promise<void> {
  await eventually(
    () =>
      db.query<{ waiting: number }[]>(
        `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_database d ON d.oid = l.database
          WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
      ),
    ([row]) => row.waiting > 0,
  );
}
