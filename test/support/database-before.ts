import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { repoRoot } from '../../src/common/repo-root';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { integrationConfig } from './integration-harness';

/** A throwaway database for a migration's spec; see {@link databaseBefore}. */
export interface DatabaseBefore {
  /** Its URL: `runMigrations(url)` runs the migration left out; a DataSource on it reads after. */
  readonly url: string;
  /** Connected to it, with every migration but the one left out run: fill it, then destroy it. */
  readonly before: DataSource;
  /** Drops the database (closing `before` if still open). */
  readonly drop: () => Promise<void>;
}

/**
 * A database of its own on the integration tier's PostgreSQL server, migrated with every
 * migration except `migration` (the start of its file name), so a spec can fill it as the code
 * before that migration left it, run the migration and read what it did.
 */
export async function databaseBefore(label: string, migration: string): Promise<DatabaseBefore> {
  const server = integrationConfig().database.url;
  const name = `sla_${label}_${process.pid}_${Date.now()}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = await new DataSource(typeOrmOptions(server)).initialize();
  await admin.query(`CREATE DATABASE "${name}"`);
  const dir = join(repoRoot(), 'src', 'database', 'migrations');
  const before = new DataSource({
    ...typeOrmOptions(url.toString()),
    migrations: readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.startsWith(migration))
      .map((f) => join(dir, f)),
  });
  const drop = async () => {
    try {
      if (before.isInitialized) await before.destroy();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.destroy();
    }
  };
  try {
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
  } catch (err) {
    await drop();
    throw err;
  }
  return { url: url.toString(), before, drop };
}
