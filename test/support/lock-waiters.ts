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

/** Counts the sessions of this database waiting for a lock of any kind. */
const ANY_LOCK = `SELECT count(*)::int AS waiting FROM pg_stat_activity
  WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`;

/**
 * Resolves once at least `waiting` sessions of `db`'s database wait for a lock of any kind (a row,
 * an advisory lock, a table: `pg_stat_activity`): for calls a spec started that queue on different
 * locks, or on one the spec does not know of (the same spec on the code before a lock was added).
 */
export async function someoneWaitsForAnyLock(db: DataSource, waiting = 1): Promise<void> {
  await someoneWaits(db, ANY_LOCK, [], waiting);
}

/**
 * Resolves once `call` has settled or at least `waiting` sessions wait for a lock of any kind (as
 * {@link someoneWaitsForAnyLock}): for a call that queues behind a lock on the fixed code and runs
 * straight through on the code before that lock, the spec then asserting on what it did.
 */
export async function settledOrWaitsForAnyLock(
  db: DataSource,
  call: Promise<unknown>,
  waiting = 1,
): Promise<void> {
  let settled = false;
  const done = () => {
    settled = true;
  };
  // The spec awaits `call` itself and hears its error there.
  call.then(done, done);
  await someoneWaits(db, ANY_LOCK, [], waiting, () => settled);
}

/**
 * Resolves once `countWaiting` (one row, `waiting`) counts at least `atLeast` sessions, or as soon
 * as `unless` holds.
 */
async function someoneWaits(
  db: DataSource,
  countWaiting: string,
  params: unknown[] = [],
  atLeast = 1,
  unless: () => boolean = () => false,
): Promise<void> {
  await eventually(
    async () => ({
      unless: unless(),
      ...(await db.query<{ waiting: number }[]>(countWaiting, params))[0],
    }),
    (seen) => seen.unless || seen.waiting >= atLeast,
  );
}
