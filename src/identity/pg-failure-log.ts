import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FailureLog } from './login-rate-limiter';

/**
 * The throttles' failures in PostgreSQL (`login_failure`, migration 1764319200000): one count
 * for every API instance, on the database's clock. Each new failure also deletes the rows that
 * left the window, so the table holds at most a window's worth of failures.
 */
@Injectable()
export class PgFailureLog implements FailureLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async recent(key: string, windowMs: number): Promise<{ now: number; failures: number[] }> {
    const [row] = await this.db.query<{ now: number; failures: number[] }[]>(
      `SELECT (extract(epoch FROM n.at) * 1000)::float8 AS now,
         ARRAY(SELECT (extract(epoch FROM f.failed_at) * 1000)::float8 FROM login_failure f
                WHERE f.throttle_key = $1 AND f.failed_at > n.at - $2 * interval '1 millisecond'
                ORDER BY f.failed_at) AS failures
       FROM (SELECT clock_timestamp() AS at) n`,
      [key, windowMs],
    );
    return { now: row.now, failures: row.failures };
  }

  async add(key: string, windowMs: number): Promise<void> {
    await this.db.query(
      `WITH expired AS (
         DELETE FROM login_failure WHERE failed_at < clock_timestamp() - $2 * interval '1 millisecond'
       )
       INSERT INTO login_failure (throttle_key) VALUES ($1)`,
      [key, windowMs],
    );
  }

  /**
   * Deletes the failures older than `windowMs`, of any key, and returns how many: `add` does so
   * only when another failure comes, and a key names an address (`reset-request:<address>|<ip>`),
   * so without it a quiet day would keep the addresses typed on the sign-in page.
   */
  async prune(windowMs: number): Promise<number> {
    const [, deleted] = await this.db.query<[unknown[], number]>(
      `DELETE FROM login_failure WHERE failed_at < clock_timestamp() - $1 * interval '1 millisecond'`,
      [windowMs],
    );
    return deleted;
  }

  async clear(key: string): Promise<void> {
    await this.db.query(`DELETE FROM login_failure WHERE throttle_key = $1`, [key]);
  }
}
