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
 * Resolves once at least `waiting` sessions of `db`'s database (1 unless told) wait for a row lock
 * (`pg_stat_activity`, this database only), in a statement naming `table` when one is given: the
 * calls a spec started have reached a row the spec's open transaction locked or wrote, the first
 * waiting for the holder, the next ones queued behind it in the order they arrived. A row lock is
 * waited for on its holder's transaction ID (or on the tuple, by a later session in line), which
 * `pg_locks` shows without a database.
 */
export async function someoneWaitsForRowLock(
  db: DataSource,
  table?: string,
  waiting = 1,
): Promise<void> {
  await someoneWaits(
    db,
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'
        AND wait_event IN ('transactionid', 'tuple') AND pid <> pg_backend_pid()
        AND query ILIKE '%' || $1 || '%'`,
    [table ?? ''],
    waiting,
  );
}

/**
 * Resolves once at least `waiting` sessions of `db`'s database wait for a lock of any kind (a row,
 * an advisory lock, a table: `pg_stat_activity`): for calls a spec started that queue on different
 * locks, or on one the spec does not know of (the same spec on the code before a lock was added).
 */
export async function someoneWaitsForAnyLock(db: DataSource, waiting = 1): Promise<void> {
  await someoneWaits(
    db,
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    [],
    waiting,
  );
}

/** Resolves once `countWaiting` (one row, `waiting`) counts at least `atLeast` sessions. */
async function someoneWaits(
  db: DataSource,
  countWaiting: string,
  params: unknown[] = [],
  atLeast = 1,
): Promise<void> {
  await eventually(
    () => db.query<{ waiting: number }[]>(countWaiting, params),
    ([row]) => row.waiting >= atLeast,
  );
}
