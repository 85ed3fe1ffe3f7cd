import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { integrationConfig } from '../support/integration-harness';

// Every committed migration goes down: all up, reverted one by one to none, all up again, and the
// schema of the second up is the first one's (columns, constraints, indexes, triggers, functions,
// views, types). Production upgrades never run down(), but an operator rolling a release back does,
// and a down() that leaves a trigger or a function behind breaks the next up. On the tier's
// PostgreSQL server, in a throwaway database of its own.

/** Every object of the public schema the migrations create, as text comparable across databases. */
async function catalog(db: DataSource): Promise<Record<string, string[]>> {
  const rows = async (sql: string) => (await db.query<{ x: string }[]>(sql)).map((r) => r.x).sort();
  return {
    columns: await rows(
      `SELECT concat_ws(' ', table_name, column_name, data_type, udt_name, is_nullable,
                        column_default, character_maximum_length::text, is_generated,
                        generation_expression) AS x
         FROM information_schema.columns WHERE table_schema = 'public'`,
    ),
    constraints: await rows(
      `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS x
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
    ),
    indexes: await rows(`SELECT indexdef AS x FROM pg_indexes WHERE schemaname = 'public'`),
    triggers: await rows(
      `SELECT pg_get_triggerdef(t.oid) || CASE t.tgenabled WHEN 'D' THEN ' DISABLED' ELSE '' END AS x
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal`,
    ),
    functions: await rows(
      `SELECT pg_get_functiondef(p.oid) AS x FROM pg_proc p
         LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
        WHERE p.pronamespace = 'public'::regnamespace AND d.objid IS NULL`,
    ),
    relations: await rows(
      `SELECT c.relkind::text || ' ' || c.relname || coalesce(' ' || pg_get_viewdef(c.oid), '') AS x
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
          AND c.relkind IN ('r', 'v', 'm', 'S', 'p')`,
    ),
    types: await rows(
      `SELECT t.typname || ' ' || coalesce(string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder), '')
              AS x
         FROM pg_type t LEFT JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'c')
          AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
        GROUP BY t.typname`,
    ),
    extensions: await rows(`SELECT extname AS x FROM pg_extension`),
  };
}

describe('every migration goes down (S18)', () => {
  const shared = integrationConfig().database.url;
  const name = `sla_migrations_down_${process.pid}_${Date.now()}`;
  const url = new URL(shared);
  url.pathname = `/${name}`;
  let db: DataSource;

  const onServer = async (sql: string) => {
    const admin = await new DataSource(typeOrmOptions(shared)).initialize();
    try {
      await admin.query(sql);
    } finally {
      await admin.destroy();
    }
  };

  beforeAll(async () => {
    await onServer(`CREATE DATABASE "${name}"`);
    db = await new DataSource(typeOrmOptions(url.toString())).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('runs all up, reverts each to none, and the second up builds the same schema', async () => {
    const applied = await db.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(db.migrations.length);
    const first = await catalog(db);
    expect(first.triggers.length).toBeGreaterThan(0);

    // Newest first, each in its own transaction, as `typeorm migration:revert` does.
    const reverted: string[] = [];
    for (;;) {
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM schema_migrations',
      );
      if (n === 0) break;
      const [{ name: last }] = await db.query<{ name: string }[]>(
        'SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1',
      );
      try {
        await db.undoLastMigration({ transaction: 'each' });
      } catch (err) {
        throw new Error(`${last}.down() failed: ${(err as Error).message}`);
      }
      reverted.push(last);
    }
    expect(reverted).toEqual(applied.map((m) => m.name).reverse());
    // Nothing of the schema's own is left but TypeORM's migration table.
    const empty = await catalog(db);
    expect(empty.relations).toEqual(['S schema_migrations_id_seq', 'r schema_migrations']);
    expect({ ...empty, relations: [], columns: [], constraints: [], indexes: [] }).toEqual({
      relations: [],
      columns: [],
      constraints: [],
      indexes: [],
      triggers: [],
      functions: [],
      types: [],
      extensions: empty.extensions,
    });

    expect((await db.runMigrations({ transaction: 'each' })).length).toBe(applied.length);
    expect(await catalog(db)).toEqual(first);
  });
});
