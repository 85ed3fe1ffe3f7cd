import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

/** Applies every pending committed migration, each in its own transaction; returns their names. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(typeOrmOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
