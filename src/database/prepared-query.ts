import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The statement name of each SQL text: the same text always gets the same name. */
const names = new Map<string, string>();

/** A name for `text`, unique per text (pg refuses one name for two texts on a connection). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` with `values` on `db`'s pool as a named prepared statement: each connection parses
 * it once, and PostgreSQL may keep one plan for it, where `db.query` has every call planned
 * afresh. For reads asked on every refresh whose planning is a large share of their cost (the SLA
 * board's page joins three tables: about 1 ms of planning against 1.3 ms of execution; see
 * docs/PERFORMANCE.md). `text` must not vary with the values (they go in `values`), so the names
 * stay few. A failure is TypeORM's `QueryFailedError`, as from `db.query`, so the API maps it the
 * same way (e.g. an outage answers UNAVAILABLE).
 */
export async function preparedQuery<T extends QueryResultRow>(
  db: DataSource,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  try {
    const result = await pool.query<T>({ name: statementName(text), text, values: [...values] });
    return result.rows;
  } catch (err) {
    throw new QueryFailedError(text, [...values], err as Error);
  }
}
