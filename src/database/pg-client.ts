import { Client, type ClientConfig } from 'pg';

/**
 * The `pg` client every TypeORM pool of ours creates (`extra.Client`): one that always has an
 * `error` listener. `pg-pool` takes its own listener off a client the moment it hands the client
 * out, and TypeORM puts its listener on a promise later. When a server dies while a connection is
 * being opened, its last startup message and its `FATAL` (57P01, "terminating connection due to
 * unexpected postmaster exit") can arrive in one TCP read; `pg` then emits `error` in that gap and,
 * with no listener, Node throws it and the whole process (API, worker, test run) goes down. Here
 * the error is not lost: the client is marked not queryable, so whoever holds it gets a refused
 * query, answered as UNAVAILABLE like any other outage.
 */
export class PoolClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
