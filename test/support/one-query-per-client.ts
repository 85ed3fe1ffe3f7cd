import { Client } from 'pg';

/**
 * Fails a spec whose code sent a query on a PostgreSQL connection still busy with another (e.g.
 * `Promise.all` over one transaction's manager). `pg` 8 queues such a query, warns once per
 * process, and will refuse it in `pg` 9; inside a transaction the order of the two is then
 * whatever the queue made of it. Installed for the tiers that run the API and the worker in the
 * test's own process (setupFilesAfterEnv).
 */
type ClientState = { _activeQuery?: unknown; _queryQueue?: unknown[] };

const overlapping: string[] = [];
const query = Reflect.get(Client.prototype, 'query') as (
  this: Client,
  ...args: unknown[]
) => unknown;
Client.prototype.query = function (this: Client & ClientState, ...args: unknown[]) {
  if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) {
    overlapping.push(new Error('a query sent on a connection busy with another').stack ?? '');
  }
  return query.apply(this, args);
} as typeof Client.prototype.query;

afterEach(() => {
  const found = overlapping.splice(0);
  expect(found).toEqual([]);
});
