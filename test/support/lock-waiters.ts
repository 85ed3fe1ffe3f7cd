import type { DataSource } from 'typeorm';
import { eventually } from './eventually';

/**
 * Resolves once a session of `db`'s database waits for an advisory lock (`pg_locks`, this database
 * only: the tier's other specs share the server): the call a spec started has reached the lock
 * the spec holds.
 */
export async function someoneWaitsForAdvisoryLock(db: DataSource): Promise<void> {
  await someoneWaits(
    db,
    `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_database d ON d.oid = l.database
      WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
  );
}

/**
 * Resolves once a session of `db`'s database waits for a row lock (`pg_stat_activity`, this
 * database only): the call a spec started has reached a row the spec's open transaction locked
 * or wrote. A row lock is waited for on its holder's transaction ID (or on the tuple, by a third
 * session in line), which `pg_locks` shows without a database.
 */
export async function someoneWaitsForRowLock(db: DataSource): Promise<void> {
  await someoneWaits(
    db,
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'
        AND wait_event IN ('transactionid', 'tuple')`,
  );
}

/** Resolves once `countWaiting` (one row, `waiting`) counts a session. */
async function someoneWaits(db: DataSource, countWaiting: string): Promise<void> {
  await eventually(
    () => db.query<{ waiting: number }[]>(countWaiting),
    ([row]) => row.waiting > 0,
  );
}

/**
 * Resolves once at least `waiting` sessions of `db`'s database wait for a lock in a statement
 * naming `table` (`pg_stat_activity`, this database only): the calls a spec started have reached
 * the row it holds with `SELECT … FOR UPDATE`, the first waiting for the holder, the next ones
 * queued behind the first, in the order they arrived.
 */
export async function someoneWaitsForRowLock(
  db: DataSource,
  table: string,
  waiting = 1,
): Promise<void> {
  await eventually(
    () =>
      db.query<{ waiting: number }[]>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND pid <> pg_backend_pid() AND query ILIKE '%' || $1 || '%'`,
        [table],
      ),
    ([row]) => row.waiting >= waiting,
  );
}
