import { DataSource, QueryFailedError } from 'typeorm';
import { preparedQuery, statementName } from '../../src/database/prepared-query';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { integrationConfig } from '../support/integration-harness';

// Issues 5/10 (the SLA board's page, L3-06…L3-09, read on every refresh): `preparedQuery` runs a
// read as a named prepared statement on the app's pool, on real PostgreSQL. One connection here,
// so what it prepared is visible in that session's `pg_prepared_statements`.

describe('preparedQuery: a read prepared once per connection', () => {
  let db: DataSource;

  beforeAll(async () => {
    const options = typeOrmOptions(integrationConfig().database.url);
    db = await new DataSource({ ...options, extra: { ...options.extra, max: 1 } }).initialize();
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('answers as db.query does, and the connection keeps the statement under its name', async () => {
    const text = 'SELECT $1::int + 1 AS n, $2::text AS label';
    expect(await preparedQuery(db, text, [41, 'a'])).toEqual([{ n: 42, label: 'a' }]);
    expect(await preparedQuery(db, text, [1, 'b'])).toEqual(
      await db.query('SELECT $1::int + 1 AS n, $2::text AS label', [1, 'b']),
    );
    const prepared = await db.query<{ name: string; statement: string }[]>(
      'SELECT name, statement FROM pg_prepared_statements',
    );
    expect(prepared).toEqual([{ name: statementName(text), statement: text }]);
  });

  it('two texts get two names; the same text always the same one', () => {
    expect(statementName('SELECT 1')).toBe(statementName('SELECT 1'));
    expect(statementName('SELECT 1')).not.toBe(statementName('SELECT 2'));
  });

  it('a value PostgreSQL refuses fails as from db.query: QueryFailedError with its SQLSTATE', async () => {
    const text = 'SELECT $1::uuid AS id';
    const viaQuery = await db.query(text, ['not-a-uuid']).catch((err: unknown) => err);
    const viaPrepared = await preparedQuery(db, text, ['not-a-uuid']).catch((err: unknown) => err);
    expect(viaQuery).toBeInstanceOf(QueryFailedError);
    expect(viaPrepared).toBeInstanceOf(QueryFailedError);
    const code = (err: unknown) =>
      (err as QueryFailedError<Error & { code: string }>).driverError.code;
    expect(code(viaPrepared)).toBe('22P02');
    expect(code(viaPrepared)).toBe(code(viaQuery));
    expect((viaPrepared as QueryFailedError).query).toBe(text);
  });
});
