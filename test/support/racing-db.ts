import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Which statement of the reader's `write` commits after. */
export interface RaceOptions {
  /**
   * The first statement that answers and matches (by its SQL) is the one; by default any but
   * transaction control (`START TRANSACTION`, `SET TRANSACTION …`, `COMMIT`, …).
   */
  readonly after?: (sql: string) => boolean;
}

const TRANSACTION_CONTROL =
  /^\s*(START|BEGIN|SET TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * `db` whose every statement commits `write` once, right after the first of them answers (or the
 * first `after` picks): its own `query`, its transactions' (repositories' and query builders'
 * statements included) and those of the query runners it creates. A concurrent writer committing
 * between a reader's statements, for specs of what a reader derives from several of them (one
 * snapshot or not).
 */
export function racingDb<T extends DataSource | EntityManager>(
  db: T,
  write: () => Promise<unknown>,
  { after = (sql) => !TRANSACTION_CONTROL.test(sql) }: RaceOptions = {},
): T {
  let done = false;
  const raceAfter = async (sql: unknown): Promise<void> => {
    if (done || typeof sql !== 'string' || !after(sql)) return;
    done = true;
    await write();
  };
  /** `runner`, racing after its statements: every statement of a transaction goes through it. */
  const racing = (runner: QueryRunner): QueryRunner => {
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    (runner as { query: unknown }).query = async (...args: unknown[]) => {
      const rows = await query(...args);
      await raceAfter(args[0]);
      return rows;
    };
    return runner;
  };
  const wrap = <U extends DataSource | EntityManager>(target: U): U =>
    new Proxy(target, {
      get(t, prop) {
        if (prop === 'query') {
          return async (...args: unknown[]) => {
            const rows: unknown = await (t.query as (...a: unknown[]) => Promise<unknown>)(...args);
            await raceAfter(args[0]);
            return rows;
          };
        }
        if (prop === 'transaction') {
          // Both forms: `transaction(work)` and `transaction(isolation, work)`.
          return (...args: unknown[]) => {
            const work = args.at(-1) as (tx: EntityManager) => Promise<unknown>;
            const inside = (tx: EntityManager) => {
              if (tx.queryRunner) racing(tx.queryRunner);
              return work(tx);
            };
            return args.length > 1
              ? t.transaction(args[0] as 'REPEATABLE READ', inside)
              : t.transaction(inside);
          };
        }
        if (prop === 'createQueryRunner') {
          return (...args: unknown[]) =>
            racing((t as DataSource).createQueryRunner(...(args as [])));
        }
        const value: unknown = Reflect.get(t, prop, t);
        return typeof value === 'function' ? (value as () => unknown).bind(t) : value;
      },
    });
  return wrap(db);
}
