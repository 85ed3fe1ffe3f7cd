import type { DataSource, EntityManager } from 'typeorm';

/**
 * `db` whose every `query` (its own and its transactions' managers') commits `write` once, right
 * after the first of them answers: a concurrent writer committing between a reader's statements,
 * for specs of what a reader derives from several of them (one snapshot or not).
 */
export function racingDb<T extends DataSource | EntityManager>(
  db: T,
  write: () => Promise<unknown>,
): T {
  let done = false;
  const wrap = <U extends DataSource | EntityManager>(target: U): U =>
    new Proxy(target, {
      get(t, prop) {
        if (prop === 'query') {
          return async (...args: unknown[]) => {
            const rows: unknown = await (t.query as (...a: unknown[]) => Promise<unknown>)(...args);
            if (!done) {
              done = true;
              await write();
            }
            return rows;
          };
        }
        if (prop === 'transaction') {
          return (isolation: string, work: (tx: EntityManager) => Promise<unknown>) =>
            (t as DataSource).transaction(isolation as 'REPEATABLE READ', (tx) => work(wrap(tx)));
        }
        const value: unknown = Reflect.get(t, prop, t);
        return typeof value === 'function' ? (value as () => unknown).bind(t) : value;
      },
    });
  return wrap(db);
}
